// PLACEHOLDER: replaced by the real renderer at merge
import type { QuarterReport } from './quarter-report-model';

export function publicEdition(report: QuarterReport): QuarterReport {
  return { ...report, edition: 'public' };
}
