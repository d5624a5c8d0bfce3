/**
 * Narratives owed. The frameworks ask for a narrative with every red or amber figure (North
 * Kesteven: "setting out the remedial action and whether it is likely to be sufficient"), so a red
 * or amber value without one is as incomplete as a missing value: it is chased the same way. Before
 * the deadline it is "needed" (the owner's reminder lists it); after the deadline it is "owed"
 * (escalated to the verifier and director, listed in `cycle status`, marked in the digest).
 */
import type { Status } from './types';

/** The statuses whose figures need a narrative. */
export const STATUSES_NEEDING_NARRATIVE: readonly Status[] = ['RED', 'AMBER'];

export type NarrativeChase = 'none' | 'needed' | 'owed';

export interface NarrativeFacts {
  readonly status: Status;
  readonly hasValue: boolean;
  readonly hasNarrative: boolean;
  readonly deadlinePassed: boolean;
}

export function needsNarrative(status: Status): boolean {
  return STATUSES_NEEDING_NARRATIVE.includes(status);
}

export function narrativeChase(facts: NarrativeFacts): NarrativeChase {
  if (!facts.hasValue || facts.hasNarrative || !needsNarrative(facts.status)) return 'none';
  return facts.deadlinePassed ? 'owed' : 'needed';
}
