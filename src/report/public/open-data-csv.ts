// PLACEHOLDER: replaced by the real renderer at merge
import type { QuarterReport } from '../../app/report/quarter-report-model';
import { quarterSlug, type ReportFile } from '../report-file';

export function renderOpenDataCsv(report: QuarterReport): ReportFile {
  return {
    name: `performance-report-${quarterSlug(report.quarter)}-open-data.csv`,
    mediaType: 'text/csv; charset=utf-8',
    description: 'Open data (CSV)',
    bytes: new TextEncoder().encode(`placeholder open-data.csv for ${report.quarter}`),
  };
}
