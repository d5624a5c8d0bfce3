/**
 * Paces every request this process makes to the Bot Connector so that no one-second window,
 * wherever it is slid, holds more than `perSecond` of them (Teams allows 50 per second per app per
 * tenant).
 *
 * Requests are spaced evenly, 1000 / perSecond ms apart, rather than sent a second's worth at a
 * time: bursts would meet Teams' window edge to edge, and a few milliseconds of network jitter
 * would then put two bursts into one of its windows. A log of the latest start times enforces the
 * window exactly on top of the spacing (it matters after a pause, when the spacing alone would
 * allow a catch-up burst). Times are plain milliseconds from an injected clock; nothing here waits.
 */
export const THROTTLE_BREATHER_MS = 250;

export class GlobalPacer {
  private readonly spacingMs: number;
  private readonly perWindow: number;
  /** Start times booked, oldest first; only the latest `perWindow` matter. */
  private readonly booked: number[] = [];
  private pausedUntil = Number.NEGATIVE_INFINITY;

  constructor(readonly perSecond: number) {
    if (!(perSecond > 0)) throw new RangeError('perSecond must be positive');
    this.spacingMs = 1000 / perSecond;
    this.perWindow = Math.max(1, Math.floor(perSecond));
  }

  /** The earliest moment (at or after `now`) that `cost` requests may start, one after another. */
  earliest(now: number, cost = 1): number {
    return this.plan(now, cost)[0]!;
  }

  /** Books `cost` requests from `at` (which must not be before `earliest`); returns their start times. */
  book(at: number, cost = 1): number[] {
    const times = this.plan(at, cost);
    for (const time of times) this.booked.push(time);
    if (this.booked.length > this.perWindow) this.booked.splice(0, this.booked.length - this.perWindow);
    return times;
  }

  /**
   * Books `cost` requests that were due at `planned` and really started at `started` (a timer fires
   * late when the event loop is busy). A little late, they keep their planned slot, so lateness does
   * not add up into a slower rate; more than half a spacing late, they take the time they started,
   * so the next request cannot follow on their heels and bunch up on the way to Teams.
   */
  bookStarted(planned: number, started: number, cost = 1): number[] {
    return this.book(started - planned <= this.spacingMs / 2 ? planned : started, cost);
  }

  /**
   * Teams answered 429. It does not say which of its limits was hit, so every request takes a
   * breather: the Retry-After, up to a quarter of a second, enough for a one-second window to
   * drain a little. The throttled message itself waits its whole Retry-After (the dispatcher sees to
   * that). If 429s keep coming, each adds its breather: the process slows for as long as Teams
   * pushes back, without stalling a whole fan-out for a second on a single one.
   */
  throttled(now: number, retryAfterMs: number): void {
    this.pauseUntil(now + Math.min(retryAfterMs, THROTTLE_BREATHER_MS));
  }

  /** Nothing starts before `until`. */
  pauseUntil(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  private plan(from: number, cost: number): number[] {
    const log = [...this.booked];
    const times: number[] = [];
    let at = Math.max(from, this.pausedUntil);
    for (let i = 0; i < Math.max(1, cost); i++) {
      const last = log.at(-1);
      if (last !== undefined) at = Math.max(at, last + this.spacingMs);
      // The request perWindow places back must have left the one-second window [at - 1000, at]
      // (closed at both ends: we do not know which end Teams counts, so count both).
      const windowStart = log.length >= this.perWindow ? log[log.length - this.perWindow]! : undefined;
      if (windowStart !== undefined) at = Math.max(at, windowStart + 1000 + 1);
      times.push(at);
      log.push(at);
    }
    return times;
  }
}
