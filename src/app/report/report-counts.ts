/**
 * The quarterly report's counts (#15), from its indicators: overall, by lens, by corporate priority
 * and by directorate, for the quarter, the year to date and the last quarter, and the data's
 * completeness. One function for the committee edition and the public one, which recounts over the
 * indicators it keeps, so both editions count the same way.
 */
import type { Status } from '../../domain/types';
import { LENSES } from '../../domain/types';
import { lensLabel } from '../../domain/vocabulary';
import { statusLabel } from '../scorecard/labels';
import type { QuarterReport, ReportCompleteness, ReportGroupCounts, ReportIndicator, ReportStatusCounts } from './quarter-report-model';

export const NO_PRIORITY = 'No corporate priority';

export type ReportCounts = Pick<QuarterReport, 'completeness' | 'overall' | 'byLens' | 'byPriority' | 'byDirectorate'>;

export interface CountingContext {
  /** "Q1 2026/27". */
  readonly lastQuarterLabel: string;
  /** Whether there was a report last quarter at all (any figure held as at its end). */
  readonly hadLastQuarter: boolean;
}

export function reportCounts(indicators: readonly ReportIndicator[], context: CountingContext): ReportCounts {
  const group = (key: string, label: string, members: readonly ReportIndicator[]) => groupCounts(key, label, members, context);
  return {
    completeness: completenessOf(indicators),
    overall: group('ALL', 'All indicators', indicators),
    // Every lens, as the Scorecard tab shows them, so a lens with nothing in it reads as none.
    byLens: LENSES.map((lens) => group(lens, lensLabel(lens), indicators.filter((x) => x.lens === lens))),
    byPriority: distinctSorted(indicators.map((x) => x.priority), comparePriorities)
      .map((name) => group(name, name, indicators.filter((x) => x.priority === name))),
    byDirectorate: distinctSorted(indicators.map((x) => x.directorate), (a, b) => a.localeCompare(b))
      .map((name) => group(name, name, indicators.filter((x) => x.directorate === name))),
  };
}

export function countOf(statuses: readonly Status[]): ReportStatusCounts {
  const c = (status: Status) => statuses.filter((s) => s === status).length;
  return {
    RED: c('RED'), AMBER: c('AMBER'), GREEN: c('GREEN'), DATA_ONLY: c('DATA_ONLY'), MISSING: c('MISSING'), DUE: c('DUE'),
    AWAITING_VERIFICATION: c('AWAITING_VERIFICATION'), total: statuses.length,
  };
}

function groupCounts(key: string, label: string, members: readonly ReportIndicator[], context: CountingContext): ReportGroupCounts {
  const quarter = countOf(members.map((x) => x.status));
  // Indicators new to the register since then had no reading last quarter and are left out of it.
  const lastQuarter = context.hadLastQuarter ? countOf(members.flatMap((x) => (x.lastQuarterStatus ? [x.lastQuarterStatus] : []))) : null;
  return {
    key,
    label,
    quarter,
    yearToDate: countOf(members.map((x) => x.yearToDate.status)),
    lastQuarter,
    changeText: changeText(quarter, lastQuarter, context.lastQuarterLabel),
  };
}

/** "2 more green, 1 fewer red than Q1 2026/27", "No change since Q1 2026/27", "No report for Q1 2026/27". */
export function changeText(now: ReportStatusCounts, before: ReportStatusCounts | null, beforeLabel: string): string {
  if (before === null) return `No report for ${beforeLabel}`;
  const parts = (['GREEN', 'AMBER', 'RED', 'AWAITING_VERIFICATION', 'DATA_ONLY', 'MISSING', 'DUE'] as const).flatMap((status) => {
    const change = now[status] - before[status];
    if (change === 0) return [];
    return [`${Math.abs(change)} ${change > 0 ? 'more' : 'fewer'} ${statusLabel(status).toLowerCase()}`];
  });
  return parts.length === 0 ? `No change since ${beforeLabel}` : `${parts.join(', ')} than ${beforeLabel}`;
}

/** How many figures were in by the quarter's end of those due by then (one not yet due is not expected). */
export function completenessOf(indicators: readonly ReportIndicator[]): ReportCompleteness {
  const expected = indicators.filter((x) => x.status !== 'DUE');
  const withFigure = expected.filter((x) => x.figure.value !== null).length;
  if (expected.length === 0) return { expected: 0, withFigure: 0, percent: 0, text: 'No figures were due by the quarter\'s end' };
  const percent = Math.round((1000 * withFigure) / expected.length) / 10;
  return { expected: expected.length, withFigure, percent, text: `${percent.toFixed(1)}% of figures in (${withFigure} of ${expected.length})` };
}

/** Priorities by name, with indicators under no priority last. */
export function comparePriorities(a: string, b: string): number {
  return Number(a === NO_PRIORITY) - Number(b === NO_PRIORITY) || a.localeCompare(b);
}

function distinctSorted(items: readonly string[], compare: (a: string, b: string) => number): string[] {
  return [...new Set(items)].sort(compare);
}
