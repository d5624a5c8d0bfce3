/**
 * Teams' per-conversation limits (per bot per thread: 7 a second, 8 in two seconds, 60 in thirty,
 * 1800 an hour) as sliding windows, one set per conversation. A digest that posts many threads
 * into one channel, or several messages to one person, is held to them however fast the global
 * pacer would allow. Times are plain milliseconds from an injected clock; nothing here waits.
 */
import { TEAMS_PER_CONVERSATION, type WindowLimit } from './teams-limits';

export class ConversationWindows {
  private readonly starts = new Map<string, number[]>();
  private readonly keep: number;
  private readonly longestMs: number;

  constructor(private readonly limits: readonly WindowLimit[] = TEAMS_PER_CONVERSATION) {
    this.keep = Math.max(...limits.map((l) => l.requests));
    this.longestMs = Math.max(...limits.map((l) => l.perMs));
  }

  /** The earliest moment (at or after `now`) that `cost` requests may start in this conversation. */
  earliest(conversation: string, now: number, cost = 1): number {
    return this.plan(conversation, now, cost)[0]!;
  }

  /** Books `cost` requests in the conversation from `at` (not before `earliest`). */
  book(conversation: string, at: number, cost = 1): void {
    const times = this.plan(conversation, at, cost);
    const log = this.starts.get(conversation) ?? [];
    log.push(...times);
    if (log.length > this.keep) log.splice(0, log.length - this.keep);
    this.starts.set(conversation, log);
  }

  /** Drops conversations with nothing in their longest window, so memory stays bounded. */
  forgetIdle(now: number): void {
    for (const [conversation, log] of this.starts) {
      if (log.length === 0 || log.at(-1)! <= now - this.longestMs) this.starts.delete(conversation);
    }
  }

  get size(): number {
    return this.starts.size;
  }

  private plan(conversation: string, from: number, cost: number): number[] {
    const log = [...(this.starts.get(conversation) ?? [])];
    const times: number[] = [];
    let at = from;
    for (let i = 0; i < Math.max(1, cost); i++) {
      const last = log.at(-1);
      if (last !== undefined) at = Math.max(at, last);
      for (const limit of this.limits) {
        // The request `requests` places back must have left the window [at - perMs, at] (closed at
        // both ends: we do not know which end Teams counts, so count both).
        if (log.length >= limit.requests) at = Math.max(at, log[log.length - limit.requests]! + limit.perMs + 1);
      }
      times.push(at);
      log.push(at);
    }
    return times;
  }
}
