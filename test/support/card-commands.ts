/** Use-case commands built from a card's inputs exactly as the bot builds them, for the database tests. */
import type { SubmitValuesCommand, Submitter } from '../../src/app/entry/entry-service';
import { entryNarratives, entryValues } from '../../src/bot/card-inputs';

export function fromCard(card: { submitter: Submitter; period: string; inputs: Record<string, unknown>; correctionOf?: string | null }): SubmitValuesCommand {
  return { submitter: card.submitter, period: card.period, correctionOf: card.correctionOf ?? null, values: entryValues(card.inputs), narratives: entryNarratives(card.inputs) };
}
