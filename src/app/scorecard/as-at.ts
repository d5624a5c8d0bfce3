/**
 * Which period of each frequency a month's scorecard shows.
 *
 * The scorecard is chosen by month, because the cycle runs monthly, but a council's register mixes
 * monthly, quarterly and annual indicators. As at a month, each indicator shows the latest period of
 * its own frequency that has ended by the end of that month: October 2026 shows monthly indicators
 * for October, quarterly ones for Q2 (Jul–Sep; Q3 is not over until December) and annual ones for
 * 2025/26. December shows Q3 itself, and March shows the year just ended.
 */
import {
  financialYearOf,
  monthPeriod,
  periodKey,
  previousPeriod,
  quarterOfMonth,
  yearPeriod,
  type MonthPeriod,
  type Period,
} from '../../domain/periods';
import type { Frequency } from '../../domain/types';
import { latestPeriodDueBy, type LaggedIndicator } from '../../domain/reporting-lag';

export function periodAsAt(month: MonthPeriod, frequency: Frequency): Period {
  switch (frequency) {
    case 'MONTHLY':
      return month;
    case 'QUARTERLY': {
      const quarter = quarterOfMonth(month);
      return endsWith(quarter, month) ? quarter : previousPeriod(quarter);
    }
    case 'ANNUAL': {
      const year = yearPeriod(financialYearOf(month));
      return endsWith(year, month) ? year : previousPeriod(year);
    }
  }
}

/**
 * The period an indicator is shown at as at a month: for a figure that arrives late by design, the
 * latest one collected by that month's cycle (October shows recycling's Q1, a quarter late), not a
 * period whose figure nobody can have yet.
 */
export function indicatorPeriodAsAt(month: MonthPeriod, indicator: LaggedIndicator): Period {
  return indicator.lagMonths > 0 ? latestPeriodDueBy(month, indicator.frequency, indicator.lagMonths) : periodAsAt(month, indicator.frequency);
}

/** The month whose scorecard first shows this period: its own last month. */
export function lastMonthOf(period: Period): MonthPeriod {
  switch (period.kind) {
    case 'MONTH':
      return period;
    case 'QUARTER': {
      const month = period.quarter * 3 + 3; // Q1 → 6 (June) … Q4 → 15 (March next year)
      return month > 12 ? monthPeriod(period.fyStart + 1, month - 12) : monthPeriod(period.fyStart, month);
    }
    case 'YEAR':
      return monthPeriod(period.fyStart + 1, 3);
  }
}

function endsWith(period: Period, month: MonthPeriod): boolean {
  return periodKey(lastMonthOf(period)) === periodKey(month);
}
