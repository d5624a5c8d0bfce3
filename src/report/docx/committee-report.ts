// PLACEHOLDER: replaced by the real renderer at merge
import type { QuarterReport } from '../../app/report/quarter-report-model';
import { quarterSlug, type ReportFile } from '../report-file';

export async function renderCommitteeReport(report: QuarterReport): Promise<ReportFile> {
  return {
    name: `performance-report-${quarterSlug(report.quarter)}-committee.docx`,
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    description: 'Committee report (Word)',
    bytes: new TextEncoder().encode(`placeholder committee.docx for ${report.quarter}`),
  };
}
