/**
 * The report renderers' worker thread (#15): loads the renderers at once, then renders one file of
 * a pack from the model it is sent (a RenderJob) and posts it back. An entry point of its own
 * (scripts/build.cjs builds it to dist/report/worker/render-worker.js), so a worker loads the
 * renderers and nothing else: never the server or a command-line tool.
 *
 * Why a thread: the committee edition's Word report and Excel appendix take seconds each at a large
 * council, all of it CPU. On the main thread they would stall every other turn of the bot while an
 * admin's `report` command ran; on two threads they also render side by side.
 */
import { isMainThread, parentPort } from 'node:worker_threads';
import { renderCommitteeReport } from '../docx/committee-report';
import { renderDataAppendix } from '../xlsx/data-appendix';
import type { RenderJob, RenderReply } from './render-job';

async function render(job: RenderJob) {
  switch (job.renderer) {
    case 'committeeReport':
      return renderCommitteeReport(job.model);
    case 'dataAppendix':
      return renderDataAppendix(job.model);
  }
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  port.once('message', (job: RenderJob) => {
    render(job).then(
      (file) => port.postMessage({ file } satisfies RenderReply),
      (error: unknown) => port.postMessage({ failed: error instanceof Error ? error.message : String(error) } satisfies RenderReply),
    ).finally(() => port.close());
  });
}
