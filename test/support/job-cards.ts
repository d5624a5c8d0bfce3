/**
 * The progress cards of long steps (open, remind, escalate, close, digest) in tests: the card a
 * command is answered with, and its updates until it says the step is done.
 */
import { allElements, cardOf, cardText } from './card-json';
import { until } from './until';
import { JOB_STATE_ID } from '../../src/cards/job-progress-card';
import type { ConnectorCall } from './teams/connector-stand-in';

type Json = Record<string, unknown>;

/** The state line of a progress card ("Starting…", "Recording prompts: 4 of 10", "Done"), or null for any other card. */
export function jobState(card: Json): string | null {
  const line = allElements(card).find((e) => e.type === 'TextBlock' && e.id === JOB_STATE_ID);
  return line ? String(line.text) : null;
}

const hasCard = (activity: Json | undefined) => Array.isArray(activity?.attachments) && (activity!.attachments as unknown[]).length > 0;

/** Whether a connector call posted or updated a progress card. */
export function isJobCardCall(call: ConnectorCall): boolean {
  return call.kind !== 'member' && hasCard(call.activity) && jobState(cardOf(call.activity)) !== null;
}

/** A progress card as the connector saw it: posted (reply, send) or updated, with its text. */
export interface SeenJobCard {
  readonly call: ConnectorCall;
  readonly state: string;
  readonly text: string;
}

export function jobCardsIn(calls: readonly ConnectorCall[], conversationId: string): SeenJobCard[] {
  return calls
    .filter((c) => c.conversationId === conversationId && isJobCardCall(c))
    .map((call) => ({ call, state: jobState(cardOf(call.activity))!, text: cardText(cardOf(call.activity)) }));
}

/**
 * Waits until the progress card posted in `conversationId` after the first `since` calls has been
 * updated to its end (Done, or an error), and returns every sighting of it, the end last.
 */
export async function jobCardToTheEnd(calls: readonly ConnectorCall[], conversationId: string, since: number, timeoutMs?: number): Promise<SeenJobCard[]> {
  return until(`the progress card in ${conversationId} to say the step is done`, () => {
    const seen = jobCardsIn(calls.slice(since), conversationId);
    const posted = seen.find((s) => s.call.kind !== 'update');
    if (!posted) return null;
    const ofIt = seen.filter((s) => s.call === posted.call || (s.call.kind === 'update' && s.call.activityId === posted.call.activityId));
    const last = ofIt.at(-1)!;
    return /^Done|^Stopped/.test(last.state) ? ofIt : null;
  }, timeoutMs);
}
