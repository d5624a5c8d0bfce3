/**
 * The verifier's card (#16): one card per period with the figures they verify. Each figure still
 * awaiting verification has a decision (Verify, or Query with a comment saying what to check);
 * "Send decisions" sends every decision chosen, "Verify all" verifies every figure still awaiting.
 * Verified and queried figures show where they stand, read-only.
 *
 * Every action (and the refresh) carries the value version of each row as the card showed it, so a
 * figure corrected since is never verified unseen.
 *
 * Lean per row on purpose: a 40-row card must stay under CARD_SIZE_LIMIT_BYTES. If the full card
 * would be over it (many long comments and replies), the per-row "Entered by ..." lines are left
 * out. Callers should still check cardSizeBytes(): the view model can hold more text than any card
 * can carry.
 */
import {
  adaptiveCard,
  cardSizeBytes,
  choiceSetInput,
  container,
  executeAction,
  joinParts,
  refreshFor,
  statusStyle,
  textBlock,
  textInput,
  toneColor,
  toneStyle,
  type AdaptiveCard,
  type CardElement,
} from '../adaptive-card';
import { CARD_SIZE_LIMIT_BYTES } from '../card-contract';
import { shown } from '../shown-text';
import { COMMENT_MAX_LENGTH, encodeVersions, VERIFY_VERBS, verifyInputIds, type VerifyActionData, type VerifyChoice } from './verification-contract';
import type { VerifyCardView, VerifyRowView } from './verification-view-models';

export const VERIFY_CHOICES: readonly { readonly title: string; readonly value: VerifyChoice }[] = [
  { title: 'Verify', value: 'VERIFY' },
  { title: 'Query', value: 'QUERY' },
];

const HOW_TO =
  'For each figure choose Verify, or Query with a comment saying what to check; then select Send decisions. Verify all verifies every figure still awaiting verification.';

/**
 * The verifier's card for `view`. If the full card would be over CARD_SIZE_LIMIT_BYTES, each row's
 * "Entered by ..." line is left out (the figure, its status, target and state stay).
 */
export function buildVerifyCard(view: VerifyCardView): AdaptiveCard {
  const full = build(view, { enteredText: true });
  if (cardSizeBytes(full) <= CARD_SIZE_LIMIT_BYTES) return full;
  return build(view, { enteredText: false });
}

interface Layout {
  /** Each row's "Entered by ..." line. */
  readonly enteredText: boolean;
}

function build(view: VerifyCardView, layout: Layout): AdaptiveCard {
  const awaiting = view.rows.some((r) => r.state === 'AWAITING');
  const body: CardElement[] = [
    textBlock(`Figures to verify for ${view.periodLabel}`, { size: 'Large', weight: 'Bolder', style: 'heading', wrap: true }),
    textBlock(joinParts([view.personName, view.progressText]), { isSubtle: true, spacing: 'None', wrap: true }),
  ];
  if (view.banner) {
    body.push(
      container([textBlock(shown(view.banner.text), { color: toneColor(view.banner.tone), weight: 'Bolder', wrap: true })], {
        style: toneStyle(view.banner.tone),
        spacing: 'Medium',
      }),
    );
  }
  if (awaiting) body.push(textBlock(HOW_TO, { size: 'Small', wrap: true, spacing: 'Small' }));
  if (view.rows.length === 0) {
    body.push(textBlock(`You have no figures to verify for ${view.periodLabel}.`, { wrap: true }));
  }
  for (const row of view.rows) body.push(rowBlock(row, layout));

  const data = {
    period: view.period,
    versions: encodeVersions(Object.fromEntries(view.rows.map((r) => [r.indicatorId, r.version]))),
  } satisfies VerifyActionData;
  const refresh = refreshFor(VERIFY_VERBS.refresh, data, view.refreshUserIds);
  return adaptiveCard({
    body,
    fallbackText: `Figures to verify for ${view.periodLabel}: ${view.progressText}. Open this card in Teams to verify or query them.`,
    fullWidth: true,
    ...(awaiting
      ? {
          actions: [
            executeAction(VERIFY_VERBS.decide, 'Send decisions', data, 'positive'),
            executeAction(VERIFY_VERBS.verifyAll, 'Verify all', data),
          ],
        }
      : {}),
    ...(refresh ? { refresh } : {}),
  });
}

function rowBlock(row: VerifyRowView, layout: Layout): CardElement {
  const { label, color } = statusStyle(row.status);
  // statusText normally starts with the label ("Red: outside tolerance"); make sure the word is there.
  const statusText = row.statusText.toLowerCase().startsWith(label.toLowerCase()) ? row.statusText : joinParts([label, row.statusText], ': ');
  const items: CardElement[] = [
    textBlock(`${row.code} · ${shown(row.title)}`, { weight: 'Bolder', wrap: true }),
    textBlock(`${joinParts([row.valueText, row.flagsText], ' ')} — ${statusText}`, { color, weight: 'Bolder', spacing: 'Small', wrap: true }),
    textBlock(joinParts([row.targetText ?? 'No target (data only)', row.lastValueText]), {
      isSubtle: true,
      size: 'Small',
      spacing: 'None',
      wrap: true,
    }),
  ];
  if (layout.enteredText) {
    items.push(textBlock(row.enteredText, { isSubtle: true, size: 'Small', spacing: 'None', wrap: true }));
  }
  items.push(...stateItems(row));
  return container(items, { separator: true, spacing: 'Medium' });
}

function stateItems(row: VerifyRowView): CardElement[] {
  switch (row.state) {
    case 'VERIFIED':
      // The sign and the words carry the meaning as well as the colour.
      return [textBlock(`✓ ${shown(row.stateText ?? 'Verified')}`, { color: 'Good', spacing: 'Small', wrap: true })];
    case 'QUERIED':
      return [textBlock(`? ${shown(row.stateText ?? 'Queried')}`, { color: 'Warning', spacing: 'Small', wrap: true })];
    case 'AWAITING':
      return awaitingItems(row);
  }
}

function awaitingItems(row: VerifyRowView): CardElement[] {
  const items: CardElement[] = [];
  if (row.stateText) items.push(textBlock(shown(row.stateText), { isSubtle: true, size: 'Small', spacing: 'Small', wrap: true }));
  items.push(
    choiceSetInput(verifyInputIds.decision(row.indicatorId), VERIFY_CHOICES, {
      label: `Decision for ${row.code}`,
      style: 'compact',
      placeholder: 'Leave for now',
      spacing: 'Small',
      ...(row.chosen !== null ? { value: row.chosen } : {}),
    }),
    // An input's value is given back as typed: it is not Markdown, so it is not escaped.
    textInput(verifyInputIds.comment(row.indicatorId), {
      label: 'Comment (needed for a query)',
      isMultiline: true,
      maxLength: COMMENT_MAX_LENGTH,
      spacing: 'Small',
      ...(row.comment !== '' ? { value: row.comment } : {}),
    }),
  );
  if (row.error) items.push(errorText(row.error));
  return items;
}

function errorText(text: string): CardElement {
  // The sign and the words carry the meaning as well as the colour.
  return textBlock(`⚠ ${shown(text)}`, { color: 'Attention', wrap: true, spacing: 'Small', size: 'Small', weight: 'Bolder' });
}
