/** The performance team's commands' outcomes, as the bot says them in chat. */
import type { StepName, StepOutcome } from '../app/cycle/cycle-service';
import type { DigestOutcome } from '../app/board/board-service';
import { shown } from '../cards/shown-text';

export function cycleStepReply(step: StepName, outcome: StepOutcome): string {
  const parts = [`**${step} ${outcome.month}** (${outcome.periods.join(', ')}): ${outcome.queued} ${outcome.queued === 1 ? 'message' : 'messages'} queued, ${outcome.alreadyQueued} already sent or queued earlier.`];
  if (outcome.closed?.length) parts.push(`Closed ${outcome.closed.join(', ')}; missing: ${outcome.missing?.length ? outcome.missing.join(', ') : 'none'}.`);
  else if (step === 'close') parts.push('Already closed: nothing changed.');
  if (outcome.unreachable.length) parts.push(`Not reachable (the app is not installed for them): ${shown(outcome.unreachable.join(', '))}.`);
  return parts.join('\n\n');
}

export function digestReply(outcome: DigestOutcome): string {
  if (!outcome.channelSet) return 'There is no Board channel yet: in the Performance Board\'s channel, mention me and type "set board channel".';
  const parts = [
    `**Digest ${outcome.month}**: ${outcome.digestQueued ? 'queued for the Board channel' : 'already posted earlier, not posted again'}. ` +
      `${outcome.counts.red} red, ${outcome.counts.amber} amber, ${outcome.counts.green} green, ${outcome.counts.missing} missing.`,
    `Threads: ${outcome.threadsQueued} new, ${outcome.threadsAlready} already posted. Plan requests sent to owners: ${outcome.planRequestsQueued}.`,
  ];
  if (outcome.unreachable.length) parts.push(`Not reachable (the app is not installed for them): ${shown(outcome.unreachable.join(', '))}.`);
  return parts.join('\n\n');
}
