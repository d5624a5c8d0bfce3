/**
 * Sample views of the "Quarterly report ready" card for the demo council (Fenmarsh District
 * Council), Q2 2026/27: for the card tests and for rendering to PNG (npm run cards:render).
 */
import type { ReportReadyView } from './report-ready-card';
import { reportsPageDeepLink } from '../app/scorecard/tab-deep-links';

export const SAMPLE_REPORT_READY_COMMITTEE: ReportReadyView = {
  quarterLabel: 'Q2 2026/27 (Jul–Sep 2026)',
  editionLabel: 'Committee',
  counts: { red: 7, amber: 11, green: 29, dataOnly: 4, missing: 3 },
  files: [
    { name: 'performance-report-2026-27-q2-committee.docx', description: 'Committee report (Word)', sizeBytes: 412_300 },
    { name: 'performance-report-2026-27-q2-data.xlsx', description: 'Data appendix (Excel)', sizeBytes: 58_900 },
  ],
  generatedText: 'Generated 20 Oct 2026 at 10:15 from the figures held then.',
  reportsUrl: reportsPageDeepLink('5b6f7a2e-8c1d-4e3f-9a0b-7c6d5e4f3a21'),
};

export const SAMPLE_REPORT_READY_PUBLIC: ReportReadyView = {
  ...SAMPLE_REPORT_READY_COMMITTEE,
  editionLabel: 'Public',
  files: [
    { name: 'performance-report-2026-27-q2-public.html', description: 'Public report (web page)', sizeBytes: 96_400 },
    { name: 'performance-report-2026-27-q2-open-data.csv', description: 'Open data (CSV)', sizeBytes: 21_700 },
  ],
};

/** Without a configured Teams app id there is no deep link: the card says where to go instead. */
export const SAMPLE_REPORT_READY_NO_LINK: ReportReadyView = { ...SAMPLE_REPORT_READY_COMMITTEE, reportsUrl: null };
