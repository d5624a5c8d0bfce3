/**
 * The data-quality measures of one reporting period (#16; the rules are in
 * src/domain/data-quality.ts): each active indicator of the period's frequency, its figure's
 * history read in one statement, judged against the deadline and close of the window that
 * collects it (a lagged figure's is its collecting month's).
 */
import type { Store } from '../../db/store';
import { dataQuality, type DataQuality } from '../../domain/data-quality';
import type { ReportingPeriodRecord } from '../../db/repositories/period-repository';
import { frequencyOfPeriod, periodKey, type Period } from '../../domain/periods';
import { deadlinePeriodOf } from '../../domain/reporting-lag';

export interface DataQualityReport {
  readonly period: Period;
  /** The period's own reporting window (deadline, close), if it had one. */
  readonly window: ReportingPeriodRecord | null;
  readonly quality: DataQuality;
}

export async function loadDataQuality(store: Store, period: Period): Promise<DataQualityReport> {
  const rows = await store.repos.dataQuality.figuresFor(periodKey(period), frequencyOfPeriod(period));
  const windowKeyOf = (lagMonths: number) => periodKey(deadlinePeriodOf(period, lagMonths));
  const windows = await store.repos.periods.findAll([periodKey(period), ...new Set(rows.map((r) => windowKeyOf(r.lagMonths)))]);
  const quality = dataQuality(rows.map((row) => {
    const window = windows.get(windowKeyOf(row.lagMonths));
    return {
      indicatorId: row.indicatorId, directorate: row.directorate, owner: row.owner, firstEnteredAt: row.firstEnteredAt,
      correctedAt: row.correctedAt, currentEstimated: row.currentEstimated, queries: row.queries,
      deadline: window?.deadline ?? null, closedAt: window?.closedAt ?? null,
    };
  }));
  return { period, window: windows.get(periodKey(period)) ?? null, quality };
}
