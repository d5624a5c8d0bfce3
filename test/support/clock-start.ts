/**
 * The instant every end-to-end server's clock starts at (CLOCK_START), so no test depends on the
 * date it runs: Tuesday 17 November 2026, 10:00 UK time (GMT). With the default calendar October is
 * then open for entry (opened on the 4th, due the 13th, closing on the 20th: the demo leaves it
 * open) and September is the latest closed month, the one the Scorecard tab opens on.
 */
import { previousPeriod, periodKey, shiftPeriod, type MonthPeriod } from '../../src/domain/periods';
import { currentMonth } from '../../src/domain/periods-today';

export const CLOCK_START = '2026-11-17T10:00:00Z';

/** What a child process needs in its environment to run on that clock. */
export const CLOCK_START_ENV = { CLOCK_START } as const;

/** The demo's month open for entry: the month before CLOCK_START's ("2026-10"). */
export const OPEN_MONTH: MonthPeriod = previousPeriod(currentMonth(new Date(CLOCK_START)));

/** A month `n` months before the open month, as "2026-08". */
export const monthsBeforeOpen = (n: number): string => periodKey(shiftPeriod(OPEN_MONTH, -n));
