// PLACEHOLDER: replaced by the real renderer at merge
import type { QuarterReport } from '../../app/report/quarter-report-model';
import { quarterSlug, type ReportFile } from '../report-file';

export async function renderDataAppendix(report: QuarterReport): Promise<ReportFile> {
  return {
    name: `performance-report-${quarterSlug(report.quarter)}-data.xlsx`,
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    description: 'Data appendix (Excel)',
    bytes: new TextEncoder().encode(`placeholder data.xlsx for ${report.quarter}`),
  };
}
