/**
 * The turn's correlation id, carried through everything the turn does (use cases, repositories,
 * botbuilder's callbacks) without passing it by hand: every log line written while a turn runs
 * carries it (logger.ts), so one grep finds all a request did.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const current = new AsyncLocalStorage<string>();

export function withCorrelationId<T>(id: string, work: () => T): T {
  return current.run(id, work);
}

/** The id of the turn running now; undefined outside a turn (the dispatcher, the scheduler). */
export function correlationId(): string | undefined {
  return current.getStore();
}
