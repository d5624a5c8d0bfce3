/** The real model builder and renderers, as the pack service takes them (one place to swap them in tests). */
import type { ReportRenderers } from './report-pack-service';
import { loadQuarterReport } from './load-quarter-report';
import { publicEdition } from './public-edition';
import { renderCommitteeReport } from '../../report/docx/committee-report';
import { renderDataAppendix } from '../../report/xlsx/data-appendix';
import { renderPublicPage } from '../../report/public/public-page';
import { renderOpenDataCsv } from '../../report/public/open-data-csv';

export const reportRenderers: ReportRenderers = {
  loadQuarterReport, publicEdition, renderCommitteeReport, renderDataAppendix, renderPublicPage, renderOpenDataCsv,
};
