/**
 * Sample view models for the Performance Board's cards, from the demo council (Fenmarsh District
 * Council) in October 2026: for the card tests and for rendering the cards to PNG
 * (npm run cards:render). Already formatted for people, like the real ones.
 */
import { DEMO_INDICATORS, type DemoIndicator } from '../../demo/demo-indicators';
import { DEMO_PEOPLE } from '../../demo/demo-people';
import { SAMPLE_USER_ID } from '../samples';
import type {
  ApprovalCardView,
  ChoiceView,
  DigestAttentionView,
  DigestCardView,
  DigestGroupView,
  DigestImprovementView,
  DigestMissingView,
  OverdueActionView,
  OverdueReminderView,
  RecoveryCheckView,
  ThreadClosingView,
  ThreadUpdateView,
  PlanActionView,
  PlanCardView,
  StatusCountsView,
  ThreadCardView,
} from './board-view-models';

const P = DEMO_PEOPLE;
const PERIOD = '2026-10';
const PERIOD_LABEL = 'October 2026';

function demo(code: string): DemoIndicator {
  const found = DEMO_INDICATORS.find((d) => d.code === code);
  if (!found) throw new Error(`No demo indicator ${code}`);
  return found;
}

const SRV01 = demo('SRV01');
const CUS04 = demo('CUS04');

/** Teams user ids (29:...) of the people the samples mention or refresh for. */
export const SAMPLE_TEAMS_IDS = {
  gareth: SAMPLE_USER_ID,
  marcus: '29:1aQ7wLm3Xc9Rb5Tz2Nv8Kp4Hs6Jd0Fg1Yu3Ei5Ow7Pq9Ra2Sb4Tc6Ud8Ve0Wf2Xg4Yh6Zi8Aj0Bk2Cl4Dm6En8Fo',
  robert: '29:1bR8xMn4Yd0Sc6Ua3Ow9Lq5It7Ke1Gh2Zv4Fj6Px8Qs0Tb3Uc5Vd7We9Xf1Yg3Zh5Ai7Bj9Ck1Dl3Em5Fn7Go9Hp',
  nadia: '29:1cS9yNo5Ze1Td7Vb4Px0Mr6Ju8Lf2Hi3Aw5Gk7Qy9Rt1Uc4Vd6We8Xf0Yg2Zh4Ai6Bj8Ck0Dl2Em4Fn6Go8Hp0Iq',
} as const;

// ---------------------------------------------------------------------------------------------
// Digest: the demo register (20 indicators reported for October 2026 and Q2 2026/27)

const counts = (green: number, amber: number, red: number, dataOnly = 0, missing = 0, due = 0, awaiting = 0): StatusCountsView => ({
  green,
  amber,
  red,
  dataOnly,
  missing,
  due,
  awaiting,
});

export const SAMPLE_DIGEST: DigestCardView = {
  period: PERIOD,
  periodLabel: PERIOD_LABEL,
  coverageText: 'October 2026 and Q2 2026/27',
  previousPeriodLabel: 'September 2026',
  totals: counts(11, 3, 3, 1, 1, 1),
  previousTotals: counts(12, 4, 2, 1, 0, 1),
  byLens: [
    { name: 'People', counts: counts(1, 0, 0) },
    { name: 'Finance', counts: counts(1, 1, 0, 0, 1) },
    { name: 'Customers', counts: counts(3, 1, 0) },
    { name: 'Environment', counts: counts(3, 0, 1, 0, 0, 1) },
    { name: 'Services', counts: counts(3, 1, 2, 1) },
  ],
  byDirectorate: [
    { name: 'Customers and Communities', counts: counts(3, 1, 1, 1) },
    { name: 'Place and Environment', counts: counts(5, 1, 1, 0, 0, 1) },
    { name: 'Resources', counts: counts(3, 1, 1, 0, 1) },
  ],
  attention: [
    {
      code: 'ENV03',
      title: demo('ENV03').title,
      status: 'RED',
      owner: P.wasteManager.name,
      valueAgainstTarget: '0.05% against 0.03%',
      trend: 'WORSENED',
      comparisonText: '0.02 points worse than Sep 2026',
      changeText: 'was Amber in Sep 2026',
      planState: 'NONE',
    },
    {
      code: 'SRV01',
      title: SRV01.title,
      status: 'RED',
      owner: P.benefitsManager.name,
      valueAgainstTarget: '24.6 days against 20.0 days',
      trend: 'WORSENED',
      comparisonText: '2.7 days worse than Sep 2026',
      changeText: null,
      planState: 'SUBMITTED',
      narrativeOwed: true,
    },
    {
      code: 'SRV07',
      title: demo('SRV07').title,
      status: 'RED',
      owner: P.housingManager.name,
      valueAgainstTarget: '52.0% against 60.0% (Q2 2026/27)',
      trend: 'WORSENED',
      comparisonText: '6.0 points worse than Q1 2026/27',
      changeText: 'was Amber in Q1 2026/27',
      planState: 'APPROVED',
    },
    {
      code: 'CUS04',
      title: CUS04.title,
      status: 'AMBER',
      owner: P.customerManager.name,
      valueAgainstTarget: '5.4% against 5.0%',
      trend: 'IMPROVED',
      comparisonText: '0.9 points better than Sep 2026',
      changeText: 'was Red in Sep 2026',
      planState: null,
    },
    {
      code: 'FIN01',
      title: demo('FIN01').title,
      status: 'AMBER',
      owner: P.revenuesManager.name,
      valueAgainstTarget: '65.1% against a profile of 65.6%',
      trend: 'UNCHANGED',
      comparisonText: 'level with October last year; behind the profiled target of 65.6%',
      changeText: null,
      planState: null,
    },
    {
      code: 'SRV04',
      title: demo('SRV04').title,
      status: 'AMBER',
      owner: P.planningManager.name,
      valueAgainstTarget: '61.0% against 65.0% (Q2 2026/27)',
      trend: 'WORSENED',
      comparisonText: '6.0 points worse than Q1 2026/27',
      changeText: 'was Green in Q1 2026/27',
      planState: 'REQUESTED',
    },
  ],
  improvements: [
    {
      code: 'CUS02',
      title: demo('CUS02').title,
      owner: P.customerManager.name,
      statusChange: 'Amber to Green',
      movement: '4.6 minutes to 4.1 minutes (Q1 to Q2 2026/27)',
    },
    {
      code: 'ENV04',
      title: demo('ENV04').title,
      owner: P.streetsceneManager.name,
      statusChange: 'Green, improving',
      movement: '2.1 days to 1.8 days (Sep to Oct 2026)',
    },
  ],
  quarter: null,
  missing: [{ code: 'FIN03', title: demo('FIN03').title, owner: P.financeManager.name, periodLabel: '' }],
  overdueActions: [
    {
      code: 'SRV07',
      description: 'Hold a weekly case review of every prevention case at risk of closing without accommodation.',
      lead: P.housingManager.name,
      dueText: 'due 31 Oct 2026, 23 days overdue',
    },
  ],
  recoveryOverdue: [
    { code: 'SRV07', title: demo('SRV07').title, owner: P.housingManager.name, text: 'expected by September 2026, still Red in October 2026' },
  ],
  signals: {
    concern: [
      { code: 'SRV01', title: SRV01.title, statusLabel: 'Red', text: 'Special cause of concern: 7 points in a row above the average' },
      { code: 'CUS04', title: CUS04.title, statusLabel: 'Amber', text: 'Special cause of concern: 6 points in a row, each higher than the one before' },
    ],
    improvement: [
      { code: 'ENV03', title: demo('ENV03').title, statusLabel: 'Red', text: 'Special cause of improvement: below the lower process limit' },
    ],
    continuing: ['SRV02 (improvement)'],
    analysedText: '18 of 20 indicators had enough history to analyse',
  },
  footnote: 'Posted 23 Nov 2026 09:00. Values corrected after this show in the Scorecard tab.',
};

/**
 * The digest at a quarter end (September 2026): each indicator's quarter and year-to-date figures by
 * its aggregation, and Council Tax collected (cumulative) green but behind last year, so not celebrated.
 */
export const SAMPLE_DIGEST_QUARTER_END: DigestCardView = {
  ...SAMPLE_DIGEST,
  period: '2026-09',
  periodLabel: 'September 2026',
  coverageText: 'September 2026 and Q2 2026/27',
  previousPeriodLabel: 'August 2026',
  // Council Tax collected is green in September but behind last September: not in the ambers, not celebrated.
  totals: counts(12, 2, 3, 1, 1, 1),
  previousTotals: counts(12, 3, 2, 1, 0, 1),
  byLens: SAMPLE_DIGEST.byLens.map((g) => (g.name === 'Finance' ? { name: g.name, counts: counts(2, 0, 0, 0, 1) } : g)),
  byDirectorate: SAMPLE_DIGEST.byDirectorate.map((g) => (g.name === 'Resources' ? { name: g.name, counts: counts(4, 0, 1, 0, 1) } : g)),
  attention: SAMPLE_DIGEST.attention
    .filter((a) => a.code !== 'FIN01')
    .map((a) => ({
      ...a,
      comparisonText: a.comparisonText.replace('Sep 2026', 'Aug 2026'),
      changeText: a.changeText?.replace('Sep 2026', 'Aug 2026') ?? null,
    })),
  improvements: SAMPLE_DIGEST.improvements.map((i) => ({ ...i, movement: i.movement.replace('(Sep to Oct 2026)', '(Aug to Sep 2026)') })),
  quarter: {
    quarterLabel: 'Q2 2026/27',
    figures: [
      { code: 'CUS04', title: CUS04.title, quarterText: '5.6% against 5.0%', yearToDateText: '5.3% against 5.0%' },
      { code: 'ENV04', title: demo('ENV04').title, quarterText: '1.9 days against 2.0 days', yearToDateText: '2.0 days against 2.0 days' },
      { code: 'FIN01', title: demo('FIN01').title, quarterText: '56.4% against 56.2%', yearToDateText: '56.4% against 56.2%' },
      { code: 'SRV01', title: SRV01.title, quarterText: '22.0 days against 20.0 days', yearToDateText: '21.1 days against 20.0 days (not every period in)' },
    ],
  },
  footnote: 'Posted 23 Oct 2026 09:00. Values corrected after this show in the Scorecard tab.',
};

// ---------------------------------------------------------------------------------------------
// Digest: a big register, for size checks

const DIRECTORATE_NAMES = [
  'Adult Social Care', 'Children and Families', 'Education and Skills', 'Public Health', 'Housing Options',
  'Housing Management', 'Planning and Building Control', 'Economic Development', 'Highways and Transport',
  'Waste and Recycling', 'Street Scene', 'Parks and Open Spaces', 'Leisure and Culture', 'Libraries',
  'Environmental Health', 'Licensing', 'Trading Standards', 'Community Safety', 'Customer Services',
  'Revenues and Benefits', 'Financial Services', 'Procurement', 'Legal and Democratic Services', 'Human Resources',
  'Digital and ICT', 'Property and Estates', 'Emergency Planning', 'Communications', 'Policy and Performance',
  'Internal Audit', 'Elections', 'Registrars', 'Car Parking', 'Markets', 'Coastal Protection',
  'Climate and Sustainability', 'Regeneration', 'Tourism', 'Bereavement Services', 'Pest Control',
] as const;

const LENS_NAMES = ['People', 'Finance', 'Customers', 'Environment', 'Services'] as const;
const AREAS = ['north Fenmarsh wards', 'market towns', 'coastal wards', 'rural parishes', 'the district as a whole'] as const;

/** A small linear congruential generator: the same "random" register every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

type RegisterStatus = 'RED' | 'AMBER' | 'GREEN' | 'DATA_ONLY' | 'MISSING' | 'DUE';
const KEY_OF: Readonly<Record<RegisterStatus, keyof StatusCountsView>> = {
  RED: 'red',
  AMBER: 'amber',
  GREEN: 'green',
  DATA_ONLY: 'dataOnly',
  MISSING: 'missing',
  DUE: 'due',
};

function pick(r: number): RegisterStatus {
  // About 15% red, 15% amber, 40% green, 5% data only, 20% missing and 5% due: a bad month.
  if (r < 0.15) return 'RED';
  if (r < 0.3) return 'AMBER';
  if (r < 0.7) return 'GREEN';
  if (r < 0.75) return 'DATA_ONLY';
  if (r < 0.95) return 'MISSING';
  return 'DUE';
}

const zero = (): { -readonly [K in keyof StatusCountsView]: number } => counts(0, 0, 0);

/**
 * A digest for a register of `indicatorCount` indicators: the demo register's indicators repeated
 * by area with long titles (about 90 characters), 40 directorates, the five lenses, about 30% red
 * or amber, 20% missing, and an overdue action for every tenth. Deterministic.
 */
export function sampleDigestForRegister(indicatorCount: number): DigestCardView {
  const random = seeded(20261023);
  const totals = zero();
  const previous = zero();
  const byLens = new Map<string, ReturnType<typeof zero>>(LENS_NAMES.map((n) => [n, zero()]));
  const byDirectorate = new Map<string, ReturnType<typeof zero>>(DIRECTORATE_NAMES.map((n) => [n, zero()]));
  const reds: DigestAttentionView[] = [];
  const ambers: DigestAttentionView[] = [];
  const improvements: DigestImprovementView[] = [];
  const missing: DigestMissingView[] = [];
  const overdue: OverdueActionView[] = [];
  const people = Object.values(P);
  const plans = ['NONE', 'REQUESTED', 'SUBMITTED', 'APPROVED', 'SENT_BACK'] as const;

  for (let i = 0; i < indicatorCount; i++) {
    const d = DEMO_INDICATORS[i % DEMO_INDICATORS.length]!;
    const code = `${d.code}-${String(Math.floor(i / DEMO_INDICATORS.length) + 1).padStart(3, '0')}`;
    const title = `${d.title} in ${AREAS[i % AREAS.length]}, rolling three-month average`.slice(0, 95);
    const owner = people[i % people.length]!.name;
    const status = pick(random());
    const before = pick(random());
    totals[KEY_OF[status]]++;
    previous[KEY_OF[before]]++;
    byLens.get(LENS_NAMES[i % LENS_NAMES.length]!)![KEY_OF[status]]++;
    byDirectorate.get(DIRECTORATE_NAMES[(i * 7) % DIRECTORATE_NAMES.length]!)![KEY_OF[status]]++;
    if (status === 'RED' || status === 'AMBER') {
      const item: DigestAttentionView = {
        code,
        title,
        status,
        owner,
        valueAgainstTarget: `${(20 + (i % 17) * 1.3).toFixed(1)} days against 20.0 days`,
        trend: (['WORSENED', 'UNCHANGED', 'IMPROVED', 'NOT_COMPARABLE'] as const)[i % 4]!,
        comparisonText: (['1.3 days worse than Sep 2026', 'the same as Sep 2026', '0.4 days better than Sep 2026', 'no figure for Sep 2026'] as const)[i % 4]!,
        changeText: before === status ? null : `was ${before === 'DATA_ONLY' ? 'Data only' : before.charAt(0) + before.slice(1).toLowerCase()} in Sep 2026`,
        planState: status === 'RED' ? plans[i % plans.length]! : i % 3 === 0 ? 'REQUESTED' : null,
      };
      (status === 'RED' ? reds : ambers).push(item);
    }
    if (status === 'GREEN' && (before === 'RED' || before === 'AMBER')) {
      improvements.push({ code, title, owner, statusChange: `${before === 'RED' ? 'Red' : 'Amber'} to Green`, movement: '23.9 days to 18.4 days (Sep to Oct 2026)' });
    }
    if (status === 'MISSING') missing.push({ code, title, owner, periodLabel: d.frequency === 'QUARTERLY' ? 'Q2 2026/27' : '' });
    if (i % 10 === 3) {
      overdue.push({
        code,
        description: 'Recruit two agency assessors for three months to clear the backlog of claims older than 30 days.',
        lead: people[(i + 3) % people.length]!.name,
        dueText: `due ${1 + (i % 22)} Nov 2026, ${22 - (i % 22)} days overdue`,
      });
    }
  }
  const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const groups = (m: Map<string, StatusCountsView>): DigestGroupView[] => [...m].map(([name, c]) => ({ name, counts: c }));
  return {
    period: PERIOD,
    periodLabel: PERIOD_LABEL,
    coverageText: 'October 2026 and Q2 2026/27',
    previousPeriodLabel: 'September 2026',
    totals,
    previousTotals: previous,
    byLens: groups(byLens),
    byDirectorate: groups(byDirectorate),
    attention: [...reds.sort(byCode), ...ambers.sort(byCode)],
    improvements: improvements.slice(0, 12),
    quarter: null,
    missing: missing.sort(byCode),
    overdueActions: overdue,
    recoveryOverdue: [],
    footnote: 'Posted 23 Nov 2026 09:00. Values corrected after this show in the Scorecard tab.',
  };
}

// ---------------------------------------------------------------------------------------------
// Thread messages

const SRV01_HISTORY: ThreadCardView['history'] = [
  ['Nov 25', 18.9],
  ['Dec 25', 19.4],
  ['Jan 26', 20.8],
  ['Feb 26', 19.7],
  ['Mar 26', 19.2],
  ['Apr 26', 20.1],
  ['May 26', null],
  ['Jun 26', 21.0],
  ['Jul 26', 21.6],
  ['Aug 26', 22.3],
  ['Sep 26', 21.9],
  ['Oct 26', 24.6],
].map(([label, value]) => ({
  label: label as string,
  value: value as number | null,
  valueText: value === null ? 'no value' : `${(value as number).toFixed(1)} days`,
}));

/** SRV01 red in October, the owner (with a Teams id) mentioned, his narrative given, no plan yet. */
export const SAMPLE_THREAD_RED: ThreadCardView = {
  indicatorId: 'ind-srv01',
  period: PERIOD,
  periodLabel: PERIOD_LABEL,
  code: 'SRV01',
  title: SRV01.title,
  status: 'RED',
  statusText: 'Red: 24.6 days is 23% worse than target',
  variationText: 'A signal: Special cause of concern: 7 points in a row above the average',
  valueText: '24.6 days',
  targetText: '20.0 days (lower is better)',
  toleranceText: 'Amber within 10% of target (up to 22.0 days)',
  trend: 'WORSENED',
  history: SRV01_HISTORY,
  narrative: {
    remedialAction:
      'Two assessors are on long-term sick leave and new claims rose 18% after the Universal Credit migration letters. Agency cover starts on 2 November and overtime is agreed for Saturdays until Christmas.',
    likelyToRecoverText: 'Not sure',
    recoveryPeriod: 'January 2027',
    givenBy: 'Gareth Lewis, 4 Nov 2026 10:12',
  },
  owner: { name: P.benefitsManager.name, teamsUserId: SAMPLE_TEAMS_IDS.gareth },
  planState: 'NONE',
  canRequestPlan: false,
};

/** CUS04 amber: the owner has no Teams id yet (plain name), and the viewer may ask for a plan. */
export const SAMPLE_THREAD_AMBER: ThreadCardView = {
  indicatorId: 'ind-cus04',
  period: PERIOD,
  periodLabel: PERIOD_LABEL,
  code: 'CUS04',
  title: CUS04.title,
  status: 'AMBER',
  statusText: 'Amber: 5.4% is within tolerance of the 5.0% target',
  valueText: '5.4%',
  targetText: '5.0% (lower is better)',
  toleranceText: 'Amber within 1.0 percentage point of target (up to 6.0%)',
  trend: 'IMPROVED',
  history: [7.4, 7.1, 6.9, 7.0, 6.6, 6.5, 6.2, null, 6.0, 5.9, 6.1, 5.4].map((v, i) => ({
    label: ['Nov 25', 'Dec 25', 'Jan 26', 'Feb 26', 'Mar 26', 'Apr 26', 'May 26', 'Jun 26', 'Jul 26', 'Aug 26', 'Sep 26', 'Oct 26'][i]!,
    value: v,
    valueText: v === null ? 'no value' : `${v.toFixed(1)}%`,
  })),
  narrative: null,
  owner: { name: P.customerManager.name, teamsUserId: null },
  planState: null,
  canRequestPlan: true,
};

// ---------------------------------------------------------------------------------------------
// Action plans

const LEAD_CHOICES: readonly ChoiceView[] = [
  P.benefitsManager,
  P.benefitsOfficer,
  P.revenuesManager,
  P.financeManager,
  P.hrManager,
  P.performanceOfficer,
].map((p) => ({ title: p.name, value: `person-${p.name.toLowerCase().replace(/\s+/g, '-')}` }));

const lead = (name: string) => LEAD_CHOICES.find((c) => c.title === name)!.value;

const RECOVERY_CHOICES: readonly ChoiceView[] = [
  ['2026-11', 'November 2026'],
  ['2026-12', 'December 2026'],
  ['2027-01', 'January 2027'],
  ['2027-02', 'February 2027'],
  ['2027-03', 'March 2027'],
  ['2027-04', 'April 2027'],
  ['2027-05', 'May 2027'],
  ['2027-06', 'June 2027'],
].map(([value, title]) => ({ title: title!, value: value! }));

const SRV01_ACTIONS: readonly PlanActionView[] = [
  {
    lead: P.benefitsOfficer.name,
    dueText: '14 Dec 2026',
    description: 'Bring in two agency assessors for three months to clear the claims older than 30 days.',
    progressText: null,
  },
  {
    lead: P.benefitsManager.name,
    dueText: '30 Nov 2026',
    description: 'Saturday overtime for the processing team until the backlog is under 400 claims.',
    progressText: null,
  },
  {
    lead: P.performanceOfficer.name,
    dueText: '11 Dec 2026',
    description: 'Weekly backlog figures to the Board channel so progress is visible between monthly reports.',
    progressText: null,
  },
];

const PLAN_BASE: PlanCardView = {
  indicatorId: 'ind-srv01',
  period: PERIOD,
  periodLabel: PERIOD_LABEL,
  code: 'SRV01',
  title: SRV01.title,
  statusText: 'Red: 24.6 days against a target of 20.0 days',
  status: 'RED',
  state: 'DRAFT',
  version: null,
  directorName: P.resourcesDirector.name,
  sentBack: null,
  approvedByText: null,
  actionInputs: [],
  actions: [],
  leadChoices: LEAD_CHOICES,
  recoveryChoices: RECOVERY_CHOICES,
  expectedRecovery: '',
  expectedRecoveryText: null,
  likelySufficient: null,
  errors: { expectedRecovery: null, likelySufficient: null },
  banner: null,
};

const EMPTY_INPUT = { lead: '', due: '', description: '', error: null } as const;

/** A new plan: the first action started, the rest empty. */
export const SAMPLE_PLAN_DRAFT: PlanCardView = {
  ...PLAN_BASE,
  actionInputs: [
    { lead: lead('Chloe Evans'), due: '2026-12-14', description: SRV01_ACTIONS[0]!.description, error: null },
    EMPTY_INPUT,
    EMPTY_INPUT,
    EMPTY_INPUT,
    EMPTY_INPUT,
  ],
  banner: { tone: 'default', text: 'SRV01 was red in October 2026. The Board asks for an action plan by Friday 4 December 2026.' },
};

/** The same plan refused: errors in place under the rows and the questions, what was typed kept. */
export const SAMPLE_PLAN_ERRORS: PlanCardView = {
  ...PLAN_BASE,
  actionInputs: [
    { lead: lead('Chloe Evans'), due: '2026-12-14', description: SRV01_ACTIONS[0]!.description, error: null },
    { lead: '', due: '2026-11-30', description: SRV01_ACTIONS[1]!.description, error: 'Choose who leads this action.' },
    {
      lead: lead('Nadia Rahman'),
      due: '2026-10-01',
      description: SRV01_ACTIONS[2]!.description,
      error: 'The due date 1 Oct 2026 has passed: choose a date after 23 Nov 2026.',
    },
    EMPTY_INPUT,
    EMPTY_INPUT,
  ],
  expectedRecovery: '',
  likelySufficient: null,
  errors: {
    expectedRecovery: 'Choose the month you expect SRV01 to be back on target.',
    likelySufficient: 'Say whether these actions are likely to be enough.',
  },
  banner: { tone: 'attention', text: 'Nothing was submitted: fix the 4 things marked below and submit again.' },
};

/** Submitted, waiting for the director. */
export const SAMPLE_PLAN_SUBMITTED: PlanCardView = {
  ...PLAN_BASE,
  state: 'SUBMITTED',
  version: 1,
  actions: SRV01_ACTIONS,
  expectedRecovery: '2027-01',
  expectedRecoveryText: 'January 2027',
  likelySufficient: 'YES',
  banner: { tone: 'good', text: 'Plan submitted. Marcus Webb has been asked to approve it.' },
};

const SENT_BACK_COMMENT =
  'The agency cover ends in December, but the backlog peaks in January after the Christmas closure. What happens then? Please add an action for January and February.';

/** Version 1 sent back with a comment: the form again, holding version 1, to resubmit as version 2. */
export const SAMPLE_PLAN_SENT_BACK: PlanCardView = {
  ...PLAN_BASE,
  state: 'SENT_BACK',
  version: 1,
  sentBack: { byText: 'Marcus Webb, 25 Nov 2026 14:03', comment: SENT_BACK_COMMENT },
  actionInputs: [
    { lead: lead('Chloe Evans'), due: '2026-12-14', description: SRV01_ACTIONS[0]!.description, error: null },
    { lead: lead('Gareth Lewis'), due: '2026-11-30', description: SRV01_ACTIONS[1]!.description, error: null },
    { lead: lead('Nadia Rahman'), due: '2026-12-11', description: SRV01_ACTIONS[2]!.description, error: null },
    EMPTY_INPUT,
    EMPTY_INPUT,
  ],
  expectedRecovery: '2027-01',
  expectedRecoveryText: 'January 2027',
  likelySufficient: 'YES',
};

const SRV01_ACTIONS_V2: readonly PlanActionView[] = [
  { ...SRV01_ACTIONS[0]!, dueText: '28 Feb 2027', description: 'Bring in two agency assessors until the end of February to clear the claims older than 30 days.', progressText: null },
  { ...SRV01_ACTIONS[1]!, progressText: 'Done 28 Nov 2026' },
  { ...SRV01_ACTIONS[2]!, progressText: 'Overdue' },
  {
    lead: P.hrManager.name,
    dueText: '31 Jan 2027',
    description: 'Recruit two permanent assessors to replace the posts vacant since the summer.',
    progressText: null,
  },
];

/** Version 2 approved, some actions under way. */
export const SAMPLE_PLAN_APPROVED: PlanCardView = {
  ...PLAN_BASE,
  state: 'APPROVED',
  version: 2,
  approvedByText: 'Marcus Webb, 27 Nov 2026 09:41',
  actions: SRV01_ACTIONS_V2,
  expectedRecovery: '2027-02',
  expectedRecoveryText: 'February 2027',
  likelySufficient: 'YES',
};

// ---------------------------------------------------------------------------------------------
// Approval cards

const APPROVAL_BASE: ApprovalCardView = {
  planId: 'plan-srv01-2026-10',
  version: 1,
  indicatorId: 'ind-srv01',
  period: PERIOD,
  periodLabel: PERIOD_LABEL,
  code: 'SRV01',
  title: SRV01.title,
  statusText: 'Red: 24.6 days against a target of 20.0 days',
  ownerName: P.benefitsManager.name,
  directorName: P.resourcesDirector.name,
  submittedText: 'Gareth Lewis, 24 Nov 2026 10:12',
  actions: SRV01_ACTIONS,
  expectedRecoveryText: 'January 2027',
  likelySufficientText: 'Yes',
  state: 'SUBMITTED',
  decision: null,
  canDecide: false,
  comment: '',
  commentError: null,
  banner: null,
  refreshUserIds: [SAMPLE_TEAMS_IDS.marcus, SAMPLE_TEAMS_IDS.robert, SAMPLE_TEAMS_IDS.nadia],
};

/** The director's view: Approve, or Send back with a comment. */
export const SAMPLE_APPROVAL_DIRECTOR: ApprovalCardView = { ...APPROVAL_BASE, canDecide: true };

/** Everyone else's view of the same plan. */
export const SAMPLE_APPROVAL_READ_ONLY: ApprovalCardView = {
  ...APPROVAL_BASE,
  banner: { tone: 'default', text: 'Only Marcus Webb (Director of Resources) or the performance team can decide on this plan.' },
};

/** Send back refused for want of a comment: the input inline, the reason under it. */
export const SAMPLE_APPROVAL_COMMENT_ERROR: ApprovalCardView = {
  ...APPROVAL_BASE,
  canDecide: true,
  comment: '',
  commentError: 'Say why you are sending the plan back: Gareth Lewis will see your comment.',
  banner: { tone: 'attention', text: 'The plan was not sent back: add a comment.' },
};

export const SAMPLE_APPROVAL_APPROVED: ApprovalCardView = {
  ...APPROVAL_BASE,
  version: 2,
  submittedText: 'Gareth Lewis, 26 Nov 2026 16:30',
  actions: SRV01_ACTIONS_V2.map((a) => ({ ...a, progressText: null })),
  expectedRecoveryText: 'February 2027',
  state: 'APPROVED',
  decision: { byText: 'Marcus Webb, 27 Nov 2026 09:41', comment: 'Thank you. Please report the backlog weekly in this thread.' },
};

export const SAMPLE_APPROVAL_SENT_BACK: ApprovalCardView = {
  ...APPROVAL_BASE,
  state: 'SENT_BACK',
  decision: { byText: 'Marcus Webb, 25 Nov 2026 14:03', comment: SENT_BACK_COMMENT },
};

/** Version 1 after version 2 came in: no longer decidable, even by the director. */
export const SAMPLE_APPROVAL_SUPERSEDED: ApprovalCardView = {
  ...APPROVAL_BASE,
  state: 'SUPERSEDED',
  canDecide: true,
  decision: { byText: 'Marcus Webb, 25 Nov 2026 14:03', comment: SENT_BACK_COMMENT },
};

// ---------------------------------------------------------------------------------------------
// Overdue reminders

export const SAMPLE_OVERDUE_REMINDER: OverdueReminderView = {
  actionId: 'action-srv01-2026-10-3',
  code: 'SRV01',
  title: SRV01.title,
  description: SRV01_ACTIONS[2]!.description,
  dueText: 'due 11 Dec 2026, 3 days overdue',
  ownerName: P.benefitsManager.name,
  doneText: null,
  banner: null,
};

export const SAMPLE_OVERDUE_DONE: OverdueReminderView = {
  ...SAMPLE_OVERDUE_REMINDER,
  doneText: 'Done 14 Dec 2026 by Nadia Rahman',
  banner: { tone: 'good', text: 'Thank you: the action is marked as done and the Board can see it.' },
};

// ---------------------------------------------------------------------------------------------
// Exceptions that continue: the month's update, the closing update, the director's recovery check

export const SAMPLE_THREAD_UPDATE: ThreadUpdateView = {
  exceptionId: 'exception-srv01-2026-10',
  code: 'SRV01',
  title: SRV01.title,
  periodLabel: 'November 2026',
  status: 'RED',
  statusText: 'Red: 23.8 days against a target of 20.0 days',
  variationText: 'Within normal variation: this figure is not a signal that the process has changed',
  trend: 'IMPROVED',
  changeText: 'Red or amber for the 2nd month running (since October 2026).',
  planState: 'APPROVED',
  recoveryText: 'Expected to recover by January 2027',
  recoveryOverdue: false,
};

export const SAMPLE_THREAD_UPDATE_OVERDUE: ThreadUpdateView = {
  ...SAMPLE_THREAD_UPDATE,
  periodLabel: 'February 2027',
  statusText: 'Red: 22.9 days against a target of 20.0 days',
  changeText: 'Red or amber for the 5th month running (since October 2026).',
  recoveryText: 'Recovery was expected by January 2027: overdue',
  recoveryOverdue: true,
};

export const SAMPLE_THREAD_CLOSING: ThreadClosingView = {
  code: 'SRV01',
  title: SRV01.title,
  periodLabel: 'January 2027',
  statusText: 'Green: 19.4 days against a target of 20.0 days',
  spanText: 'Red or amber for 3 months: October 2026 to December 2026.',
  planText: 'The action plan is marked achieved.',
};

export const SAMPLE_RECOVERY_CHECK: RecoveryCheckView = {
  exceptionId: 'exception-srv01-2026-10',
  planId: 'plan-srv01-2026-10',
  version: 2,
  code: 'SRV01',
  title: SRV01.title,
  periodLabel: 'February 2027',
  status: 'RED',
  statusText: 'Red: 22.9 days against a target of 20.0 days',
  expectedRecoveryLabel: 'January 2027',
  ownerName: P.benefitsManager.name,
  recoveryChoices: [
    { title: 'March 2027', value: '2027-03' },
    { title: 'April 2027', value: '2027-04' },
    { title: 'May 2027', value: '2027-05' },
  ],
  typedNewDate: null,
  newDateError: null,
  decisionText: null,
  banner: null,
};

export const SAMPLE_RECOVERY_CHECK_ERROR: RecoveryCheckView = {
  ...SAMPLE_RECOVERY_CHECK,
  newDateError: 'Choose the month it will be back on target by, then accept the new date.',
  banner: { tone: 'attention', text: 'Nothing was changed: choose a new date first.' },
};

export const SAMPLE_RECOVERY_CHECK_DECIDED: RecoveryCheckView = {
  ...SAMPLE_RECOVERY_CHECK,
  decisionText: 'Marcus Webb accepted a new date: back on target by April 2027.',
  banner: { tone: 'good', text: 'Recorded. The owner and the Board\'s thread are told.' },
};
