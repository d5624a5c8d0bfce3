/**
 * Sample view models of the verification cards (#16), from the demo council (Fenmarsh District
 * Council), as the use cases would produce them: for the card tests and for rendering the cards to
 * PNG (npm run cards:render). Already formatted for UK readers, like the real ones.
 */
import { DEMO_INDICATORS } from '../../demo/demo-indicators';
import type { Status, Unit } from '../../domain/types';
import type { QueryCardView, VerifyCardView, VerifyRowView } from './verification-view-models';

export const SAMPLE_VERIFY_PERIOD = '2026-10';
export const SAMPLE_VERIFY_PERIOD_LABEL = 'October 2026';
export const SAMPLE_VERIFIER = 'Priya Shah';
export const SAMPLE_VERIFIER_USER_ID = '29:1pR7sH4aXk2vQm8tT6uW9yZ0bB5cD7eF1gH3iJ5kL7mN9oP1qR3sT5uV7wX9yZ1aB3cD5eF7gH9iJ';

/** ENV01: verified. */
export const SAMPLE_VERIFY_ROW_VERIFIED: VerifyRowView = {
  indicatorId: 'ind-env01',
  code: 'ENV01',
  title: 'Household waste reused, recycled or composted',
  version: 1,
  valueText: '51.9%',
  flagsText: null,
  status: 'AMBER',
  statusText: 'Amber: within tolerance',
  lastValueText: 'Last: 51.2% (Sep 2026)',
  targetText: 'Target 52.5% (higher is better)',
  enteredText: 'Entered by Tom Hargreaves, 3 Nov 2026 16:45',
  state: 'VERIFIED',
  stateText: 'Verified by Priya Shah, 5 Nov 2026 09:00',
  chosen: null,
  comment: '',
  error: null,
};

/** SRV02: queried, waiting for the owner. */
export const SAMPLE_VERIFY_ROW_QUERIED: VerifyRowView = {
  indicatorId: 'ind-srv02',
  code: 'SRV02',
  title: 'Days to process Housing Benefit change events',
  version: 1,
  valueText: '12.4 days',
  flagsText: null,
  status: 'RED',
  statusText: 'Red: outside tolerance',
  lastValueText: 'Last: 8.3 days (Sep 2026)',
  targetText: 'Target 9.0 days (lower is better)',
  enteredText: 'Entered by Gareth Lewis, 4 Nov 2026 10:12',
  state: 'QUERIED',
  stateText:
    "Queried by Priya Shah, 5 Nov 2026 09:05: Is 12.4 days right? It is well above September's 8.3 days. Does it include the changes held back during the system upgrade?",
  chosen: null,
  comment: '',
  error: null,
};

/** SRV01: awaiting, an estimate. */
export const SAMPLE_VERIFY_ROW_ESTIMATE: VerifyRowView = {
  indicatorId: 'ind-srv01',
  code: 'SRV01',
  title: 'Days to process new Housing Benefit and Council Tax Support claims',
  version: 1,
  valueText: '22.4 days',
  flagsText: '(estimate)',
  status: 'AMBER',
  statusText: 'Amber: within tolerance',
  lastValueText: 'Last: 21.9 days (Sep 2026)',
  targetText: 'Target 20.0 days (lower is better)',
  enteredText: 'Entered by Gareth Lewis, 4 Nov 2026 10:12',
  state: 'AWAITING',
  stateText: null,
  chosen: null,
  comment: '',
  error: null,
};

/** SRV06: awaiting again after an answered query; a query without a comment was refused. */
export const SAMPLE_VERIFY_ROW_ANSWERED_ERROR: VerifyRowView = {
  indicatorId: 'ind-srv06',
  code: 'SRV06',
  title: 'Households in temporary accommodation',
  version: 1,
  valueText: '74',
  flagsText: '(unusual, confirmed by the owner)',
  status: 'DATA_ONLY',
  statusText: 'Data only',
  lastValueText: 'Last: 68 (Sep 2026)',
  targetText: null,
  enteredText: 'Entered by James Patel, 2 Nov 2026 14:30',
  state: 'AWAITING',
  stateText:
    'Queried earlier: is 74 right? It is the highest this year. James Patel replied: Yes, six families were placed after the fire at Riverside Court on 14 October.',
  chosen: 'QUERY',
  comment: '',
  error: 'Choose Verify or Query, and say what to check in the comment.',
};

export const SAMPLE_VERIFY_CARD: VerifyCardView = {
  period: SAMPLE_VERIFY_PERIOD,
  periodLabel: SAMPLE_VERIFY_PERIOD_LABEL,
  personName: SAMPLE_VERIFIER,
  progressText: 'Verified 1 of 4',
  rows: [SAMPLE_VERIFY_ROW_VERIFIED, SAMPLE_VERIFY_ROW_QUERIED, SAMPLE_VERIFY_ROW_ESTIMATE, SAMPLE_VERIFY_ROW_ANSWERED_ERROR],
  banner: { tone: 'attention', text: 'Nothing was sent for SRV06: a query needs a comment saying what to check.' },
  refreshUserIds: [SAMPLE_VERIFIER_USER_ID],
};

/** Every figure verified, after "Verify all". */
export const SAMPLE_VERIFY_DONE: VerifyCardView = {
  period: SAMPLE_VERIFY_PERIOD,
  periodLabel: SAMPLE_VERIFY_PERIOD_LABEL,
  personName: SAMPLE_VERIFIER,
  progressText: 'Verified 2 of 2',
  rows: [
    SAMPLE_VERIFY_ROW_VERIFIED,
    { ...SAMPLE_VERIFY_ROW_ESTIMATE, state: 'VERIFIED', stateText: 'Verified by Priya Shah, 5 Nov 2026 09:12' },
  ],
  banner: { tone: 'good', text: 'Verified 2 figures.' },
  refreshUserIds: [SAMPLE_VERIFIER_USER_ID],
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

/** A 1000-character comment (COMMENT_MAX_LENGTH), as a verifier might write at length. */
const LONG_COMMENT = (() => {
  const base =
    'This is well away from last month and from the same month last year. Please check it against the service dashboard and the monthly extract, say whether any cases were left out or counted twice, and whether the system change on 12 October affected the count. ';
  return base.repeat(Math.ceil(1000 / base.length)).slice(0, 1000);
})();

/**
 * A worst-case verifier's card for size checks: `count` rows from the demo register (repeated, by
 * ward area and service, past its indicators), every one awaiting verification with long titles;
 * every fourth with a Query chosen and a 1000-character comment, every fifth after an answered
 * query, every seventh with a refused decision, and 60 refresh ids.
 */
export function sampleVerifyCardWithRows(count: number): VerifyCardView {
  const rows: VerifyRowView[] = [];
  for (let i = 0; i < count; i++) {
    const d = DEMO_INDICATORS[i % DEMO_INDICATORS.length]!;
    const round = Math.floor(i / DEMO_INDICATORS.length);
    const area = round === 0 ? '' : ` (${['rural wards', 'market towns', 'coastal wards'][(round - 1) % 3]})`;
    const code = round === 0 ? d.code : `${d.code}-${String.fromCharCode(64 + round)}`;
    const status: Status = d.target === null ? 'DATA_ONLY' : (['GREEN', 'AMBER', 'RED'] as const)[i % 3]!;
    const version = i % 6 === 0 ? 2 : 1;
    const querying = i % 4 === 1;
    const answered = i % 5 === 2;
    rows.push({
      indicatorId: `ind-${code.toLowerCase()}`,
      code,
      title: `${d.title}${area}, ${d.service} service, ${d.directorate} directorate`,
      version,
      valueText: fmt(d.to, d.unit, d.decimals),
      flagsText: i % 3 === 0 ? '(estimate; unusual, confirmed by the owner)' : null,
      status,
      statusText:
        status === 'RED' ? 'Red: outside tolerance' : status === 'AMBER' ? 'Amber: within tolerance' : status === 'GREEN' ? 'Green: on target' : 'Data only',
      lastValueText: `Last: ${fmt(d.from, d.unit, d.decimals)} (Sep 2026)`,
      targetText:
        d.target === null ? null : `Target ${fmt(d.target, d.unit, d.decimals)} (${d.polarity === 'HIGHER' ? 'higher' : 'lower'} is better)`,
      enteredText: `Entered by ${d.owner.name}, 4 Nov 2026 10:${String(10 + (i % 50)).padStart(2, '0')}${version > 1 ? ` (corrected, version ${version})` : ''}`,
      state: 'AWAITING',
      stateText: answered
        ? `Queried earlier: is ${fmt(d.to, d.unit, d.decimals)} right? It is well away from September. ${d.owner.name} replied: Yes, it is right: the figure comes from the monthly extract and was checked against the service dashboard before it was entered.`
        : null,
      chosen: querying ? 'QUERY' : i % 7 === 3 ? 'QUERY' : null,
      comment: querying ? LONG_COMMENT : '',
      error: i % 7 === 3 && !querying ? 'Choose Verify or Query, and say what to check in the comment.' : null,
    });
  }
  return {
    period: SAMPLE_VERIFY_PERIOD,
    periodLabel: SAMPLE_VERIFY_PERIOD_LABEL,
    personName: SAMPLE_VERIFIER,
    progressText: `Verified 0 of ${count}`,
    rows,
    banner: { tone: 'attention', text: 'Some decisions were not sent: see the figures marked below.' },
    refreshUserIds: Array.from({ length: 60 }, (_, n) => `${SAMPLE_VERIFIER_USER_ID.slice(0, -2)}${String(n).padStart(2, '0')}`),
  };
}

/** The owner's card while the query is open. */
export const SAMPLE_QUERY_OPEN: QueryCardView = {
  valueId: 'val-srv02-2026-10-v1',
  code: 'SRV02',
  title: 'Days to process Housing Benefit change events',
  periodLabel: SAMPLE_VERIFY_PERIOD_LABEL,
  valueText: '12.4 days',
  verifierName: SAMPLE_VERIFIER,
  comment: "Is 12.4 days right? It is well above September's 8.3 days. Does it include the changes held back during the system upgrade?",
  queriedAtText: '5 Nov 2026 09:05',
  state: 'OPEN',
  stateText: null,
  banner: null,
};

/** The owner confirmed the figure, with a reply. */
export const SAMPLE_QUERY_ANSWERED: QueryCardView = {
  ...SAMPLE_QUERY_OPEN,
  state: 'ANSWERED',
  stateText:
    'You confirmed the figure on 5 Nov 2026 10:00: Yes, 12.4 days is right. The changes held back during the upgrade were all processed in October.',
  banner: { tone: 'good', text: 'Sent to Priya Shah: she will look at the figure again.' },
};

/** The owner corrected the figure on their entry card. */
export const SAMPLE_QUERY_CORRECTED: QueryCardView = {
  ...SAMPLE_QUERY_OPEN,
  valueId: 'val-env01-2026-09-v1',
  code: 'ENV01',
  title: 'Household waste reused, recycled or composted',
  periodLabel: 'September 2026',
  valueText: '15.2%',
  comment: 'Is 15.2% a typing slip for 51.2%? Please check.',
  queriedAtText: '4 Nov 2026 15:20',
  state: 'CORRECTED',
  stateText: 'Corrected to 51.2% (version 2); Priya Shah will verify it.',
  banner: null,
};
