/**
 * Teams' published rate limits for bots (learn.microsoft.com, bots/how-to/rate-limit), in one place.
 */

/** Requests per second per app per tenant, across every conversation. */
export const TEAMS_GLOBAL_PER_SECOND = 50;

export interface WindowLimit {
  readonly requests: number;
  readonly perMs: number;
}

/** Per bot per conversation (thread): sending, creating a conversation. */
export const TEAMS_PER_CONVERSATION: readonly WindowLimit[] = [
  { requests: 7, perMs: 1_000 },
  { requests: 8, perMs: 2_000 },
  { requests: 60, perMs: 30_000 },
  { requests: 1_800, perMs: 3_600_000 },
];
