// PLACEHOLDER: replaced by the real renderer at merge
import type { Store } from '../../db/store';
import { periodKey, periodLabel, type QuarterPeriod } from '../../domain/periods';
import type { Tolerance } from '../../domain/types';
import type { QuarterReport } from './quarter-report-model';
import { sampleQuarterReport } from './report-samples';

export async function loadQuarterReport(store: Store, quarter: QuarterPeriod, options: { now: Date; defaultTolerance: Tolerance }): Promise<QuarterReport> {
  void store;
  void options.defaultTolerance;
  return { ...sampleQuarterReport(12), quarter: periodKey(quarter), quarterLabel: periodLabel(quarter), generatedAt: options.now.toISOString() };
}
