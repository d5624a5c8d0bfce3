/**
 * Reading a card's inputs, as Teams sends them back, into the typed commands the use cases take.
 * The input ids are the cards' contract (src/cards/card-contract.ts, board-contract.ts): only the
 * bot, which receives them, and the cards, which name them, know them.
 */
import { inputIds } from '../cards/card-contract';
import { MAX_PLAN_ACTIONS, planInputIds } from '../cards/board/board-contract';
import type { TypedNarrative, TypedValue } from '../app/entry/entry-service';
import type { PlanSubmissionInput } from '../domain/action-plan';
import { decodeVersions, verifyInputIds } from '../cards/verification/verification-contract';
import type { TypedDecision } from '../app/verification/verification-decisions';

type Inputs = Readonly<Record<string, unknown>>;

/** Text as typed; a number (some clients send Input.Number as one) as its digits; anything else as empty. */
export function typedText(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

/** Every value input on an entry card, with its note. */
export function entryValues(inputs: Inputs): TypedValue[] {
  return Object.keys(inputs)
    .filter((key) => key.startsWith('value:'))
    .map((key) => {
      const indicatorId = key.slice('value:'.length);
      return {
        indicatorId,
        raw: typedText(inputs[key]),
        note: typedText(inputs[inputIds.note(indicatorId)]),
        estimated: typedText(inputs[inputIds.estimated(indicatorId)]) === 'true',
        confirmed: typedText(inputs[inputIds.confirmUnusual(indicatorId)]),
      };
    });
}

/** One row's narrative inputs. */
export function entryNarrative(inputs: Inputs, indicatorId: string): TypedNarrative {
  return {
    remedialAction: typedText(inputs[inputIds.remedialAction(indicatorId)]),
    likelyToRecover: typedText(inputs[inputIds.likelyToRecover(indicatorId)]),
    recoveryPeriod: typedText(inputs[inputIds.recoveryPeriod(indicatorId)]),
  };
}

/** The narratives typed beside each value on an entry card, for rows where any part was typed. */
export function entryNarratives(inputs: Inputs): Map<string, TypedNarrative> {
  const narratives = new Map<string, TypedNarrative>();
  for (const { indicatorId } of entryValues(inputs)) {
    const narrative = entryNarrative(inputs, indicatorId);
    if (narrative.remedialAction.trim() || narrative.likelyToRecover.trim() || narrative.recoveryPeriod.trim()) narratives.set(indicatorId, narrative);
  }
  return narratives;
}

/** The plan card's inputs. */
export function planSubmission(inputs: Inputs): PlanSubmissionInput {
  const text = (id: string) => (typeof inputs[id] === 'string' ? (inputs[id] as string) : '');
  return {
    actions: Array.from({ length: MAX_PLAN_ACTIONS }, (_, i) => ({ lead: text(planInputIds.lead(i)), due: text(planInputIds.due(i)), description: text(planInputIds.description(i)) })),
    expectedRecovery: text(planInputIds.expectedRecovery),
    likelySufficient: text(planInputIds.likelySufficient),
  };
}

/** The approval card's comment. */
export function decisionComment(inputs: Inputs): string {
  return typedText(inputs[planInputIds.decisionComment]);
}

/** The verifier card's chosen decisions, one per row the card showed (its versions). */
export function verifyDecisions(inputs: Inputs): TypedDecision[] {
  return Object.keys(verifyVersions(inputs)).map((indicatorId) => ({
    indicatorId,
    choice: typedText(inputs[verifyInputIds.decision(indicatorId)]),
    comment: typedText(inputs[verifyInputIds.comment(indicatorId)]),
  }));
}

/** The value version each row of the verifier card showed, by indicator id; anything malformed is left out. */
export function verifyVersions(inputs: Inputs): Record<string, number> {
  return decodeVersions(typedText(inputs.versions));
}

/** The query card's reply. */
export function queryReply(inputs: Inputs): string {
  return typedText(inputs[verifyInputIds.reply]);
}
