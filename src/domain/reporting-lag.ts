/**
 * Reporting lag: some figures arrive later than the period they describe by design (household waste
 * recycling rates come a quarter late, because the tonnages are confirmed by the processors). An
 * indicator with `lagMonths = N` has its figure for a period collected by the cycle of the month N
 * months after the period's last month, instead of the period's own cycle; until that cycle's
 * deadline the figure is Due, not Missing, and nobody is reminded or escalated about it.
 *
 * The cycle of a month collects the periods that end with it (cycle-calendar.ts); with a lag it
 * collects the periods that ended N months before it. Q1 (Apr–Jun) of a quarterly indicator with a
 * lag of 3 is therefore collected by September's cycle, which runs in October.
 */
import {
  comparePeriods, frequencyOfPeriod, monthsOfPeriod, periodContaining, periodKey, periodShortLabel, periodsEqual, previousPeriod, shiftPeriod,
  type MonthPeriod, type Period,
} from './periods';
import type { Frequency } from './types';
import { reportingPeriodsFor } from './cycle-calendar';

/** Longest lag the register accepts: beyond a year a figure is history, not a cycle's business. */
export const MAX_LAG_MONTHS = 12;

/** The last month a period covers. */
export function lastMonthOf(period: Period): MonthPeriod {
  const months = monthsOfPeriod(period);
  return months[months.length - 1]!;
}

/** The cycle month whose cycle collects this period's figure: its last month, moved on by the lag. */
export function cycleMonthDue(period: Period, lagMonths: number): MonthPeriod {
  return shiftPeriod(lastMonthOf(period), lagMonths);
}

/**
 * The period of this frequency that the cycle of `cycleMonth` asks for when figures come
 * `lagMonths` late; null when none is due that month (a quarterly or annual indicator whose period
 * did not end `lagMonths` before it).
 */
export function periodDueIn(cycleMonth: MonthPeriod, frequency: Frequency, lagMonths: number): Period | null {
  const described = shiftPeriod(cycleMonth, -lagMonths);
  const period = periodContaining(described, frequency);
  return periodsEqual(lastMonthOf(period), described) ? period : null;
}

/**
 * The latest period of this frequency whose figure is due by the cycle of `cycleMonth` (that cycle
 * included): what "the current figure" of a lagged indicator is in that month's reports.
 */
export function latestPeriodDueBy(cycleMonth: MonthPeriod, frequency: Frequency, lagMonths: number): Period {
  const described = shiftPeriod(cycleMonth, -lagMonths);
  const period = periodContaining(described, frequency);
  return periodsEqual(lastMonthOf(period), described) ? period : previousPeriod(period);
}

/** "a month late", "a quarter late", "a year late", "2 months late"; "" without a lag. */
export function lagText(lagMonths: number): string {
  if (lagMonths <= 0) return '';
  if (lagMonths === 1) return 'a month late';
  if (lagMonths === 3) return 'a quarter late';
  if (lagMonths === 12) return 'a year late';
  return `${lagMonths} months late`;
}

/**
 * Which period a figure is for, said where a report is about another month: "figure for Q1 2026/27,
 * reported a quarter late". Empty when the figure is the report's own period and on time, so that
 * cards only carry the note where it tells the reader something.
 */
export function lagNote(period: Period, lagMonths: number, reportPeriod?: Period): string {
  if (lagMonths <= 0 && (!reportPeriod || periodsEqual(period, reportPeriod))) return '';
  const late = lagText(lagMonths);
  return `figure for ${periodShortLabel(period)}${late ? `, reported ${late}` : ''}`;
}

/** The period a register view of `month` shows for an indicator: the latest one due by then. */
export function periodShownFor(month: MonthPeriod, frequency: Frequency, lagMonths: number): Period {
  return lagMonths > 0 ? latestPeriodDueBy(month, frequency, lagMonths) : periodContaining(month, frequency);
}

/**
 * The period whose entry window (and so deadline) governs this indicator's figure for `period`: the
 * period itself when on time; with a lag, the month whose cycle collects it, so that the figure is
 * Due, not Missing, until that cycle's deadline however long ago its own period closed.
 */
export function deadlinePeriodOf(period: Period, lagMonths: number): Period {
  return lagMonths > 0 ? cycleMonthDue(period, lagMonths) : period;
}

/** Every month whose window a lagged figure for `period` might follow (lags 1 to 12). */
export function possibleDeadlineMonths(period: Period): MonthPeriod[] {
  return Array.from({ length: MAX_LAG_MONTHS }, (_, i) => cycleMonthDue(period, i + 1));
}

export interface LaggedIndicator {
  readonly frequency: Frequency;
  readonly lagMonths: number;
}

/** Whether the cycle of `month` collects this indicator's figure for `period`. */
export function isCollectedIn(month: MonthPeriod, indicator: LaggedIndicator, period: Period): boolean {
  if (indicator.lagMonths > 0) {
    const due = periodDueIn(month, indicator.frequency, indicator.lagMonths);
    return due !== null && periodsEqual(due, period);
  }
  return frequencyOfPeriod(period) === indicator.frequency && reportingPeriodsFor(month).some((p) => periodsEqual(p, period));
}

/**
 * Every period the cycle of `month` collects from these indicators: the periods ending with the
 * month (for figures on time) and those ended `lagMonths` before it (for lagged ones), in order.
 */
export function periodsCollectedIn(month: MonthPeriod, indicators: readonly LaggedIndicator[]): Period[] {
  const periods = new Map(reportingPeriodsFor(month).map((p) => [periodKey(p), p]));
  for (const indicator of indicators) {
    if (indicator.lagMonths <= 0) continue;
    const due = periodDueIn(month, indicator.frequency, indicator.lagMonths);
    if (due) periods.set(periodKey(due), due);
  }
  return [...periods.values()].sort(comparePeriods);
}

/** Checks a lag read from a register: a whole number of months from 0 to 12. */
export function isValidLag(lagMonths: number): boolean {
  return Number.isInteger(lagMonths) && lagMonths >= 0 && lagMonths <= MAX_LAG_MONTHS;
}
