/**
 * The approval card: a submitted action plan, sent to the director and posted in the indicator's
 * thread. Everyone sees the plan and where it stands; the director (and the performance team),
 * through Universal Actions' user-specific refresh, also get Approve and Send back.
 */
import {
  adaptiveCard,
  container,
  executeAction,
  factSet,
  refreshFor,
  textBlock,
  textInput,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
} from '../adaptive-card';
import { BOARD_VERBS, DECISION_COMMENT_MAX_LENGTH, planInputIds } from './board-contract';
import type { ApprovalCardView } from './board-view-models';
import { actionList, bannerBlock, errorText, indicatorHeading } from './board-parts';
import { shown } from '../shown-text';

export function buildApprovalCard(view: ApprovalCardView): AdaptiveCard {
  const deciding = view.canDecide && view.state === 'SUBMITTED';
  const body: CardElement[] = [
    indicatorHeading(view.code, view.title),
    textBlock(view.statusText, { weight: 'Bolder', spacing: 'Small', wrap: true }),
    textBlock(`Action plan, version ${view.version} · ${view.periodLabel}`, { isSubtle: true, spacing: 'None', wrap: true }),
  ];
  if (view.banner) body.push(bannerBlock(view.banner));
  body.push(
    stateBlock(view),
    factSet(
      [
        { title: 'Owner', value: view.ownerName },
        { title: 'Submitted by', value: view.submittedText },
        { title: 'Expected recovery', value: view.expectedRecoveryText },
        { title: 'Likely to be enough', value: view.likelySufficientText },
      ],
      { spacing: 'Medium' },
    ),
    textBlock('Actions', { weight: 'Bolder', spacing: 'Medium', wrap: true }),
    ...actionList(view.actions),
  );

  let actions: CardAction[] = [];
  if (deciding) {
    const decided = decisionControls(view);
    body.push(...decided.body);
    actions = decided.actions;
  }
  const refresh = refreshFor(BOARD_VERBS.refreshApproval, { planId: view.planId, version: view.version }, view.refreshUserIds);
  return adaptiveCard({
    body,
    fallbackText: `Action plan for ${view.code} ${view.title} (${view.periodLabel}), version ${view.version} from ${view.ownerName}: ${stateText(view)}`,
    fullWidth: true,
    actions,
    ...(refresh ? { refresh } : {}),
  });
}

function stateText(view: ApprovalCardView): string {
  const comment = view.decision?.comment.trim() ? `: ${shown(view.decision.comment.trim())}` : '.';
  switch (view.state) {
    case 'SUBMITTED':
      return `Waiting for ${view.directorName}'s decision.`;
    case 'APPROVED':
      return view.decision ? `Approved by ${view.decision.byText}${comment}` : 'Approved.';
    case 'SENT_BACK':
      return view.decision ? `Sent back by ${view.decision.byText}${comment}` : 'Sent back.';
    case 'SUPERSEDED':
      return 'Superseded by a later version: only the latest version can be decided.';
  }
}

function stateBlock(view: ApprovalCardView): CardElement {
  const style = { SUBMITTED: 'emphasis', APPROVED: 'good', SENT_BACK: 'attention', SUPERSEDED: 'emphasis' } as const;
  const color = { SUBMITTED: 'Default', APPROVED: 'Good', SENT_BACK: 'Attention', SUPERSEDED: 'Default' } as const;
  return container([textBlock(stateText(view), { weight: 'Bolder', color: color[view.state], wrap: true })], {
    style: style[view.state],
    spacing: 'Medium',
  });
}

/**
 * Approve, and Send back with a comment. The comment normally sits behind "Send back" (a
 * ShowCard), out of the way of a director who approves; when a send back was refused for want of
 * a comment, the input is shown inline with the reason under it, where it cannot be missed.
 * Approve sends no inputs, so the client never asks for a comment to approve.
 */
function decisionControls(view: ApprovalCardView): { body: CardElement[]; actions: CardAction[] } {
  const data = { planId: view.planId, version: view.version };
  const approve = executeAction(BOARD_VERBS.decidePlan, 'Approve', { ...data, decision: 'approve' }, 'positive', 'none');
  const sendBack = executeAction(BOARD_VERBS.decidePlan, 'Send back', { ...data, decision: 'sendBack' }, 'destructive');
  const comment = textInput(planInputIds.decisionComment, {
    label: `Why are you sending it back? ${view.ownerName} will see this.`,
    isMultiline: true,
    maxLength: DECISION_COMMENT_MAX_LENGTH,
    isRequired: true,
    errorMessage: 'Say why you are sending the plan back.',
    ...(view.comment !== '' ? { value: view.comment } : {}),
  });
  if (view.commentError) {
    return {
      body: [container([comment, errorText(view.commentError)], { separator: true, spacing: 'Medium' })],
      actions: [approve, sendBack],
    };
  }
  const sendBackCard = adaptiveCard({
    body: [comment],
    fallbackText: 'Say why you are sending the plan back.',
    actions: [sendBack],
  });
  return { body: [], actions: [approve, { type: 'Action.ShowCard', title: 'Send back with a comment', card: sendBackCard }] };
}
