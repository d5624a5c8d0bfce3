/**
 * Starting dispatch-worker.ts child processes and the outbox they work on, for the delivery
 * end-to-end tests and the fan-out benchmark.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../test-paths';
import { killTree, spawnTree } from '../process-tree';
import { openTestDatabase } from '../test-database';
import { Store } from '../../../src/db/store';
import { openDatabase } from '../../../src/db/open-database';
import { openMigratedDatabase } from '../../../src/db/open-migrated-database';
import type { NewOutboxMessage } from '../../../src/db/repositories/outbox-repository';

const WORKER = 'test/support/delivery/dispatch-worker.ts';

export interface WorkerPlan {
  readonly instanceId: string;
  readonly leaseMs?: number;
  /** Say `{"ready":true}` once booted, and dispatch only after go(). */
  readonly waitForGo?: boolean;
  /** Stop dead (event loop blocked) between sends once n have started, saying `{"frozen":true,"at":…,"sent":…}`. */
  readonly freezeAfterSent?: number;
}

export interface RunningWorker {
  readonly process: ChildProcess;
  /** Everything it has written so far, stdout and stderr. */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  /** Resolves when a worker started with waitForGo has booted and waits. */
  readonly ready: Promise<void>;
  go(): void;
  /** SIGKILL to its whole process tree. */
  kill(): void;
}

/** Starts a worker; `onLine` sees each line it writes (its pino log lines are JSON). */
export function startWorker(env: NodeJS.ProcessEnv, plan: WorkerPlan, onLine: (line: string) => void = () => {}): RunningWorker {
  // tsx as a loader in this one process, not its CLI: the CLI runs the script in a grandchild,
  // which a SIGKILL to the CLI would leave running.
  const child = spawnTree(process.execPath, ['--import', 'tsx', WORKER], {
    cwd: ROOT,
    env: { ...process.env, ...env, DISPATCH_PLAN: JSON.stringify(plan) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  let partial = '';
  let onReady = () => {};
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (line.includes('"ready":true')) onReady();
      onLine(line);
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stdin!.on('error', () => {}); // a worker that has exited no longer reads it
  if (!plan.waitForGo) child.stdin!.end();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => {
    killTree(child);
    resolve(code);
  }));
  return { process: child, output: () => output, exited, ready, go: () => child.stdin!.end('go\n'), kill: () => killTree(child) };
}

export interface WorkerReport {
  readonly counts: Record<string, number>;
  readonly rows: readonly { text: string; status: string; attempts: number; claimedBy: string | null; activityId: string | null }[];
}

/** Waits for the worker to finish and returns the outbox as it left it (its last line). */
export async function finished(worker: RunningWorker): Promise<WorkerReport> {
  const code = await worker.exited;
  const last = worker.output().trim().split('\n').filter((line) => line.includes('"done":true')).at(-1);
  if (code !== 0 || !last) throw new Error(`the worker did not finish (exit ${code}):\n${worker.output().slice(-3000)}`);
  return JSON.parse(last) as WorkerReport;
}

/**
 * A database for workers with `count` prompts pending: an embedded one in a new directory (from the
 * migrated template when given, else migrated here), or a new PostgreSQL database (tests only).
 */
export async function preparedDatabase(
  backend: 'embedded' | 'postgres',
  count: number,
  serviceUrl: string,
  pgliteTemplate?: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  if (backend === 'postgres') {
    const db = await openTestDatabase('postgres');
    await seedOutbox(db.store, count, serviceUrl);
    await db.database.close();
    return { url: db.url!, drop: db.close };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'perfbot-delivery-'));
  const url = `pglite:${path.join(dir, 'pgdata')}`;
  const database = pgliteTemplate
    ? await openDatabase(url, { purpose: 'seeding the outbox', loadDataDir: new Blob([readFileSync(pgliteTemplate)]) })
    : await openMigratedDatabase(url, 'seeding the outbox');
  await seedOutbox(new Store(database.prisma), count, serviceUrl);
  await database.close();
  return { url, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** `count` prompts, each to its own 1:1 chat, each text naming its message so arrivals can be counted. */
export function prompts(count: number, serviceUrl: string): NewOutboxMessage[] {
  return Array.from({ length: count }, (_, i) => ({
    dedupeKey: `prompt|owner-${i}|2026-10`, purpose: 'prompt', period: '2026-10', recipient: `owner-${i}`,
    serviceUrl, tenantId: 'tenant', conversationId: `a:chat-owner-${i}`, teamsUserId: `29:owner-${i}`, channelId: null,
    activity: { type: 'message', text: messageText(i) },
  }));
}

export const messageText = (i: number) => `October figures are due (message ${i})`;

/** Queued at `now`: the workers dispatch at the system clock's time, so anything up to it is due. */
export async function seedOutbox(store: Store, count: number, serviceUrl: string, now = new Date()): Promise<void> {
  const messages = prompts(count, serviceUrl);
  for (let i = 0; i < messages.length; i += 500) await store.repos.outbox.enqueue(messages.slice(i, i + 500), now);
}

/** How often each message arrived at the connector, by the text that names it. */
export function arrivals(calls: readonly { kind: string; activity?: Record<string, unknown> }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const call of calls) {
    if (call.kind === 'member' || call.kind === 'update' || typeof call.activity?.text !== 'string') continue;
    counts.set(call.activity.text, (counts.get(call.activity.text) ?? 0) + 1);
  }
  return counts;
}
