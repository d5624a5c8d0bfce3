/**
 * The quarterly report's builder and its public edition (#15) on a small hand-made register for
 * 2026/27 Q2: statuses rated by the register's own pure rater, then the report built from them.
 */
import { rateStatuses, type StatusInputs } from '../../../../src/app/register-status';
import { buildQuarterReport } from '../../../../src/app/report/build-quarter-report';
import { reliabilityText } from '../../../../src/domain/verification';
import { publicEdition } from '../../../../src/app/report/public-edition';
import { periodsToRate, quarterMonths, statusKey, type QuarterSnapshot } from '../../../../src/app/report/quarter-snapshot';
import type { QuarterReport, ReportIndicator } from '../../../../src/app/report/quarter-report-model';
import { changeText, countOf } from '../../../../src/app/report/report-counts';
import { likelyToRecoverText } from '../../../../src/app/scorecard/labels';
import type { IndicatorRecord } from '../../../../src/db/repositories/indicator-repository';
import type { ValueVersion } from '../../../../src/db/repositories/value-repository';
import type { TargetRecord } from '../../../../src/db/repositories/target-repository';
import type { ActionPlanRecord } from '../../../../src/db/repositories/action-plan-repository';
import { quarterPeriod } from '../../../../src/domain/periods';
import type { Tolerance } from '../../../../src/domain/types';

const NOW = new Date('2026-11-23T10:00:00Z');
const Q2 = quarterPeriod(2026, 2);
const defaultTolerance: Tolerance = { kind: 'PERCENT_OF_TARGET', percent: 10 };

function indicator(code: string, fields: Partial<IndicatorRecord>): IndicatorRecord {
  return {
    id: `id-${code}`, code, title: `Title of ${code}`, definition: '', kind: 'KPI', unit: 'PERCENT', decimals: 1, polarity: 'HIGHER',
    frequency: 'MONTHLY', aggregation: 'AVERAGE', lens: 'FINANCE', allowAboveHundred: false, lagMonths: 0, public: true, maxChangePercent: null, variationApplies: true, variationBaselineFrom: null, variationBaselinePoints: null, tolerance: null,
    directorateId: 'd-res', directorateName: 'Resources', serviceId: null, priorityId: 'p-money', ownerId: `owner-${code}`,
    verifierId: null, directorId: null, delegateIds: [], active: true, ...fields,
  };
}

const fyOf = (period: string) => (period.includes('/') ? Number(period.slice(0, 4)) : Number(period.slice(0, 4)) - (Number(period.slice(5)) < 4 ? 1 : 0));

function values(ind: IndicatorRecord, byPeriod: Record<string, number>): ValueVersion[] {
  return Object.entries(byPeriod).map(([period, value]) => ({
    id: `v-${ind.code}-${period}`, indicatorId: ind.id, period, financialYear: fyOf(period), version: 1, value, note: '', source: 'IMPORT', estimated: false, unusualConfirmed: false, enteredById: null, enteredAt: NOW,
  }));
}

function targets(ind: IndicatorRecord, byPeriod: Record<string, number>): TargetRecord[] {
  return Object.entries(byPeriod).map(([period, value]) => ({ indicatorId: ind.id, period, financialYear: fyOf(period), value }));
}

// Council Tax: cumulative, so its quarter and year to date are September's figure, compared with last September's.
const tax = indicator('TAX', { aggregation: 'CUMULATIVE' });
// Calls lost: monthly average, lower is better, a PI the council keeps internal.
const calls = indicator('CALLS', { kind: 'PI', polarity: 'LOWER', lens: 'CUSTOMERS', public: false, priorityId: null, directorateId: 'd-com', directorateName: 'Communities' });
// Major planning: quarterly, red this quarter, amber last.
const planning = indicator('PLAN', { frequency: 'QUARTERLY', lens: 'SERVICES', priorityId: 'p-homes', directorateId: 'd-place', directorateName: 'Place' });
// Temporary accommodation: data only, published.
const housing = indicator('TA', { kind: 'DATA_ONLY', unit: 'NUMBER', decimals: 0, aggregation: 'SNAPSHOT', polarity: 'LOWER', lens: 'SERVICES', priorityId: 'p-homes', directorateId: 'd-place', directorateName: 'Place' });
// Staff appraisals: annual, never sent in.
const appraisals = indicator('APP', { kind: 'PI', frequency: 'ANNUAL', aggregation: 'SNAPSHOT', lens: 'PEOPLE', public: true });
const register = [tax, calls, planning, housing, appraisals];

const inputs: StatusInputs = {
  indicators: register,
  values: [
    ...values(tax, { '2025-07': 38.0, '2025-08': 48.0, '2025-09': 57.6, '2026-04': 10.7, '2026-05': 20.1, '2026-06': 29.0, '2026-07': 38.2, '2026-08': 47.9, '2026-09': 56.9 }),
    ...values(calls, { '2025-07': 4, '2025-08': 4, '2025-09': 4, '2026-04': 7, '2026-05': 7, '2026-06': 7, '2026-07': 6, '2026-08': 5, '2026-09': 4 }),
    ...values(planning, { '2025/26 Q2': 62, '2026/27 Q1': 55, '2026/27 Q2': 50 }),
    ...values(housing, { '2026-06': 110, '2026-09': 120 }),
  ],
  targets: [
    ...targets(tax, { '2026/27': 98.6, '2026-06': 29.5, '2026-09': 56.5 }),
    ...targets(calls, { '2025/26': 5, '2026/27': 5 }),
    ...targets(planning, { '2025/26': 60, '2026/27': 60 }),
    ...targets(appraisals, { '2025/26': 95 }),
  ],
  windows: new Map(),
};

const NAMES = new Map([
  ['owner-TAX', 'Tina Taxwell'], ['owner-CALLS', 'Carl Callender'], ['owner-PLAN', 'Olga Planner'], ['owner-TA', 'Tom Temple'],
  ['owner-APP', 'Amy Appleby'], ['lead-1', 'Larry Leadbetter'],
]);

const plan: ActionPlanRecord = {
  id: 'plan-1', indicatorId: planning.id, period: '2026/27 Q2', ownerId: 'owner-PLAN', requestedAt: NOW, requestedBy: 'x', exceptionId: 'exc-1', achievedAt: null,
  versions: [{
    id: 'ver-1', planId: 'plan-1', version: 1, expectedRecovery: '2026/27 Q4', likelySufficient: 'YES', submittedById: 'owner-PLAN', submittedAt: NOW,
    state: 'APPROVED', decidedById: 'x', decidedAt: new Date('2026-10-14T09:00:00Z'), decisionComment: null,
    actions: [
      { id: 'a1', versionId: 'ver-1', position: 1, leadId: 'lead-1', dueDate: new Date('2026-10-31T00:00:00Z'), description: 'Agency planners for the backlog', completedAt: NOW, completedById: 'lead-1' },
      { id: 'a2', versionId: 'ver-1', position: 2, leadId: 'owner-PLAN', dueDate: new Date('2027-01-31T00:00:00Z'), description: 'Recruit two permanent officers', completedAt: null, completedById: null },
    ],
  }],
};

function snapshot(): QuarterSnapshot {
  const periods = periodsToRate(Q2, register);
  const statuses = new Map(rateStatuses(inputs, { periods, now: NOW, defaultTolerance }).flat().map((s) => [statusKey(s.indicator.id, s.period), s]));
  const commentary = (id: string, author: string, text: string, day: string) => ({
    id, threadId: 'thread-1', teamsMessageId: id, authorId: null, authorName: author, authorAadObjectId: null, text, period: '2026/27 Q2', postedAt: new Date(day),
  });
  return {
    quarter: Q2,
    ...quarterMonths(Q2),
    now: NOW,
    organisation: 'Fenmarsh District Council',
    indicators: register,
    statuses,
    narratives: new Map([['v-PLAN-2026/27 Q2', {
      id: 'n1', valueId: 'v-PLAN-2026/27 Q2', remedialAction: 'Two officers left in July; agency cover from October.', likelyToRecover: 'UNSURE' as const,
      recoveryPeriod: '2026/27 Q3', enteredById: 'owner-PLAN', enteredAt: NOW,
    }]]),
    exceptions: new Map([[planning.id, {
      id: 'exc-1', indicatorId: planning.id, openedPeriod: '2026/27 Q1', lastPeriod: '2026/27 Q2', status: 'RED', worstStatus: 'RED', threadId: 'thread-1',
      closedPeriod: null, closedAt: null, closedHow: null, recoveryBy: null, recoveryMissed: null, recoveryDecision: null, recoveryDecidedById: null,
      recoveryDecidedAt: null, createdAt: NOW,
    }]]),
    commentary: new Map([[planning.id, [
      commentary('c1', 'Bea Boardman', 'Is agency cover funded?', '2026-10-10T10:00:00Z'),
      commentary('c2', 'Helen Ashworth', 'Funded from the vacancy savings; review in January.', '2026-10-12T10:00:00Z'),
    ]]]),
    plans: new Map([[statusKey(planning.id, '2026/27 Q2'), plan]]),
    carriedPlans: new Map(),
    names: NAMES,
    priorities: new Map([['p-money', 'A financially sustainable council'], ['p-homes', 'Homes and a growing economy']]),
  };
}

const byCode = (report: QuarterReport, code: string): ReportIndicator => {
  const found = report.indicators.find((x) => x.code === code);
  if (!found) throw new Error(`no ${code} in the report`);
  return found;
};

describe('buildQuarterReport', () => {
  const report = buildQuarterReport(snapshot());

  it('describes the quarter and when it was generated', () => {
    expect(report).toMatchObject({
      edition: 'committee', organisation: 'Fenmarsh District Council', quarter: '2026/27 Q2', quarterLabel: 'Q2 2026/27 (Jul–Sep 2026)',
      lastQuarterLabel: 'Q1 2026/27', financialYear: '2026/27', asAtMonth: '2026-09', generatedAt: '2026-11-23T10:00:00.000Z',
      generatedText: 'Generated 23 Nov 2026 at 10:00 from the figures held then.',
    });
  });

  it('lists every indicator by priority then code, with no priority last', () => {
    expect(report.indicators.map((x) => [x.priority, x.code])).toEqual([
      ['A financially sustainable council', 'APP'], ['A financially sustainable council', 'TAX'],
      ['Homes and a growing economy', 'PLAN'], ['Homes and a growing economy', 'TA'], ['No corporate priority', 'CALLS'],
    ]);
  });

  it('takes a cumulative indicator\'s quarter and year to date as its latest figure, compared with the same quarter last year', () => {
    expect(byCode(report, 'TAX')).toMatchObject({
      period: '2026-09', periodLabel: 'Sep 2026', status: 'GREEN', statusLabel: 'Green', statusText: 'On target',
      figure: { value: 56.9, text: '56.9%' }, quarterFigure: { value: 56.9, text: '56.9%' }, target: { value: 56.5, text: '56.5%' },
      yearToDate: { value: 56.9, target: { value: 56.5 }, complete: true, status: 'GREEN' },
      travelSinceLastQuarter: 'WORSENED', travelSinceLastYear: 'WORSENED',
      travelText: 'Worsened: 0.7 points behind Q2 last year', sinceLastYearText: 'Worsened', lastQuarterStatus: 'AMBER',
    });
  });

  it('averages a monthly average indicator over the quarter, compares it with the last quarter\'s and rates the year to date', () => {
    expect(byCode(report, 'CALLS')).toMatchObject({
      figure: { value: 4 }, quarterFigure: { value: 5, text: '5.0%' },
      // April to September: (7 + 7 + 7 + 6 + 5 + 4) / 6 = 6.0 against 5.0, more than the 10% tolerance off.
      yearToDate: { value: 6, text: '6.0%', target: { value: 5 }, complete: true, status: 'RED' },
      travelSinceLastQuarter: 'IMPROVED', travelText: 'Improved: 2.0 points better than Q1 2026/27',
      travelSinceLastYear: 'WORSENED', polarityText: 'Lower is better', ownerName: 'Carl Callender', public: false,
    });
  });

  it('shows a quarterly indicator at the quarter itself, against the quarter before', () => {
    expect(byCode(report, 'PLAN')).toMatchObject({
      period: '2026/27 Q2', periodLabel: 'Q2 2026/27', status: 'RED', figure: { value: 50 }, quarterFigure: { value: 50 },
      travelSinceLastQuarter: 'WORSENED', travelSinceLastYear: 'WORSENED', travelText: 'Worsened: 5.0 points worse than Q1 2026/27',
    });
  });

  it('shows an annual indicator at its latest year ended by the quarter\'s end', () => {
    expect(byCode(report, 'APP')).toMatchObject({ period: '2025/26', status: 'MISSING', figure: { value: null, text: 'No figure' } });
  });

  it('draws a twelve-period sparkline of the indicator\'s own frequency, oldest first', () => {
    const spark = byCode(report, 'CALLS').sparkline;
    expect(spark.map((p) => p.period)).toEqual(['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09']);
    expect(spark.slice(-4)).toEqual([
      { period: '2026-06', label: 'Jun 2026', value: 7, target: 5, status: 'RED' },
      { period: '2026-07', label: 'Jul 2026', value: 6, target: 5, status: 'RED' },
      { period: '2026-08', label: 'Aug 2026', value: 5, target: 5, status: 'GREEN' },
      { period: '2026-09', label: 'Sep 2026', value: 4, target: 5, status: 'GREEN' },
    ]);
    expect(byCode(report, 'PLAN').sparkline.map((p) => p.period).slice(-3)).toEqual(['2025/26 Q4', '2026/27 Q1', '2026/27 Q2']);
    expect(byCode(report, 'PLAN').sparkline[7]).toMatchObject({ period: '2025/26 Q2', value: 62 });
  });

  it('counts the quarter, the year to date and the last quarter, with what changed', () => {
    expect(report.overall.quarter).toEqual({ RED: 1, AMBER: 0, GREEN: 2, DATA_ONLY: 1, MISSING: 1, DUE: 0, AWAITING_VERIFICATION: 0, total: 5 });
    expect(report.overall.lastQuarter).toEqual({ RED: 1, AMBER: 2, GREEN: 0, DATA_ONLY: 1, MISSING: 1, DUE: 0, AWAITING_VERIFICATION: 0, total: 5 });
    expect(report.overall.yearToDate).toMatchObject({ GREEN: 1, RED: 2 });
    expect(report.overall.changeText).toBe('2 more green, 2 fewer amber than Q1 2026/27');
    expect(report.byLens.map((g) => [g.key, g.label, g.quarter.total])).toEqual([
      ['PEOPLE', 'People', 1], ['FINANCE', 'Finance', 1], ['CUSTOMERS', 'Customers', 1], ['ENVIRONMENT', 'Environment', 0], ['SERVICES', 'Services', 2],
    ]);
    expect(report.byPriority.map((g) => [g.label, g.quarter.total, g.changeText])).toEqual([
      ['A financially sustainable council', 2, '1 more green, 1 fewer amber than Q1 2026/27'],
      ['Homes and a growing economy', 2, '1 fewer amber, 1 more red than Q1 2026/27'],
      ['No corporate priority', 1, '1 more green, 1 fewer red than Q1 2026/27'],
    ]);
    expect(report.byDirectorate.map((g) => g.label)).toEqual(['Communities', 'Place', 'Resources']);
  });

  it('says when nothing changed, and when there was no report last quarter', () => {
    const same = countOf(['GREEN', 'RED']);
    expect(changeText(same, same, 'Q1 2026/27')).toBe('No change since Q1 2026/27');
    expect(changeText(same, null, 'Q1 2026/27')).toBe('No report for Q1 2026/27');
  });

  it('lists data-only and missing indicators apart, and measures completeness over the figures due', () => {
    expect(report.dataOnly.map((x) => x.code)).toEqual(['TA']);
    expect(report.missing.map((x) => x.code)).toEqual(['APP']);
    expect(report.completeness).toEqual({ expected: 5, withFigure: 4, percent: 80, text: '80.0% of figures in (4 of 5)' });
  });

  it('gives each red or amber indicator its narrative, the Board\'s latest word, its plan and how long it has run', () => {
    expect(report.exceptions).toEqual([{
      indicatorId: planning.id, code: 'PLAN', title: 'Title of PLAN', status: 'RED',
      narrative: 'Two officers left in July; agency cover from October.', likelyToRecoverText: likelyToRecoverText('UNSURE'),
      commentary: '2 comments from the Board; the latest, from Helen Ashworth on 12 Oct 2026: Funded from the vacancy savings; review in January.',
      planStateText: 'Approved 14 Oct 2026', recoveryText: 'Expected to recover by Q4 2026/27',
      actions: [
        { description: 'Agency planners for the backlog', leadName: 'Larry Leadbetter', dueText: '31 Oct 2026', done: true },
        { description: 'Recruit two permanent officers', leadName: 'Olga Planner', dueText: '31 Jan 2027', done: false },
      ],
      runningText: '2nd quarter running',
    }]);
  });

  it('without a Board exception, says whether the problem was there last quarter too', () => {
    const bare = buildQuarterReport({ ...snapshot(), exceptions: new Map(), commentary: new Map(), plans: new Map(), narratives: new Map() });
    expect(bare.exceptions[0]).toMatchObject({
      narrative: null, likelyToRecoverText: null, commentary: null, planStateText: 'No plan', recoveryText: null, actions: [],
      runningText: 'Red or amber last quarter too',
    });
  });
});

describe('buildQuarterReport: how far each figure shown can be relied on (#16)', () => {
  it('says a figure is not yet verified, or queried, from its verifier\'s state, and nothing without a verifier', () => {
    const report = buildQuarterReport({ ...snapshot(), verification: new Map([[tax.id, 'AWAITING'], [planning.id, 'QUERIED'], [calls.id, 'VERIFIED']]) });
    expect(byCode(report, 'TAX').qualityText).toBe('not yet verified');
    expect(byCode(report, 'PLAN').qualityText).toBe('queried by its verifier');
    expect(byCode(report, 'CALLS').qualityText).toBeNull();
    expect(byCode(buildQuarterReport(snapshot()), 'TAX').qualityText).toBeNull();
  });

  it.each([
    [true, null, 'estimate'],
    [true, 'AWAITING', 'estimate; not yet verified'],
    [false, 'VERIFIED', null],
    [false, null, null],
  ] as const)('estimated %p and %p read "%s"', (estimated, verification, text) => {
    expect(reliabilityText(estimated, verification)).toBe(text);
  });
});

describe('publicEdition', () => {
  const committee = buildQuarterReport(snapshot());
  const published = publicEdition(committee);

  it('keeps only the public indicators and recounts everything over them', () => {
    expect(published.edition).toBe('public');
    expect(published.indicators.map((x) => x.code)).toEqual(['APP', 'TAX', 'PLAN', 'TA']);
    expect(published.overall.quarter).toEqual({ RED: 1, AMBER: 0, GREEN: 1, DATA_ONLY: 1, MISSING: 1, DUE: 0, AWAITING_VERIFICATION: 0, total: 4 });
    expect(published.overall.lastQuarter).toEqual({ RED: 0, AMBER: 2, GREEN: 0, DATA_ONLY: 1, MISSING: 1, DUE: 0, AWAITING_VERIFICATION: 0, total: 4 });
    expect(published.byLens.find((g) => g.key === 'CUSTOMERS')!.quarter.total).toBe(0);
    expect(published.byPriority.map((g) => g.label)).toEqual(['A financially sustainable council', 'Homes and a growing economy']);
    expect(published.byDirectorate.map((g) => g.label)).toEqual(['Place', 'Resources']);
    expect(published.completeness).toEqual({ expected: 4, withFigure: 3, percent: 75, text: '75.0% of figures in (3 of 4)' });
    expect(published.dataOnly.map((x) => x.code)).toEqual(['TA']);
    expect(published.missing.map((x) => x.code)).toEqual(['APP']);
    expect(published.exceptions.map((e) => e.code)).toEqual(['PLAN']);
  });

  it('drops an exception whose indicator is not public', () => {
    const internal = publicEdition({ ...committee, indicators: committee.indicators.map((x) => (x.code === 'PLAN' ? { ...x, public: false } : x)) });
    expect(internal.exceptions).toEqual([]);
    expect(internal.overall.quarter.RED).toBe(0);
  });

  it('leaves no staff name anywhere: owners, action leads and the Board\'s commentary', () => {
    const names = [...NAMES.values(), 'Bea Boardman', 'Helen Ashworth'];
    const committeeText = JSON.stringify(committee);
    for (const name of ['Tina Taxwell', 'Larry Leadbetter', 'Helen Ashworth']) expect(committeeText).toContain(name);
    const strings: string[] = [];
    const walk = (node: unknown): void => {
      if (typeof node === 'string') strings.push(node);
      else if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') Object.values(node).forEach(walk);
    };
    walk(published);
    for (const name of names) expect(strings.filter((s) => s.includes(name))).toEqual([]);
    expect(published.indicators.every((x) => x.ownerName === null)).toBe(true);
    expect(published.exceptions[0]).toMatchObject({
      narrative: null, commentary: null, planStateText: 'Approved 14 Oct 2026', recoveryText: 'Expected to recover by Q4 2026/27',
      actions: [{ description: 'Agency planners for the backlog', leadName: null }, { description: 'Recruit two permanent officers', leadName: null }],
    });
  });

  it('keeps the committee edition as it was', () => {
    expect(committee.edition).toBe('committee');
    expect(committee.indicators).toHaveLength(5);
  });
});
