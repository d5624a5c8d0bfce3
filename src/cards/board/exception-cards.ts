/**
 * The messages that follow one exception after its thread has started: the month's update (a
 * reply in the thread), the closing update when the indicator is back on target, and the
 * director's "not recovered as expected" card when the plan's recovery month has passed.
 */
import {
  actionSet,
  adaptiveCard,
  choiceSetInput,
  container,
  executeAction,
  factSet,
  trendText,
  textBlock,
  type AdaptiveCard,
  type CardElement,
} from '../adaptive-card';
import { BOARD_VERBS, recoveryInputIds } from './board-contract';
import type { RecoveryCheckView, ThreadClosingView, ThreadUpdateView } from './board-view-models';
import { bannerBlock, errorText, indicatorHeading, planStateText, statusLine } from './board-parts';

export function buildThreadUpdateCard(view: ThreadUpdateView): AdaptiveCard {
  const body: CardElement[] = [
    textBlock(`Update for ${view.periodLabel}`, { size: 'Medium', weight: 'Bolder', style: 'heading', wrap: true }),
    indicatorHeading(view.code, view.title),
    statusLine(view.status, view.statusText),
    textBlock(view.changeText, { wrap: true, spacing: 'Small' }),
    ...(view.variationText ? [textBlock(view.variationText, { wrap: true, spacing: 'Small' })] : []),
    factSet([{ title: 'Trend', value: trendText(view.trend) || 'Not comparable with the last period' }], { spacing: 'Small' }),
  ];
  if (view.planState) body.push(textBlock(planStateText(view.planState), { weight: 'Bolder', spacing: 'Small', wrap: true }));
  if (view.recoveryText) {
    body.push(textBlock(view.recoveryText, { wrap: true, spacing: 'Small', ...(view.recoveryOverdue ? { color: 'Attention' as const, weight: 'Bolder' as const } : { isSubtle: true }) }));
  }
  // Only the director or the performance team may close it; the bot refuses anyone else.
  body.push(actionSet([executeAction(BOARD_VERBS.closeException, 'Close this exception', { exceptionId: view.exceptionId })], { spacing: 'Medium' }));
  return adaptiveCard({
    body,
    fallbackText: `${view.code} ${view.title}, ${view.periodLabel}: ${view.statusText}. ${view.changeText}${view.variationText ? ` ${view.variationText}.` : ''}${view.recoveryText ? ` ${view.recoveryText}.` : ''}`,
  });
}

export function buildThreadClosingCard(view: ThreadClosingView): AdaptiveCard {
  const items: CardElement[] = [
    textBlock(`Back on target in ${view.periodLabel}`, { size: 'Medium', weight: 'Bolder', color: 'Good', wrap: true }),
    textBlock(view.statusText, { wrap: true, spacing: 'Small' }),
  ];
  const body: CardElement[] = [
    indicatorHeading(view.code, view.title),
    container(items, { style: 'good', spacing: 'Medium' }),
    textBlock(view.spanText, { wrap: true, spacing: 'Medium' }),
  ];
  if (view.planText) body.push(textBlock(view.planText, { wrap: true, spacing: 'Small' }));
  body.push(textBlock('This exception is closed. If the indicator goes red or amber again, a new thread starts.', { size: 'Small', isSubtle: true, wrap: true, spacing: 'Medium' }));
  return adaptiveCard({
    body,
    fallbackText: `${view.code} ${view.title} is back on target in ${view.periodLabel}: ${view.statusText}. ${view.spanText}${view.planText ? ` ${view.planText}` : ''}`,
  });
}

export function buildRecoveryCheckCard(view: RecoveryCheckView): AdaptiveCard {
  const body: CardElement[] = [
    textBlock('Not recovered as expected', { size: 'Large', weight: 'Bolder', style: 'heading', wrap: true }),
  ];
  if (view.banner) body.push(bannerBlock(view.banner));
  body.push(
    indicatorHeading(view.code, view.title),
    statusLine(view.status, view.statusText),
    factSet(
      [
        { title: 'Period', value: view.periodLabel },
        { title: 'Expected back by', value: view.expectedRecoveryLabel },
        { title: 'Owner', value: view.ownerName },
      ],
      { spacing: 'Small' },
    ),
  );
  const data = { exceptionId: view.exceptionId, planId: view.planId, version: view.version };
  if (view.decisionText) {
    body.push(container([textBlock(view.decisionText, { weight: 'Bolder', wrap: true })], { style: 'emphasis', spacing: 'Medium' }));
  } else {
    body.push(
      textBlock(
        `The approved plan said ${view.code} would be back on target by ${view.expectedRecoveryLabel}. Accept a new date (choose it below), ask the owner to revise the plan, or escalate it to the Board.`,
        { wrap: true, spacing: 'Medium' },
      ),
      choiceSetInput(recoveryInputIds.newDate, view.recoveryChoices, {
        label: 'New date, if you accept one',
        style: 'compact',
        placeholder: 'Choose a month',
        ...(view.typedNewDate ? { value: view.typedNewDate } : {}),
      }),
    );
    if (view.newDateError) body.push(errorText(view.newDateError));
    body.push(
      actionSet(
        [
          executeAction(BOARD_VERBS.decideRecovery, 'Accept date', { ...data, choice: 'newDate' }, 'positive'),
          executeAction(BOARD_VERBS.decideRecovery, 'Revise plan', { ...data, choice: 'revisePlan' }, undefined, 'none'),
          executeAction(BOARD_VERBS.decideRecovery, 'Escalate', { ...data, choice: 'escalate' }, 'destructive', 'none'),
        ],
        { spacing: 'Medium' },
      ),
    );
  }
  const fallbackText = view.decisionText
    ? `${view.code} ${view.title}: ${view.decisionText}`
    : `${view.code} ${view.title} has not recovered as expected by ${view.expectedRecoveryLabel} (${view.statusText}). Open this card in Teams to accept a new date, ask for a revised plan or escalate to the Board.`;
  return adaptiveCard({ body, fallbackText });
}
