/**
 * The real model builder and renderers, as the pack service takes them (one place to swap them in
 * tests). The committee edition's two files render on worker threads, side by side and off the
 * thread that serves the bot; the public edition's two take milliseconds and render here.
 */
import type { ReportRenderers } from './report-pack-service';
import { loadQuarterReport } from './load-quarter-report';
import { publicEdition } from './public-edition';
import { renderInWorker } from '../../report/worker/render-in-worker';
import { renderPublicPage } from '../../report/public/public-page';
import { renderOpenDataCsv } from '../../report/public/open-data-csv';

export const reportRenderers: ReportRenderers = {
  loadQuarterReport,
  publicEdition,
  renderCommitteeReport: (model) => renderInWorker('committeeReport', model),
  renderDataAppendix: (model) => renderInWorker('dataAppendix', model),
  renderPublicPage,
  renderOpenDataCsv,
};
