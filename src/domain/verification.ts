/**
 * Sign-off by the verifier (#16): where one value version stands, from what was decided of it.
 *
 * A verification belongs to one version: a correction is a new version with nothing decided, so it
 * awaits verification again. Of a version's decisions the latest counts: VERIFIED signs it off,
 * QUERIED sends it back to its owner, and the owner's CONFIRMED_BY_OWNER (the figure is right as it
 * is) puts it before the verifier again.
 */
import type { Status } from './types';

export const VERIFICATION_DECISIONS = ['VERIFIED', 'QUERIED', 'CONFIRMED_BY_OWNER'] as const;
export type VerificationDecision = (typeof VERIFICATION_DECISIONS)[number];

export type VerificationState = 'AWAITING' | 'VERIFIED' | 'QUERIED';

export interface VerificationEntry {
  readonly decision: VerificationDecision;
  readonly comment: string;
  readonly decidedById: string;
  readonly decidedAt: Date;
}

export const MAX_VERIFICATION_COMMENT = 1000;

/** The state of a version from its decisions, in the order they were made. */
export function verificationState(decisions: readonly VerificationEntry[]): VerificationState {
  const latest = decisions.at(-1);
  if (!latest || latest.decision === 'CONFIRMED_BY_OWNER') return 'AWAITING';
  return latest.decision;
}

/** The latest query of a version, if any: what the verifier asked, shown again once the owner answers. */
export function latestQuery<T extends VerificationEntry>(decisions: readonly T[]): T | null {
  return [...decisions].reverse().find((d) => d.decision === 'QUERIED') ?? null;
}

/** Why a query cannot be sent as typed, or null: the owner must be told what to check. */
export function queryCommentProblem(comment: string): string | null {
  const text = comment.trim();
  if (!text) return 'Say what to check in the comment: a query goes to the owner with it.';
  if (text.length > MAX_VERIFICATION_COMMENT) return `Shorten the comment to ${MAX_VERIFICATION_COMMENT.toLocaleString('en-GB')} characters or fewer.`;
  return null;
}

/** "Verified 17 of 19": figures signed off of those with a verifier and a value. */
export function verifiedText(states: readonly VerificationState[]): string {
  return `Verified ${states.filter((s) => s === 'VERIFIED').length} of ${states.length}`;
}

/**
 * How far a figure shown can be relied on, in words: "estimate", "not yet verified", "queried by its
 * verifier", joined with "; "; null when neither applies. `state` is null for a figure with no
 * named verifier. The report, the tab and the digest say the same thing in the same words.
 */
export function reliabilityText(estimated: boolean, state: VerificationState | null): string | null {
  const parts = [
    estimated ? 'estimate' : null,
    state === 'AWAITING' ? 'not yet verified' : state === 'QUERIED' ? 'queried by its verifier' : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join('; ') : null;
}

/**
 * The organisation's choice (UNVERIFIED_FIGURES): RATED reports a figure's colour as soon as it is
 * in; AWAITING_VERIFICATION reports a figure with a named verifier as awaiting verification until
 * that version is signed off, so an unchecked red never reaches the Board (North Kesteven's
 * "verified and signed off before it is reported").
 */
export const UNVERIFIED_FIGURE_POLICIES = ['RATED', 'AWAITING_VERIFICATION'] as const;
export type UnverifiedFigures = (typeof UNVERIFIED_FIGURE_POLICIES)[number];

/**
 * The status a figure is reported with. Only a coloured status is held back: a figure not rated
 * (data only), missing or due says the same either way. `state` is null for a figure with no named
 * verifier, which nobody can sign off, so it is always reported as rated.
 */
export function reportedStatus(status: Status, state: VerificationState | null, policy: UnverifiedFigures): Status {
  if (policy === 'RATED' || state === null || state === 'VERIFIED') return status;
  return status === 'RED' || status === 'AMBER' || status === 'GREEN' ? 'AWAITING_VERIFICATION' : status;
}
