/**
 * The arithmetic of a long step's progress: how many messages it will have, how far their delivery
 * has got, how fast recording and sending go (measured, not configured), and so how long is left.
 * Pure: the job runner samples the counts and passes them in.
 */

/** Where the step's messages stand in the outbox (its purpose and periods). */
export interface DeliveryCounts {
  readonly sent: number;
  /** Blocked or dead: Teams will not take them. */
  readonly failed: number;
  /** Pending or being sent (including retries). */
  readonly waiting: number;
}

/** How far the step has got recording its messages: recipients dealt with, of how many. */
export interface RecordingCounts {
  readonly recorded: number;
  readonly toRecord: number;
  /** True once the step has recorded everything it will. */
  readonly finished: boolean;
}

/** One reading of a count at a moment (milliseconds). */
export interface Sample {
  readonly atMs: number;
  readonly count: number;
}

/** Rates are measured over this much of the recent past, so a slow start does not weigh for ever. */
export const RATE_WINDOW_MS = 15_000;
/** Shorter than this between the first and last sample and no rate is claimed. */
const MIN_SPAN_MS = 1_000;

export function totalOf(counts: DeliveryCounts): number {
  return counts.sent + counts.failed + counts.waiting;
}

/**
 * How many messages the step will have in all. The outbox may already hold messages of an earlier
 * run of the same step (they count: the step records nothing twice); while recording, each
 * recipient not yet dealt with may still add one. Once recording has finished, the outbox says.
 */
export function expectedMessages(recording: RecordingCounts | null, counts: DeliveryCounts): number {
  const inOutbox = totalOf(counts);
  if (!recording || recording.finished) return inOutbox;
  return Math.max(inOutbox, recording.toRecord);
}

/** Settled (sent or failed) of the expected. */
export function settledOf(counts: DeliveryCounts): number {
  return counts.sent + counts.failed;
}

/**
 * Per second, from the samples within `windowMs` of the newest: the count's rise over the time
 * between the oldest such sample and the newest. Null until there is a second or more to judge by,
 * or when nothing moved (a stalled rate tells no time).
 */
export function measuredRate(samples: readonly Sample[], windowMs = RATE_WINDOW_MS): number | null {
  const newest = samples.at(-1);
  if (!newest) return null;
  const oldest = samples.find((s) => newest.atMs - s.atMs <= windowMs)!;
  const span = newest.atMs - oldest.atMs;
  const rise = newest.count - oldest.count;
  if (span < MIN_SPAN_MS || rise <= 0) return null;
  return (rise * 1000) / span;
}

/** Adds a sample, keeping only what the rate window needs (and one before it). */
export function withSample(samples: readonly Sample[], sample: Sample, windowMs = RATE_WINDOW_MS): Sample[] {
  const kept = [...samples, sample];
  while (kept.length > 2 && sample.atMs - kept[1]!.atMs > windowMs) kept.shift();
  return kept;
}

/**
 * Seconds left: the slower of what is still to record at the recording rate and what is still to
 * settle at the sending rate (sending cannot finish before recording has). 0 when nothing is left;
 * null when something is left but a rate it depends on is not known yet.
 */
export function secondsLeft(
  left: { readonly toRecord: number; readonly toSettle: number },
  rates: { readonly recording: number | null; readonly sending: number | null },
): number | null {
  if (left.toRecord <= 0 && left.toSettle <= 0) return 0;
  const recording = left.toRecord <= 0 ? 0 : rates.recording ? left.toRecord / rates.recording : null;
  const sending = left.toSettle <= 0 ? 0 : rates.sending ? left.toSettle / rates.sending : null;
  if (recording === null || sending === null) return null;
  return Math.ceil(Math.max(recording, sending));
}

/** The shares of a progress bar, in whole percent summing to 100; any part above nothing shows as at least 1. */
export interface BarShares {
  readonly sent: number;
  readonly failed: number;
  readonly rest: number;
}

export function barShares(counts: DeliveryCounts, expected: number): BarShares {
  const total = Math.max(expected, settledOf(counts));
  if (total <= 0) return { sent: 0, failed: 0, rest: 100 };
  const share = (n: number) => (n <= 0 ? 0 : Math.max(1, Math.floor((n * 100) / total)));
  let sent = share(counts.sent);
  const failed = share(counts.failed);
  // Done only when everything is settled: never round up to a full bar before then.
  if (settledOf(counts) >= total) sent = 100 - failed;
  else if (sent + failed >= 100) sent = Math.max(0, 99 - failed);
  return { sent, failed, rest: 100 - sent - failed };
}

/** The whole percent settled, as people read it: 100 only when everything is. */
export function percentSettled(counts: DeliveryCounts, expected: number): number {
  const shares = barShares(counts, expected);
  return shares.sent + shares.failed;
}
