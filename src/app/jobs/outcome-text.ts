/**
 * What a step of the cycle or the Board's digest did, as the performance team reads it: the end of
 * the step's progress card (and, before jobs, the chat reply). Markdown Teams renders in a card.
 */
import type { StepName, StepOutcome } from '../cycle/cycle-service';
import type { DigestOutcome } from '../board/board-service';
import { shown } from '../../cards/shown-text';

/** At most this many people (or missing figures) are named; the rest are counted, so the card stays small. */
const NAMED = 50;

export function cycleStepReply(step: StepName, outcome: StepOutcome): string[] {
  const parts = [`**${step} ${outcome.month}** (${outcome.periods.join(', ')}): ${outcome.queued} ${outcome.queued === 1 ? 'message' : 'messages'} queued, ${outcome.alreadyQueued} already sent or queued earlier.`];
  if (outcome.closed?.length) {
    parts.push(`Closed ${outcome.closed.join(', ')}; missing: ${outcome.missing?.length ? named(outcome.missing) : 'none'}.`);
    if (outcome.unverified?.length) parts.push(`Never verified by their verifier: ${named(outcome.unverified)}.`);
  }
  else if (step === 'close') parts.push('Already closed: nothing changed.');
  if (outcome.unreachable.length) parts.push(`Not reachable (the app is not installed for them): ${shown(named(outcome.unreachable))}.`);
  return parts;
}

export function digestReply(outcome: DigestOutcome): string[] {
  if (!outcome.channelSet) return ['There is no Board channel yet: in the Performance Board\'s channel, mention me and type "set board channel".'];
  const parts = [
    `**Digest ${outcome.month}**: ${outcome.digestQueued ? 'queued for the Board channel' : 'already posted earlier, not posted again'}. ` +
      `${outcome.counts.red} red, ${outcome.counts.amber} amber, ${outcome.counts.green} green, ${outcome.counts.missing} missing.`,
    `Threads: ${outcome.threadsQueued} new, ${outcome.threadsAlready} already posted. Plan requests sent to owners: ${outcome.planRequestsQueued}.`,
  ];
  if (outcome.unreachable.length) parts.push(`Not reachable (the app is not installed for them): ${shown(named(outcome.unreachable))}.`);
  return parts;
}

/** "A, B, C" or, for a long list, the first ones and "and 950 more". */
function named(items: readonly string[]): string {
  if (items.length <= NAMED) return items.join(', ');
  return `${items.slice(0, NAMED).join(', ')} and ${items.length - NAMED} more`;
}
