/**
 * Reads a register file on a worker thread, so that a big workbook (about 1.5 s of parsing for
 * 60,000 rows) is read while the main thread opens and migrates the database (seconds, for a new
 * embedded one) instead of after it. The result is the same RegisterFile readRegisterFile gives,
 * and an unreadable file is the same UnreadableFileError, with the same message.
 */
import path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { readRegisterFile, UnreadableFileError } from '../import/read-register-file';
import type { RegisterFile } from '../import/register-file';

type Reply = { readonly file: RegisterFile } | { readonly unreadable: string } | { readonly failed: string };

export interface BackgroundRead {
  /** The file as read, or its UnreadableFileError. */
  readonly result: Promise<RegisterFile>;
  /** Whether the result is in already, so that nobody need be told it is being read. */
  readonly done: boolean;
}

export function readRegisterFileInBackground(filePath: string): BackgroundRead {
  const worker = startWorker(filePath);
  // The command may finish without waiting for it (a usage error): it must not keep the process alive.
  worker.unref();
  let done = false;
  const result = new Promise<RegisterFile>((resolve, reject) => {
    worker.once('message', (reply: Reply) => {
      if ('file' in reply) resolve(reply.file);
      else if ('unreadable' in reply) reject(new UnreadableFileError(reply.unreadable));
      else reject(new Error(`Reading ${filePath} failed: ${reply.failed}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`Reading ${filePath} stopped (exit code ${code})`)));
  }).finally(() => {
    done = true;
  });
  // Nobody may be waiting if the command stops early; a failure is reported to whoever awaits it.
  result.catch(() => {});
  return {
    result,
    get done() {
      return done;
    },
  };
}

/**
 * This same module is the worker's script. Run through tsx (npm run import) it is TypeScript, which
 * a worker thread cannot load by itself, so the worker registers tsx first; built, it is plain JS.
 */
function startWorker(filePath: string): Worker {
  const options = { workerData: { filePath } };
  if (path.extname(__filename) !== '.ts') return new Worker(__filename, options);
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(__filename)});`, { ...options, eval: true });
}

if (!isMainThread && parentPort && (workerData as { filePath?: unknown } | null)?.filePath) {
  const port = parentPort;
  readRegisterFile((workerData as { filePath: string }).filePath).then(
    (file) => port.postMessage({ file } satisfies Reply),
    (error: unknown) =>
      port.postMessage(
        (error instanceof UnreadableFileError ? { unreadable: error.message } : { failed: error instanceof Error ? error.message : String(error) }) satisfies Reply,
      ),
  );
}
