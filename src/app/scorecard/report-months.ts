/**
 * The months a person can pick on the scorecard, and the one it opens on.
 *
 * It opens on the latest month whose reporting window has closed, because those figures are final
 * and are what the Performance Board discusses; the month still open for entry is offered too, for
 * anyone who wants to watch it fill up.
 */
import type { ReportingPeriodRecord } from '../../db/repositories/period-repository';
import { parsePeriod, periodKey, previousPeriod, type MonthPeriod } from '../../domain/periods';
import { currentMonth } from '../../domain/periods-today';

export interface ReportMonths {
  /** Newest first. */
  readonly months: readonly MonthPeriod[];
  readonly defaultMonth: MonthPeriod;
}

/** At most this many months are offered: two years and a bit, as far back as the trend chart goes. */
const MAX_MONTHS = 36;

export function reportMonths(windows: readonly ReportingPeriodRecord[], now: Date): ReportMonths {
  const opened = windows
    .filter((w) => w.openedAt !== null && w.openedAt.getTime() <= now.getTime())
    .flatMap((w) => {
      const parsed = parsePeriod(w.period);
      return parsed.ok && parsed.value.kind === 'MONTH' ? [{ month: parsed.value, window: w }] : [];
    })
    .sort((a, b) => (periodKey(a.month) < periodKey(b.month) ? 1 : -1));
  const closed = opened.find(({ window }) => window.closedAt !== null && window.closedAt.getTime() <= now.getTime());
  // No windows yet (a register just imported, before the first cycle): last month is the best guess.
  const fallback = previousPeriod(currentMonth(now));
  const months = opened.length > 0 ? opened.map(({ month }) => month).slice(0, MAX_MONTHS) : [fallback];
  return { months, defaultMonth: closed?.month ?? months[0] ?? fallback };
}
