/**
 * Runs a committee renderer on a worker thread of its own (render-worker.ts) and resolves with its
 * file, or rejects with the renderer's own message, as calling it directly would. One thread per
 * file: a pack is made a few times a quarter, so a pool would only hold memory in between.
 *
 * The model may still be loading: the thread starts at once and loads the renderers (docx, exceljs,
 * resvg: most of a second) while the database is read, and renders when the model arrives. If the
 * model fails, the thread is stopped and the model's own error is the answer.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { QuarterReport } from '../../app/report/quarter-report-model';
import type { ReportFile } from '../report-file';
import type { RenderJob, RenderReply, WorkerRenderer } from './render-job';

export function renderInWorker(renderer: WorkerRenderer, model: QuarterReport | Promise<QuarterReport>): Promise<ReportFile> {
  const worker = startWorker();
  const answered = new Promise<ReportFile>((resolve, reject) => {
    worker.once('message', (reply: RenderReply) => {
      if ('file' in reply) resolve({ ...reply.file, bytes: new Uint8Array(reply.file.bytes) });
      else reject(new Error(reply.failed));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The ${renderer} renderer's thread stopped (exit code ${code}) before it answered.`)));
  });
  return Promise.resolve(model).then(
    (ready) => {
      worker.postMessage({ renderer, model: ready } satisfies RenderJob);
      return answered;
    },
    async (error: unknown) => {
      answered.catch(() => {}); // the thread's own "stopped" is not the news: the model's error is
      await worker.terminate();
      throw error;
    },
  );
}

/**
 * Run from source (tsx, Jest) this module is TypeScript and so is the worker's script, which a
 * worker thread cannot load by itself: it registers tsx first. Built, this module is inside a bundle
 * (dist/main.js, dist/cli/report.js) and the worker is its own bundle, found by going up from here.
 */
function startWorker(): Worker {
  if (path.extname(__filename) === '.ts') {
    const script = path.join(__dirname, 'render-worker.ts');
    return new Worker(`require('tsx/cjs'); require(${JSON.stringify(script)});`, { ...WORKER_OPTIONS, eval: true });
  }
  return new Worker(builtWorkerScript(), WORKER_OPTIONS);
}

/**
 * A renderer makes millions of short-lived objects (docx's element tree, exceljs's cells): with a
 * larger young generation fewer of them are promoted to be collected later. Measured at a large
 * council: the command's peak memory 1.08 GB instead of 1.22 GB, and no slower.
 */
const WORKER_OPTIONS = { resourceLimits: { maxYoungGenerationSizeMb: 64 } } as const;

const BUILT_WORKER = path.join('report', 'worker', 'render-worker.js');

function builtWorkerScript(): string {
  for (let dir = __dirname, depth = 0; depth < 4; dir = path.dirname(dir), depth += 1) {
    const candidate = path.join(dir, BUILT_WORKER);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`The report renderers' worker (${BUILT_WORKER}) is not next to ${__filename}: run npm run build.`);
}
