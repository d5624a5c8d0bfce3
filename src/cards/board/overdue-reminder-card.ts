/** The card an action's lead gets when the action is overdue, with "Mark as done" until it is done. */
import {
  adaptiveCard,
  container,
  executeAction,
  factSet,
  textBlock,
  type AdaptiveCard,
  type CardElement,
} from '../adaptive-card';
import { BOARD_VERBS } from './board-contract';
import type { OverdueReminderView } from './board-view-models';
import { bannerBlock } from './board-parts';
import { shown } from '../shown-text';

export function buildOverdueReminderCard(view: OverdueReminderView): AdaptiveCard {
  const done = view.doneText !== null;
  const body: CardElement[] = [
    textBlock(done ? 'Action done' : 'An action is overdue', { size: 'Large', weight: 'Bolder', style: 'heading', wrap: true }),
  ];
  if (view.banner) body.push(bannerBlock(view.banner));
  body.push(
    textBlock(shown(view.description), { weight: 'Bolder', wrap: true, spacing: 'Medium' }),
    // "due 14 Nov 2026, 9 days overdue" reads as a sentence of its own here.
    textBlock(sentence(view.dueText), {
      wrap: true,
      spacing: 'Small',
      ...(done ? { isSubtle: true } : { color: 'Attention' as const, weight: 'Bolder' as const }),
    }),
    factSet(
      [
        { title: 'Indicator', value: `${view.code} · ${shown(view.title)}` },
        { title: 'Owner', value: view.ownerName },
      ],
      { spacing: 'Small' },
    ),
  );
  if (done) {
    body.push(
      container([textBlock(view.doneText!, { color: 'Good', weight: 'Bolder', wrap: true })], { style: 'good', spacing: 'Medium' }),
    );
  } else {
    body.push(
      textBlock('When it is done, mark it as done here. If it is late for a reason, say so in the indicator’s thread.', {
        size: 'Small',
        wrap: true,
        spacing: 'Medium',
      }),
    );
  }
  const fallbackText = done
    ? `${view.doneText}: ${view.description} (${view.code} ${view.title}).`
    : `Overdue action for ${view.code} ${view.title}: ${view.description} — ${view.dueText}. Open this card in Teams to mark it as done.`;
  return adaptiveCard({
    body,
    fallbackText,
    ...(done ? {} : { actions: [executeAction(BOARD_VERBS.completeAction, 'Mark as done', { actionId: view.actionId }, 'positive')] }),
  });
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
