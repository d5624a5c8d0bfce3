/**
 * What kind of turn an activity is, for the metrics: a small fixed set of names (activity types we
 * handle, and each card verb of ours), so a forged activity cannot add series of its own.
 */
import type { Activity } from 'botbuilder';
import { VERBS } from '../cards/card-contract';
import { BOARD_VERBS } from '../cards/board/board-contract';

const ACTIVITY_TYPES = new Set(['message', 'invoke', 'conversationUpdate', 'installationUpdate', 'messageReaction', 'event']);
const CARD_VERBS: ReadonlySet<string> = new Set([...Object.values(VERBS), ...Object.values(BOARD_VERBS)]);

/** The card verb an activity carries (Action.Execute's invoke, or Action.Submit's message value), if it is one of ours. */
function cardVerb(activity: Partial<Activity>): string | null {
  const value = activity.value as { action?: { verb?: unknown }; verb?: unknown } | undefined;
  const verb = activity.type === 'invoke' ? value?.action?.verb : value?.verb;
  return typeof verb === 'string' && CARD_VERBS.has(verb) ? verb : null;
}

/** e.g. "message", "card entry.submit", "invoke", "other". */
export function turnKind(activity: Partial<Activity>): string {
  const verb = cardVerb(activity);
  if (verb) return `card ${verb}`;
  return typeof activity.type === 'string' && ACTIVITY_TYPES.has(activity.type) ? activity.type : 'other';
}

/** Whether the activity is an entry card's submit of figures (its latency is measured on its own). */
export function isSubmit(activity: Partial<Activity>): boolean {
  return cardVerb(activity) === VERBS.submitValues;
}
