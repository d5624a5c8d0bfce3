/**
 * The months and quarters a person can pick on the scorecard, and the month it opens on.
 *
 * It opens on the latest *reported* month: one whose reporting window has closed or, for a month
 * the cycle never ran (history loaded from a file), whose implied deadline (the end of the month
 * after it, as the status engine takes it) has passed. Those figures are final and are what the
 * Performance Board discusses. The picker offers every month and every quarter with figures, and the
 * month open for entry, for anyone who wants to watch it fill up.
 */
import type { ReportingPeriodRecord } from '../../db/repositories/period-repository';
import { defaultDeadline } from '../../domain/deadline';
import {
  comparePeriods,
  parsePeriod,
  periodKey,
  previousPeriod,
  quarterOfMonth,
  quarterPeriod,
  type MonthPeriod,
  type Period,
  type QuarterPeriod,
} from '../../domain/periods';
import { currentMonth } from '../../domain/periods-today';
import { lastMonthOf } from './as-at';

/** What a scorecard is chosen by: a month, or a quarter (shown as at its last month). */
export type ScorecardChoice = MonthPeriod | QuarterPeriod;

export interface ReportMonths {
  /** Newest first. */
  readonly months: readonly MonthPeriod[];
  /** Newest first. */
  readonly quarters: readonly QuarterPeriod[];
  readonly defaultMonth: MonthPeriod;
}

/**
 * `valuePeriods`: the period keys that have any stored value. A month has figures when a value is
 * for that month, or for a quarter or year that ends with it (its scorecard is the first to show
 * them); a quarter has figures when a value is for it, one of its months, or a year ending with it.
 */
export function reportMonths(windows: readonly ReportingPeriodRecord[], now: Date, valuePeriods: readonly string[] = []): ReportMonths {
  const windowOf = new Map(windows.map((w) => [w.period, w]));
  const months = new Map<string, MonthPeriod>();
  const quarters = new Map<string, QuarterPeriod>();
  const addMonth = (month: MonthPeriod) => months.set(periodKey(month), month);

  for (const period of parsed(valuePeriods)) {
    addMonth(lastMonthOf(period));
    const quarter = quarterCovering(period);
    quarters.set(periodKey(quarter), quarter);
  }
  const opened = parsed(windows.filter((w) => w.openedAt !== null && w.openedAt.getTime() <= now.getTime()).map((w) => w.period))
    .filter((p): p is MonthPeriod => p.kind === 'MONTH');
  for (const month of opened) addMonth(month);

  const newestFirst = <P extends Period>(list: Iterable<P>): P[] => [...list].sort((a, b) => comparePeriods(b, a));
  const reported = newestFirst(months.values()).find((month) => isReported(month, windowOf.get(periodKey(month)) ?? null, now));
  // Nothing reported yet: the month open for entry, or (no windows, no figures: a register just
  // loaded) last month as the best guess.
  const defaultMonth = reported ?? newestFirst(opened)[0] ?? previousPeriod(currentMonth(now));
  addMonth(defaultMonth);
  return { months: newestFirst(months.values()), quarters: newestFirst(quarters.values()), defaultMonth };
}

/** The month whose scorecard a choice shows: a month itself, a quarter's last month. */
export function asAtMonth(choice: ScorecardChoice): MonthPeriod {
  return choice.kind === 'MONTH' ? choice : lastMonthOf(choice);
}

/** Final: its window has closed or, with no window recorded, its implied deadline has passed. */
function isReported(month: MonthPeriod, window: ReportingPeriodRecord | null, now: Date): boolean {
  if (window) return window.closedAt !== null && window.closedAt.getTime() <= now.getTime();
  return defaultDeadline(month).getTime() <= now.getTime();
}

function quarterCovering(period: Period): QuarterPeriod {
  switch (period.kind) {
    case 'MONTH':
      return quarterOfMonth(period);
    case 'QUARTER':
      return period;
    case 'YEAR':
      return quarterPeriod(period.fyStart, 4);
  }
}

function parsed(keys: readonly string[]): Period[] {
  return keys.flatMap((key) => {
    const period = parsePeriod(key);
    return period.ok ? [period.value] : [];
  });
}
