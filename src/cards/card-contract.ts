/**
 * The contract between the cards and the bot: the verbs of Action.Execute (the bot's route table
 * of invokes) and the ids of the inputs a card sends back. Cards build these ids; the bot's
 * handlers parse them. Nothing else is shared between the two.
 */

export const VERBS = {
  /** The entry card's "Submit values": every value, note and narrative input on the card. */
  submitValues: 'entry.submit',
  /** A red or amber row's narrative form: remedial action, likely to recover, recovery period. */
  submitNarrative: 'entry.narrative',
  /** Universal Actions' automatic refresh of the entry card (user-specific view). */
  refreshEntry: 'entry.refresh',
} as const;
export type Verb = (typeof VERBS)[keyof typeof VERBS];

/** Data every entry-card action carries, besides its inputs. */
export interface EntryActionData {
  readonly verb: Verb;
  /** Canonical period key, "2026-10". */
  readonly period: string;
  /** For entry.narrative: the indicator whose narrative is sent. */
  readonly indicatorId?: string;
  /** On the performance team's correction card: the indicator corrected (the card's scope). */
  readonly correct?: string;
}

export const inputIds = {
  value: (indicatorId: string) => `value:${indicatorId}`,
  note: (indicatorId: string) => `note:${indicatorId}`,
  remedialAction: (indicatorId: string) => `remedial:${indicatorId}`,
  likelyToRecover: (indicatorId: string) => `recover:${indicatorId}`,
  recoveryPeriod: (indicatorId: string) => `recoveryPeriod:${indicatorId}`,
  /** Input.Toggle: the figure is an estimate ("true" or "false"). */
  estimated: (indicatorId: string) => `estimated:${indicatorId}`,
  /** Input.Toggle shown beside an unusual figure: its valueOn is that figure, so a confirmation is for it alone. */
  confirmUnusual: (indicatorId: string) => `confirm:${indicatorId}`,
} as const;

export { LIKELY_TO_RECOVER, type LikelyToRecover } from '../domain/types';

/** Teams refuses bot messages over about 100 KB; we keep every card under this. */
export const CARD_SIZE_LIMIT_BYTES = 80 * 1024;
