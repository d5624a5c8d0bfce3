/** What the main thread sends a render worker, and what it answers (render-worker.ts). */
import type { QuarterReport } from '../../app/report/quarter-report-model';
import type { ReportFile } from '../report-file';

/** The renderers that run on a worker: the committee edition's two, which take seconds at a large council. */
export type WorkerRenderer = 'committeeReport' | 'dataAppendix';

export interface RenderJob {
  readonly renderer: WorkerRenderer;
  readonly model: QuarterReport;
}

export type RenderReply = { readonly file: ReportFile } | { readonly failed: string };
