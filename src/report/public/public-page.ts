// PLACEHOLDER: replaced by the real renderer at merge
import type { QuarterReport } from '../../app/report/quarter-report-model';
import { quarterSlug, type ReportFile } from '../report-file';

export function renderPublicPage(report: QuarterReport): ReportFile {
  return {
    name: `performance-report-${quarterSlug(report.quarter)}-public.html`,
    mediaType: 'text/html; charset=utf-8',
    description: 'Public report (web page)',
    bytes: new TextEncoder().encode(`placeholder public.html for ${report.quarter}`),
  };
}
