/**
 * What SIGTERM does, in order, within a bounded time (a platform kills a process that takes longer
 * than about ten seconds to stop):
 *
 * 1. Everything stops taking new work at once: the server closes its listener (a request arriving
 *    on a connection already open is answered 503), the scheduler fires no more steps, the job
 *    runner claims no more jobs and hands running ones back (released, so the next start takes them
 *    up at once), and the dispatcher claims no more messages and releases those it holds but has not
 *    sent.
 * 2. What is under way finishes, bounded by the grace: the turns being answered, and the sends
 *    already out to Teams, each recorded as sent (a message is never lost: it stays pending or is
 *    sent, and only a send still out when time runs out is "in doubt", as after a crash).
 * 3. Telemetry (Azure Monitor, when on) sends what it holds, its metrics read from a database still open.
 * 4. The database is closed last, once nothing uses it.
 */
import type { Logger } from './logging/logger';
import type { ServerClosed } from './server/http-server';

export interface Stoppable {
  stop(): Promise<void>;
}

export interface RunningParts {
  readonly server: { close(graceMs: number): Promise<ServerClosed> };
  readonly scheduler: Stoppable;
  readonly jobRunner: Stoppable;
  readonly dispatcher: Stoppable;
  readonly database: { close(): Promise<void> };
  /** Sends its last figures; bounded, as the network it sends over may be gone. */
  readonly telemetry?: { shutdown(): Promise<void> } | null;
}

/** How long telemetry may take to send its last figures. */
export const TELEMETRY_FLUSH_MS = 1_000;

export async function stopGracefully(parts: RunningParts, graceMs: number, log: Logger): Promise<void> {
  const startedAt = Date.now();
  const [closed, ...workers] = await Promise.all([
    parts.server.close(graceMs),
    ...(['scheduler', 'jobRunner', 'dispatcher'] as const).map((name) => settleWithin(parts[name].stop(), graceMs).then((done) => ({ name, done }))),
  ]);
  if (!closed.drained) log.warn({ abandoned: closed.abandoned, graceMs }, 'requests still under way when the grace ran out were cut off');
  for (const { name, done } of workers) {
    if (!done) log.warn({ part: name, graceMs }, 'still stopping when the grace ran out; closing the database under it');
  }
  if (parts.telemetry && !(await settleWithin(parts.telemetry.shutdown(), TELEMETRY_FLUSH_MS))) {
    log.warn({ ms: TELEMETRY_FLUSH_MS }, 'telemetry had not sent its last figures in time; stopping without them');
  }
  await parts.database.close();
  log.info({ ms: Date.now() - startedAt }, 'stopped');
}

/** True when `work` settled within `ms`; false when the wait gave up (the work runs on, unwatched). */
async function settleWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([work.then(() => true, () => true), gaveUp]);
  } finally {
    clearTimeout(timer);
  }
}
