/**
 * The demo register's scorecard worked out in the test process, independently of the tab's own
 * use case: the demo loaded into a fresh database of our own, each indicator rated with the
 * register's read model at the latest period of its frequency ended by the end of the month or, for a
 * figure reported late by design (recycling, a quarter late), the latest period collected by then.
 */
import { loadDemoData } from '../../../src/demo/load-demo-data';
import { registerStatus } from '../../../src/app/register-status';
import { endDate, parsePeriod, periodContaining, previousPeriod, type MonthPeriod, type Period } from '../../../src/domain/periods';
import type { Frequency, Status, Tolerance } from '../../../src/domain/types';
import { latestPeriodDueBy } from '../../../src/domain/reporting-lag';
import type { IndicatorStatus } from '../../../src/app/register-status';
import { openTestDatabase } from '../test-database';

export interface ExpectedScorecard {
  /** lens → status → how many. */
  readonly counts: ReadonlyMap<string, ReadonlyMap<Status, number>>;
  /** code → status. */
  readonly statuses: ReadonlyMap<string, Status>;
  /** code → lens and directorate. */
  readonly indicators: ReadonlyMap<string, { lens: string; directorate: string }>;
}

const DEFAULT_TOLERANCE: Tolerance = { kind: 'PERCENT_OF_TARGET', percent: 10 };

export async function expectedScorecard(today: Date, monthKey: string): Promise<ExpectedScorecard> {
  const parsed = parsePeriod(monthKey);
  if (!parsed.ok || parsed.value.kind !== 'MONTH') throw new Error(`not a month: ${monthKey}`);
  const month = parsed.value;
  const db = await openTestDatabase('embedded');
  try {
    await loadDemoData(db.store, today);
    const counts = new Map<string, Map<Status, number>>();
    const statuses = new Map<string, Status>();
    const indicators = new Map<string, { lens: string; directorate: string }>();
    const count = (s: IndicatorStatus) => {
      const lens = counts.get(s.indicator.lens) ?? new Map<Status, number>();
      lens.set(s.status, (lens.get(s.status) ?? 0) + 1);
      counts.set(s.indicator.lens, lens);
      statuses.set(s.indicator.code, s.status);
      indicators.set(s.indicator.code, { lens: s.indicator.lens, directorate: s.indicator.directorateName });
    };
    for (const frequency of ['MONTHLY', 'QUARTERLY', 'ANNUAL'] as const) {
      for (const s of await registerStatus(db.store, { period: latestEnded(month, frequency), now: today, defaultTolerance: DEFAULT_TOLERANCE })) {
        if (s.indicator.lagMonths === 0) count(s);
      }
    }
    for (const indicator of (await db.store.repos.indicators.active()).filter((i) => i.lagMonths > 0)) {
      const period = latestPeriodDueBy(month, indicator.frequency, indicator.lagMonths);
      for (const s of await registerStatus(db.store, { period, now: today, defaultTolerance: DEFAULT_TOLERANCE, indicatorIds: [indicator.id] })) count(s);
    }
    return { counts, statuses, indicators };
  } finally {
    await db.close();
  }
}

/** The period of this frequency that ended last, on or before the month's last day. */
function latestEnded(month: MonthPeriod, frequency: Frequency): Period {
  let period = periodContaining(month, frequency);
  while (endDate(period) > endDate(month)) period = previousPeriod(period);
  return period;
}
