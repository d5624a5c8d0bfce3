/**
 * The query card (#16): sent to an indicator's owner when the verifier queries their figure. It
 * shows who asked what, and the figure queried; while the query is open, the owner either corrects
 * the figure (their entry card for the period opens in place) or confirms it is right, with an
 * optional reply. Once answered or corrected, it says so and asks nothing more.
 */
import {
  adaptiveCard,
  container,
  executeAction,
  textBlock,
  textInput,
  toneColor,
  toneStyle,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
} from '../adaptive-card';
import { shown } from '../shown-text';
import { COMMENT_MAX_LENGTH, VERIFY_VERBS, verifyInputIds, type QueryActionData } from './verification-contract';
import type { QueryCardView } from './verification-view-models';

/** How much of the comment the fallback text (notifications, clients without cards) repeats. */
export const QUERY_FALLBACK_COMMENT_LIMIT = 200;

export function buildQueryCard(view: QueryCardView): AdaptiveCard {
  const open = view.state === 'OPEN';
  const body: CardElement[] = [
    textBlock(`${view.code}'s figure for ${view.periodLabel} was queried`, { size: 'Medium', weight: 'Bolder', style: 'heading', wrap: true }),
    textBlock(shown(view.title), { isSubtle: true, spacing: 'None', wrap: true }),
  ];
  if (view.banner) {
    body.push(
      container([textBlock(shown(view.banner.text), { color: toneColor(view.banner.tone), weight: 'Bolder', wrap: true })], {
        style: toneStyle(view.banner.tone),
        spacing: 'Medium',
      }),
    );
  }
  body.push(
    container(
      [
        textBlock(`${view.verifierName} asked, ${view.queriedAtText}:`, { weight: 'Bolder', wrap: true }),
        textBlock(shown(view.comment), { spacing: 'Small', wrap: true }),
      ],
      { style: 'warning', spacing: 'Medium' },
    ),
    textBlock(`Your figure: ${view.valueText}`, { weight: 'Bolder', spacing: 'Medium', wrap: true }),
  );

  let actions: CardAction[] = [];
  if (open) {
    body.push(
      textBlock('Correct the figure on your entry card, or confirm it is right (you can add a reply).', { spacing: 'Medium', wrap: true }),
      textInput(verifyInputIds.reply, {
        label: 'Reply (optional)',
        isMultiline: true,
        maxLength: COMMENT_MAX_LENGTH,
        spacing: 'Small',
      }),
    );
    const data = { valueId: view.valueId } satisfies QueryActionData;
    actions = [
      executeAction(VERIFY_VERBS.correctQueried, 'Correct the figure', data),
      executeAction(VERIFY_VERBS.confirmQueried, 'The figure is right', data, 'positive'),
    ];
  } else {
    const fallback = view.state === 'ANSWERED' ? 'You confirmed the figure.' : 'The figure was corrected.';
    body.push(textBlock(shown(view.stateText ?? fallback), { color: 'Good', weight: 'Bolder', spacing: 'Medium', wrap: true }));
  }

  return adaptiveCard({
    body,
    // The fallback text is the notification's plain-text summary: the comment is clipped, not escaped.
    fallbackText: `${view.code}: your figure for ${view.periodLabel} (${view.valueText}) was queried by ${view.verifierName}: ${sentence(
      clip(view.comment.trim(), QUERY_FALLBACK_COMMENT_LIMIT),
    )} Open this card in Teams to correct or confirm it.`,
    actions,
  });
}

/** At most `limit` characters, "…" ending a clipped text. */
function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/** The text as a sentence: a full stop added unless it already ends like one. */
function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}
