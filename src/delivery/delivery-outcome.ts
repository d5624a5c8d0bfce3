/**
 * What to do with a message after a failed send. Pure: the caller gives the attempt number (the
 * outbox counts every try, this one included), the time and a random source.
 *
 * - 403/404 BotDisabledByAdmin, MessageWritesBlocked, BotNotInConversationRoster: BLOCKED. The
 *   person blocked or removed the app, or an admin disabled the bot; trying again cannot help and
 *   each try is one more refusal counted against the app.
 * - 429: retry when Retry-After says (seconds or an HTTP date; 1 s if absent). Every try counts,
 *   but being throttled is Teams' state, not the message's fault, so a throttled message is given
 *   up only after THROTTLED_TRIES_FACTOR times the usual number of tries.
 * - 408, 412, 5xx, 401, no response at all (connection refused or reset, DNS, timeout) and
 *   unexpected errors: retry with exponential backoff and full jitter (a random delay between
 *   zero and base x 2^(attempt-1), capped), so a crowd of failed messages does not return as one
 *   wave. 401 is here rather than with the 4xx below: a rejected token is the bot's configuration,
 *   not the message, and may be put right while the message waits.
 * - Any other 4xx (400, 404, 413 too big...): DEAD at once; the same request will fail again.
 * - After maxAttempts tries: DEAD.
 */
import { failureSummary, type SendFailure } from './send-failure';

export const BLOCKING_CODES: readonly string[] = ['BotDisabledByAdmin', 'MessageWritesBlocked', 'BotNotInConversationRoster'];
export const THROTTLED_TRIES_FACTOR = 3;

export interface RetryPolicy {
  readonly maxAttempts: number;
  /** The first backoff is up to this long; each later one up to twice the one before. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly defaultRetryAfterMs: number;
  /** A Retry-After beyond this is treated as this (protects against a nonsense header). */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: Omit<RetryPolicy, 'maxAttempts'> = {
  baseDelayMs: 5_000,
  maxDelayMs: 5 * 60_000,
  defaultRetryAfterMs: 1_000,
  maxRetryAfterMs: 60 * 60_000,
};

export type DeliveryOutcome =
  | { readonly kind: 'retry'; readonly delayMs: number; readonly throttled: boolean; readonly reason: string }
  | { readonly kind: 'blocked'; readonly reason: string }
  | { readonly kind: 'dead'; readonly reason: string };

export function decideOutcome(failure: SendFailure, attempt: number, policy: RetryPolicy, now: Date, random: () => number): DeliveryOutcome {
  const summary = failureSummary(failure);
  const { status, code } = failure;
  if (code !== null && BLOCKING_CODES.includes(code)) return { kind: 'blocked', reason: summary };
  if (status === 429) {
    const tries = policy.maxAttempts * THROTTLED_TRIES_FACTOR;
    if (attempt >= tries) return { kind: 'dead', reason: `throttled on each of ${attempt} tries; last: ${summary}` };
    return { kind: 'retry', delayMs: retryAfterMs(failure.retryAfter, now, policy), throttled: true, reason: summary };
  }
  if (isTransient(status)) {
    if (attempt >= policy.maxAttempts) return { kind: 'dead', reason: `gave up after ${attempt} tries; last: ${summary}` };
    return { kind: 'retry', delayMs: backoffDelay(attempt, policy, random), throttled: false, reason: summary };
  }
  return { kind: 'dead', reason: summary };
}

function isTransient(status: number | null): boolean {
  return status === null || status === 401 || status === 408 || status === 412 || status >= 500;
}

/** Full jitter: uniformly between 0 and min(max, base x 2^(attempt-1)). */
export function backoffDelay(attempt: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/** Retry-After in ms: delta-seconds ("2", "1.5") or an HTTP date; the default when absent or unreadable. */
export function retryAfterMs(header: string | null, now: Date, policy: Pick<RetryPolicy, 'defaultRetryAfterMs' | 'maxRetryAfterMs'>): number {
  const value = header?.trim() ?? '';
  let ms: number | null = null;
  if (/^\d+(\.\d+)?$/.test(value)) ms = Math.ceil(Number(value) * 1000);
  else if (value !== '' && !Number.isNaN(Date.parse(value))) ms = Math.max(0, Date.parse(value) - now.getTime());
  return Math.min(ms ?? policy.defaultRetryAfterMs, policy.maxRetryAfterMs);
}
