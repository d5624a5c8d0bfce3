/**
 * A realistic quarterly report model without a database, for the renderers' tests, the rendered
 * pictures (`npm run report:render -- --sample`) and the benchmark's large council: a district's
 * register of `size` indicators across the five lenses, three directorates and four priorities,
 * with reds, ambers, a data-only, a missing and a lagged figure among them. Deterministic: the same
 * size gives the same model.
 */
import type { Lens, Status, Travel, Unit } from '../../domain/types';
import { LENSES } from '../../domain/types';
import { formatValue } from '../../domain/numbers';
import { lensLabel } from '../../domain/vocabulary';
import { statusLabel } from '../scorecard/labels';
import { describeStatus } from '../../domain/status';
import { countOf } from './report-counts';
import type {
  QuarterReport, ReportException, ReportFigure, ReportGroupCounts, ReportIndicator, SparkPoint,
} from './quarter-report-model';

const DIRECTORATES = ['Resources', 'Place', 'Communities'] as const;
const PRIORITIES = ['A greener district', 'Efficient, modern services', 'A financially sustainable council', 'Homes and a growing economy'] as const;
const OWNERS = ['Priya Shah', 'Tom Evans', 'Aisha Okoro', 'Gareth Jones', 'Hannah Clarke', 'Sam Patel'] as const;
const MONTHS = ['Oct 2025', 'Nov 2025', 'Dec 2025', 'Jan 2026', 'Feb 2026', 'Mar 2026', 'Apr 2026', 'May 2026', 'Jun 2026', 'Jul 2026', 'Aug 2026', 'Sep 2026'];
const MONTH_KEYS = ['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09'];

const TITLES: readonly [string, Unit, number, 'HIGHER' | 'LOWER'][] = [
  ['Council Tax collected (cumulative in year)', 'PERCENT', 1, 'HIGHER'],
  ['Days to process new Housing Benefit claims', 'DAYS', 1, 'LOWER'],
  ['Household waste reused, recycled or composted', 'PERCENT', 1, 'HIGHER'],
  ['Working days lost to sickness per FTE', 'NUMBER', 2, 'LOWER'],
  ['Major planning applications decided in 13 weeks', 'PERCENT', 1, 'HIGHER'],
  ['Households in temporary accommodation', 'NUMBER', 0, 'LOWER'],
  ['Calls answered within 60 seconds', 'PERCENT', 1, 'HIGHER'],
  ['Average time to clear a reported fly-tip', 'DAYS', 1, 'LOWER'],
  ['Savings delivered against plan', 'CURRENCY', 0, 'HIGHER'],
];

/** Which status the i-th indicator gets: mostly green, some amber and red, one of each of the rest. */
function statusOf(i: number): Status {
  if (i === 4) return 'DATA_ONLY';
  if (i === 7) return 'MISSING';
  if (i % 5 === 1) return 'RED';
  if (i % 5 === 3) return 'AMBER';
  return 'GREEN';
}

function figure(value: number | null, unit: Unit, decimals: number): ReportFigure {
  return { value, text: value === null ? 'No figure' : formatValue(value, unit, decimals) };
}


function group(key: string, label: string, members: readonly ReportIndicator[]): ReportGroupCounts {
  const quarter = countOf(members.map((m) => m.status));
  const lastQuarter = countOf(members.map((m, i) => (i % 4 === 0 && m.status === 'GREEN' ? 'AMBER' : m.status)));
  const moreGreen = quarter.GREEN - lastQuarter.GREEN;
  return {
    key, label, quarter,
    yearToDate: countOf(members.map((m) => m.yearToDate.status)),
    lastQuarter,
    changeText: moreGreen === 0 ? 'No change since Q1 2026/27' : `${moreGreen} more green than Q1 2026/27`,
  };
}

/** #17: most figures within normal variation; a red with a shift of concern, a green improving beyond its limit, a cumulative forecast. */
function sampleSignals(i: number, status: Status, cumulative: boolean): ReportIndicator['signals'] {
  const forecastText = cumulative ? 'Forecast year-end £1,480,000 (range £1,420,000 to £1,530,000), from the same point in 3 previous years' : null;
  if (i % 4 === 3) {
    return { variation: 'TOO_FEW_POINTS', variationLabel: 'Too few points', variationText: 'Too few points to tell signal from noise: 9 of 15', assuranceLabel: null, assuranceText: null, forecastText };
  }
  const special = status === 'RED' && i % 2 === 0
    ? { variation: 'SPECIAL_CAUSE_CONCERN' as const, variationLabel: 'Concern', variationText: 'Special cause of concern: 7 points in a row below the average' }
    : status === 'GREEN' && i % 5 === 1
      ? { variation: 'SPECIAL_CAUSE_IMPROVEMENT' as const, variationLabel: 'Improvement', variationText: 'Special cause of improvement: above the upper process limit' }
      : { variation: 'COMMON_CAUSE' as const, variationLabel: 'Common cause', variationText: 'Within normal variation' };
  const met = status === 'GREEN';
  return {
    ...special,
    assuranceLabel: met ? 'Consistently met' : 'Hit and miss',
    assuranceText: met ? 'The target will consistently be met while the process runs as it does' : 'The target will be hit and missed at random while the process runs as it does',
    forecastText,
  };
}

function indicator(i: number): ReportIndicator {
  const [title, unit, decimals, polarity] = TITLES[i % TITLES.length]!;
  const status = statusOf(i);
  const lens: Lens = LENSES[i % LENSES.length]!;
  const target = unit === 'PERCENT' ? 90 : unit === 'DAYS' ? 20 : unit === 'CURRENCY' ? 250_000 : 100;
  const sign = polarity === 'HIGHER' ? 1 : -1;
  const shift = status === 'GREEN' ? 0.05 : status === 'AMBER' ? -0.03 : -0.15;
  const value = status === 'MISSING' ? null : Math.round(target * (1 + sign * shift) * 10 ** decimals) / 10 ** decimals;
  const sparkline: SparkPoint[] = MONTH_KEYS.map((period, k) => {
    const v = k === 11 ? value : Math.round(target * (1 + sign * shift * (k / 11)) * (1 + 0.02 * Math.sin(i + k)) * 10 ** decimals) / 10 ** decimals;
    return { period, label: MONTHS[k]!, value: v, target, status: k === 11 ? status : 'GREEN' };
  });
  // The line ends at the figure. Travel since last quarter is what the line draws (the figure against
  // three months before), so a person looking at the sample never reads "improved" beside a line
  // going the wrong way. No figure, nothing to compare: as travelOf answers.
  const lastQuarterValue = sparkline[8]!.value!;
  const travel: Travel = value === null ? 'NOT_COMPARABLE'
    : value === lastQuarterValue ? 'UNCHANGED' : (value - lastQuarterValue) * sign > 0 ? 'IMPROVED' : 'WORSENED';
  const travelWord = { IMPROVED: 'Improved', WORSENED: 'Worsened', UNCHANGED: 'No change', NOT_COMPARABLE: 'Not comparable' }[travel];
  const code = `${['FIN', 'SRV', 'ENV', 'PPL', 'CUS'][i % 5]}${String(Math.floor(i / 5) + 1).padStart(2, '0')}`;
  return {
    id: `sample-${i}`,
    code,
    title,
    definition: `${title}: the sample register's definition, as the council's performance team wrote it.`,
    kind: status === 'DATA_ONLY' ? 'DATA_ONLY' : i % 2 === 0 ? 'KPI' : 'PI',
    unit, decimals,
    aggregation: i === 0 ? 'CUMULATIVE' : 'AVERAGE',
    polarityText: polarity === 'HIGHER' ? 'Higher is better' : 'Lower is better',
    lens, lensLabel: lensLabel(lens),
    directorate: DIRECTORATES[i % DIRECTORATES.length]!,
    priority: PRIORITIES[i % PRIORITIES.length]!,
    public: i % 6 !== 5,
    ownerName: OWNERS[i % OWNERS.length]!,
    period: '2026-09',
    periodLabel: i === 2 ? 'Jun 2026 (reported a quarter late)' : 'Sep 2026',
    figure: figure(value, unit, decimals),
    quarterFigure: figure(value, unit, decimals),
    yearToDate: { ...figure(value, unit, decimals), target: figure(target, unit, decimals), complete: i % 7 !== 0, status },
    target: figure(status === 'DATA_ONLY' ? null : target, unit, decimals),
    status,
    statusLabel: statusLabel(status),
    statusText: describeStatus(status),
    travelSinceLastQuarter: travel,
    travelSinceLastYear: value === null ? 'NOT_COMPARABLE' : i % 2 === 0 ? 'IMPROVED' : 'WORSENED',
    travelText: travelWord,
    sinceLastYearText: value === null ? 'Not comparable' : i % 2 === 0 ? 'Improved' : 'Worsened',
    sparkline,
    // #16: a few figures are estimates, a few still with their verifier.
    qualityText: value === null ? null : i % 9 === 4 ? 'estimate; not yet verified' : i % 6 === 5 ? 'not yet verified' : null,
    signals: value === null ? null : sampleSignals(i, status, i === 0),
  };
}

function exception(ind: ReportIndicator, i: number): ReportException {
  return {
    indicatorId: ind.id,
    code: ind.code,
    title: ind.title,
    status: ind.status as 'RED' | 'AMBER',
    narrative: i % 2 === 0
      ? 'Two long-term absences in the processing team and a surge in new claims after the local employer closed. Agency staff start in October.'
      : null,
    likelyToRecoverText: i % 2 === 0 ? 'Yes' : null,
    commentary: i % 3 === 0 ? 'The Board asked for weekly figures until the backlog clears (Aisha Okoro, 14 Oct 2026).' : null,
    planStateText: i % 2 === 0 ? 'Approved 14 Oct 2026' : 'Not yet submitted',
    recoveryText: i % 2 === 0 ? 'Expected to recover by Dec 2026' : null,
    actions: i % 2 === 0
      ? [
          { description: 'Two agency assessors for twelve weeks', leadName: 'Tom Evans', dueText: '31 Oct 2026', done: true },
          { description: 'Automate change-of-address notifications', leadName: 'Priya Shah', dueText: '30 Nov 2026', done: false },
        ]
      : [],
    runningText: i % 2 === 0 ? '2nd quarter running' : 'New this quarter',
  };
}

export function sampleQuarterReport(size = 12): QuarterReport {
  const indicators = Array.from({ length: size }, (_, i) => indicator(i))
    .sort((a, b) => a.priority.localeCompare(b.priority) || a.code.localeCompare(b.code));
  const withFigure = indicators.filter((x) => x.status !== 'MISSING' && x.status !== 'DUE').length;
  const expected = indicators.filter((x) => x.status !== 'DUE').length;
  const percent = Math.round((1000 * withFigure) / Math.max(expected, 1)) / 10;
  const groupsBy = (key: (x: ReportIndicator) => string, label: (k: string) => string) =>
    [...new Set(indicators.map(key))].sort().map((k) => group(k, label(k), indicators.filter((x) => key(x) === k)));
  return {
    edition: 'committee',
    organisation: 'North Kesteven District Council',
    quarter: '2026/27 Q2',
    quarterLabel: 'Q2 2026/27 (Jul–Sep 2026)',
    lastQuarterLabel: 'Q1 2026/27',
    financialYear: '2026/27',
    asAtMonth: '2026-09',
    generatedAt: '2026-10-20T09:30:00.000Z',
    generatedText: 'Generated 20 Oct 2026 at 10:30 from the figures held then.',
    completeness: { expected, withFigure, percent, text: `${percent.toFixed(1)}% of figures in (${withFigure} of ${expected})` },
    overall: group('ALL', 'All indicators', indicators),
    byLens: LENSES.map((lens) => group(lens, lensLabel(lens), indicators.filter((x) => x.lens === lens))),
    byPriority: groupsBy((x) => x.priority, (k) => k),
    byDirectorate: groupsBy((x) => x.directorate, (k) => k),
    indicators,
    exceptions: indicators.filter((x) => x.status === 'RED' || x.status === 'AMBER').map(exception),
    dataOnly: indicators.filter((x) => x.status === 'DATA_ONLY'),
    missing: indicators.filter((x) => x.status === 'MISSING' || x.status === 'DUE'),
  };
}
