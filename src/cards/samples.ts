/**
 * Sample view models from the demo council (Fenmarsh District Council), as the use cases would
 * produce them: for the card tests and for rendering the cards to PNG (npm run cards:render).
 * Already formatted for people, like the real ones.
 */
import { DEMO_INDICATORS } from '../demo/demo-indicators';
import type { Unit } from '../domain/types';
import type {
  EntryCardView,
  EntryRowView,
  HelpView,
  MyIndicatorsView,
  NarrativeView,
  NotRegisteredView,
  OutstandingView,
} from './view-models';

export const SAMPLE_PERIOD = '2026-10';
export const SAMPLE_PERIOD_LABEL = 'October 2026';
export const SAMPLE_PERSON = 'Gareth Lewis';
export const SAMPLE_DEADLINE = 'Due by Friday 20 November 2026, 17:00';
export const SAMPLE_USER_ID = '29:1f4Xk2pQm8vR3sT6uW9yZ0aB5cD7eF1gH3iJ5kL7mN9oP1qR3sT5uV7wX9yZ1aB3cD5eF7gH9iJ';

const emptyNarrative: NarrativeView = {
  required: true,
  remedialAction: '',
  likelyToRecover: null,
  recoveryPeriod: '',
  givenBy: null,
  error: null,
};

/** SRV01: saved amber, narrative still owed. */
export const SAMPLE_ROW_AMBER: EntryRowView = {
  indicatorId: 'ind-srv01',
  code: 'SRV01',
  title: 'Days to process new Housing Benefit and Council Tax Support claims',
  unitLabel: 'days',
  targetText: 'Target 20.0 days (lower is better)',
  lastValueText: 'Last: 21.9 days (Sep 2026)',
  trend: 'WORSENED',
  min: 0,
  max: 365,
  inputValue: '22.4',
  note: 'Two assessors on long-term sick leave.',
  saved: {
    valueText: '22.4 days',
    status: 'AMBER',
    statusText: 'Amber: within tolerance',
    byText: 'Gareth Lewis, 4 Nov 2026 10:12',
    version: 1,
    estimated: false,
    unusualConfirmed: false,
  },
  narrative: emptyNarrative,
  estimated: false,
  unusual: null,
  error: null,
};

/** SRV02: saved green, corrected once. */
export const SAMPLE_ROW_GREEN: EntryRowView = {
  indicatorId: 'ind-srv02',
  code: 'SRV02',
  title: 'Days to process Housing Benefit change events',
  unitLabel: 'days',
  targetText: 'Target 9.0 days (lower is better)',
  lastValueText: 'Last: 8.6 days (Sep 2026)',
  trend: 'IMPROVED',
  min: 0,
  max: 365,
  inputValue: '8.1',
  note: '',
  saved: {
    valueText: '8.1 days',
    status: 'GREEN',
    statusText: 'Green: on target',
    byText: 'Chloe Evans, 5 Nov 2026 09:40',
    version: 2,
    estimated: false,
    unusualConfirmed: false,
  },
  narrative: null,
  estimated: false,
  unusual: null,
  error: null,
};

/** FIN01: the value typed was refused. */
export const SAMPLE_ROW_ERROR: EntryRowView = {
  indicatorId: 'ind-fin01',
  code: 'FIN01',
  title: 'Council Tax collected (cumulative in year)',
  unitLabel: '%',
  targetText: 'Target 98.6% by March (higher is better)',
  lastValueText: 'Last: 57.3% (Sep 2026)',
  trend: 'UNCHANGED',
  min: 0,
  max: 100,
  inputValue: '164.2',
  note: '',
  saved: null,
  narrative: null,
  estimated: false,
  unusual: null,
  error: 'Enter a percentage between 0 and 100: 164.2 is more than 100.',
};

/** CUS04: nothing entered yet. */
export const SAMPLE_ROW_EMPTY: EntryRowView = {
  indicatorId: 'ind-cus04',
  code: 'CUS04',
  title: 'Calls lost (abandoned)',
  unitLabel: '%',
  targetText: 'Target 5.0% (lower is better)',
  lastValueText: 'Last: 6.1% (Sep 2026)',
  trend: 'IMPROVED',
  min: 0,
  max: 100,
  inputValue: '',
  note: '',
  saved: null,
  narrative: null,
  estimated: false,
  unusual: null,
  error: null,
};

/** ENV03: saved red, narrative given; a change to its recovery period was refused. */
export const SAMPLE_ROW_RED: EntryRowView = {
  indicatorId: 'ind-env03',
  code: 'ENV03',
  title: 'Missed bin collections as % of scheduled',
  unitLabel: '%',
  targetText: 'Target 0.03% (lower is better)',
  lastValueText: 'Last: 0.04% (Sep 2026)',
  trend: 'WORSENED',
  min: 0,
  max: 100,
  inputValue: '0.05',
  note: 'Two vehicles off the road for three weeks.',
  saved: {
    valueText: '0.05%',
    status: 'RED',
    statusText: 'Red: outside tolerance',
    byText: 'Gareth Lewis, 4 Nov 2026 10:15',
    version: 1,
    estimated: false,
    unusualConfirmed: false,
  },
  narrative: {
    required: false,
    remedialAction: 'Hired two replacement vehicles from 2 November; crews catching up on Saturdays.',
    likelyToRecover: 'YES',
    recoveryPeriod: 'by Christmas',
    givenBy: 'Gareth Lewis, 4 Nov 2026 10:20',
    error: 'Give the recovery month as year and month, e.g. 2027-01.',
  },
  estimated: false,
  unusual: null,
  error: null,
};

/** SRV06: data only, no target. */
export const SAMPLE_ROW_DATA_ONLY: EntryRowView = {
  indicatorId: 'ind-srv06',
  code: 'SRV06',
  title: 'Households in temporary accommodation',
  unitLabel: 'number',
  targetText: null,
  lastValueText: 'Last: 68 (Sep 2026)',
  trend: 'NOT_COMPARABLE',
  min: 0,
  max: null,
  inputValue: '',
  note: '',
  saved: null,
  narrative: null,
  estimated: false,
  unusual: null,
  error: null,
};

/** Gareth's card in the open period: a saved green value, an amber needing narrative, a field error, an empty row. */
export const SAMPLE_ENTRY_OPEN: EntryCardView = {
  period: SAMPLE_PERIOD,
  periodLabel: SAMPLE_PERIOD_LABEL,
  personName: SAMPLE_PERSON,
  deadlineText: SAMPLE_DEADLINE,
  state: 'OPEN',
  rows: [SAMPLE_ROW_AMBER, SAMPLE_ROW_GREEN, SAMPLE_ROW_ERROR, SAMPLE_ROW_EMPTY, SAMPLE_ROW_RED, SAMPLE_ROW_DATA_ONLY],
  banner: { tone: 'attention', text: 'Nothing was stored for FIN01: fix the value marked below and submit again.' },
  refreshUserIds: [SAMPLE_USER_ID],
};

/** The same card after the period closed: read-only. */
export const SAMPLE_ENTRY_CLOSED: EntryCardView = {
  ...SAMPLE_ENTRY_OPEN,
  state: 'CLOSED',
  deadlineText: null,
  banner: null,
  refreshUserIds: [],
  rows: SAMPLE_ENTRY_OPEN.rows.map((r) => ({ ...r, error: null, narrative: r.narrative?.givenBy ? { ...r.narrative, error: null } : null })),
};

/**
 * #16: Gareth's card after a submit that stored nothing: SRV06's 680 (for 68) is asked about, and
 * SRV02's figure is marked as an estimate, both kept as typed.
 */
export const SAMPLE_ENTRY_UNUSUAL: EntryCardView = {
  ...SAMPLE_ENTRY_OPEN,
  banner: { tone: 'warning', text: 'Nothing was stored: one figure is unusual for its indicator (shown below). Correct it, or tick "This figure is right", then submit again.' },
  rows: [
    { ...SAMPLE_ROW_GREEN, inputValue: '8.4', estimated: true, saved: { ...SAMPLE_ROW_GREEN.saved!, estimated: true } },
    {
      ...SAMPLE_ROW_DATA_ONLY,
      inputValue: '680',
      unusual: {
        questions: [
          'SRV06 Households in temporary accommodation: 680 is above what it usually reports (52 to 81, from its last 24 figures): check it, then confirm it or correct it.',
          'SRV06 Households in temporary accommodation: 680 is 900% away from the period before (68), more than the 25% the register expects at most: check it, then confirm it or correct it.',
        ],
        confirmValue: '680',
      },
    },
  ],
};

const UNIT_LABELS: Readonly<Record<Unit, string>> = {
  PERCENT: '%',
  NUMBER: 'number',
  CURRENCY: '£',
  DAYS: 'days',
  MINUTES: 'minutes',
  RATE: 'rate',
  RATIO: 'ratio',
};

function fmt(value: number, unit: Unit, decimals: number): string {
  const n = value.toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  if (unit === 'PERCENT') return `${n}%`;
  if (unit === 'CURRENCY') return `£${n}`;
  if (unit === 'NUMBER') return n;
  return `${n} ${UNIT_LABELS[unit]}`;
}

/**
 * A worst-case entry card for size checks: `count` rows from the demo register (the register
 * repeated, by ward area, past its 21 indicators), every other row saved, every fifth with a
 * narrative (some given, some with errors), every seventh with a refused value, and 60 refresh ids.
 */
export function sampleEntryViewWithRows(count: number): EntryCardView {
  const rows: EntryRowView[] = [];
  for (let i = 0; i < count; i++) {
    const d = DEMO_INDICATORS[i % DEMO_INDICATORS.length]!;
    const round = Math.floor(i / DEMO_INDICATORS.length);
    const area = round === 0 ? '' : ` (${['rural wards', 'market towns', 'coastal wards'][(round - 1) % 3]})`;
    const code = round === 0 ? d.code : `${d.code}-${String.fromCharCode(64 + round)}`;
    const value = d.to;
    const previous = d.from;
    const saved = i % 2 === 0;
    const narrative = i % 5 === 2;
    const status = narrative ? (i % 10 === 2 ? 'RED' : 'AMBER') : d.target === null ? 'DATA_ONLY' : 'GREEN';
    rows.push({
      indicatorId: `ind-${code.toLowerCase()}`,
      code,
      title: `${d.title}${area}`,
      unitLabel: UNIT_LABELS[d.unit],
      targetText:
        d.target === null
          ? null
          : `Target ${fmt(d.target, d.unit, d.decimals)} (${d.polarity === 'HIGHER' ? 'higher' : 'lower'} is better)`,
      lastValueText: `Last: ${fmt(previous, d.unit, d.decimals)} (Sep 2026)`,
      trend: (['IMPROVED', 'WORSENED', 'UNCHANGED', 'NOT_COMPARABLE'] as const)[i % 4]!,
      min: 0,
      max: d.unit === 'PERCENT' ? 100 : null,
      inputValue: saved || narrative ? String(value) : i % 7 === 3 ? 'about 20' : '',
      note: i % 3 === 0 ? 'Figure from the monthly extract; checked against the service dashboard.' : '',
      saved:
        saved || narrative
          ? {
              valueText: fmt(value, d.unit, d.decimals),
              status,
              statusText: status === 'RED' ? 'Red: outside tolerance' : status === 'AMBER' ? 'Amber: within tolerance' : status === 'GREEN' ? 'Green: on target' : 'Data only',
              byText: `${d.owner.name}, 4 Nov 2026 10:${String(10 + (i % 50)).padStart(2, '0')}`,
              version: i % 6 === 0 ? 2 : 1,
              estimated: i % 9 === 4,
              unusualConfirmed: false,
            }
          : null,
      narrative: narrative
        ? {
            required: i % 10 === 2,
            remedialAction: i % 10 === 7 ? 'Agency staff booked for November and December to clear the backlog of older cases.' : '',
            likelyToRecover: i % 10 === 7 ? 'UNSURE' : null,
            recoveryPeriod: i % 10 === 7 ? '2027-01' : '',
            givenBy: i % 10 === 7 ? `${d.owner.name}, 4 Nov 2026 11:02` : null,
            error: i % 10 === 2 ? 'Say whether the action is likely to be enough to recover.' : null,
          }
        : null,
      estimated: (saved || narrative) && i % 9 === 4,
      unusual: null,
      error: i % 7 === 3 ? `"about 20" is not a number: enter the figure only, e.g. ${fmt(d.to, d.unit, d.decimals)}.` : null,
    });
  }
  return {
    period: SAMPLE_PERIOD,
    periodLabel: SAMPLE_PERIOD_LABEL,
    personName: SAMPLE_PERSON,
    deadlineText: SAMPLE_DEADLINE,
    state: 'OPEN',
    rows,
    banner: { tone: 'attention', text: 'Nothing was stored: fix the values marked below and submit again.' },
    refreshUserIds: Array.from({ length: 60 }, (_, n) => `${SAMPLE_USER_ID.slice(0, -2)}${String(n).padStart(2, '0')}`),
  };
}

export const SAMPLE_MY_INDICATORS: MyIndicatorsView = {
  personName: SAMPLE_PERSON,
  indicators: [
    {
      code: 'SRV01',
      title: 'Days to process new Housing Benefit and Council Tax Support claims',
      latestValueText: '22.4 days',
      latestPeriodLabel: 'Oct 2026',
      status: 'AMBER',
      statusText: 'Amber: within tolerance',
      trend: 'WORSENED',
      targetText: 'Target 20.0 days (lower is better)',
    },
    {
      code: 'SRV02',
      title: 'Days to process Housing Benefit change events',
      latestValueText: '8.1 days',
      latestPeriodLabel: 'Oct 2026',
      status: 'GREEN',
      statusText: 'Green: on target',
      trend: 'IMPROVED',
      targetText: 'Target 9.0 days (lower is better)',
    },
    {
      code: 'FIN01',
      title: 'Council Tax collected (cumulative in year)',
      latestValueText: '57.3%',
      latestPeriodLabel: 'Sep 2026',
      status: 'DUE',
      statusText: 'Due: October value not yet submitted',
      trend: 'UNCHANGED',
      targetText: 'Target 98.6% by March (higher is better)',
    },
    {
      code: 'CUS04',
      title: 'Calls lost (abandoned)',
      latestValueText: null,
      latestPeriodLabel: null,
      status: 'MISSING',
      statusText: 'Missing since 21 Jun 2026',
      trend: 'NOT_COMPARABLE',
      targetText: 'Target 5.0% (lower is better)',
    },
    {
      code: 'ENV03',
      title: 'Missed bin collections as % of scheduled',
      latestValueText: '0.05%',
      latestPeriodLabel: 'Oct 2026',
      status: 'RED',
      statusText: 'Red: outside tolerance',
      trend: 'WORSENED',
      targetText: 'Target 0.03% (lower is better)',
    },
    {
      code: 'SRV06',
      title: 'Households in temporary accommodation',
      latestValueText: '71',
      latestPeriodLabel: 'Oct 2026',
      status: 'DATA_ONLY',
      statusText: 'Data only',
      trend: 'NOT_COMPARABLE',
      targetText: null,
    },
  ],
};

export const SAMPLE_MY_INDICATORS_EMPTY: MyIndicatorsView = { personName: 'Nadia Rahman', indicators: [] };

export const SAMPLE_OUTSTANDING: OutstandingView = {
  personName: SAMPLE_PERSON,
  periodLabel: SAMPLE_PERIOD_LABEL,
  items: [
    { code: 'FIN01', title: 'Council Tax collected (cumulative in year)', periodLabel: 'October 2026', what: 'Value due by 20 Nov 2026', tone: 'default' },
    { code: 'SRV01', title: 'Days to process new Housing Benefit and Council Tax Support claims', periodLabel: 'October 2026', what: 'Narrative needed: amber', tone: 'warning' },
    { code: 'CUS04', title: 'Calls lost (abandoned)', periodLabel: 'June 2026', what: 'Missing since 21 Jul 2026', tone: 'attention' },
  ],
};

/** A cycle's reminder: a figure reported a quarter late, due now, and a narrative owed after the deadline (#14). */
export const SAMPLE_OUTSTANDING_REMINDER: OutstandingView = {
  personName: 'Tom Hargreaves',
  periodLabel: 'Q1 2026/27',
  items: [
    { code: 'ENV01', title: 'Household waste reused, recycled or composted', periodLabel: 'Q1 2026/27 (reported a quarter late)', what: 'Value due by 14 Oct 2026', tone: 'warning' },
    { code: 'ENV03', title: 'Missed bin collections as % of scheduled', periodLabel: 'September 2026', what: 'Narrative owed for the red figure (the deadline was 14 Oct 2026 17:00)', tone: 'attention' },
  ],
};

export const SAMPLE_OUTSTANDING_EMPTY: OutstandingView = { personName: SAMPLE_PERSON, periodLabel: SAMPLE_PERIOD_LABEL, items: [] };

export const SAMPLE_HELP: HelpView = {
  greeting: 'Hello Gareth',
  commands: [
    { command: 'enter', description: 'Open the entry card for the current month.' },
    { command: 'my indicators', description: 'The indicators you own or cover, with their latest status.' },
    { command: 'outstanding', description: 'What you still need to submit or explain.' },
    { command: 'help', description: 'Show this list.' },
  ],
  note: 'You typed "hepl", which is not a command.',
};

export const SAMPLE_NOT_REGISTERED: NotRegisteredView = {
  userName: 'Sam Turner',
  contact: 'the Performance Team (performance@fenmarsh.gov.uk)',
};
