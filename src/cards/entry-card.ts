/**
 * The entry card: one person's indicators for one period, with a value and note input per row,
 * the narrative form for red and amber values, and "Submit values". Closed periods show the same
 * rows read-only.
 *
 * Lean per row on purpose: a 40-row card must stay well under CARD_SIZE_LIMIT_BYTES.
 */
import { CARD_SIZE_LIMIT_BYTES, inputIds, VERBS } from './card-contract';
import type { EntryCardView, EntryRowView, NarrativeView } from './view-models';
import {
  actionSet,
  adaptiveCard,
  choiceSetInput,
  column,
  columnSet,
  container,
  executeAction,
  joinParts,
  numberInput,
  refreshFor,
  statusStyle,
  textBlock,
  textInput,
  toggleInput,
  toneColor,
  toneStyle,
  trendText,
  cardSizeBytes,
  type AdaptiveCard,
  type CardElement,
} from './adaptive-card';
import { shown } from './shown-text';

export const NOTE_MAX_LENGTH = 500;
export const REMEDIAL_ACTION_MAX_LENGTH = 2000;

export const LIKELY_TO_RECOVER_CHOICES = [
  { title: 'Yes', value: 'YES' },
  { title: 'No', value: 'NO' },
  { title: 'Unsure', value: 'UNSURE' },
] as const;

/**
 * The entry card for `view`. If the full card would be over CARD_SIZE_LIMIT_BYTES (many red and
 * amber rows with long narratives), the per-row "Save narrative" buttons are left out: "Submit
 * values" sends every narrative input too. Callers should still check cardSizeBytes(): the view
 * model can hold more text than any card can carry.
 */
export function buildEntryCard(view: EntryCardView): AdaptiveCard {
  const full = build(view, { narrativeButtons: true });
  if (cardSizeBytes(full) <= CARD_SIZE_LIMIT_BYTES) return full;
  return build(view, { narrativeButtons: false });
}

interface Layout {
  /** A "Save narrative for X" button under each narrative form. */
  readonly narrativeButtons: boolean;
}

function build(view: EntryCardView, layout: Layout): AdaptiveCard {
  const open = view.state === 'OPEN';
  const submitted = view.rows.filter((r) => r.saved !== null).length;
  const progress = `${submitted} of ${view.rows.length} submitted`;

  const body: CardElement[] = [
    textBlock(`Performance figures for ${view.periodLabel}`, { size: 'Large', weight: 'Bolder', style: 'heading', wrap: true }),
    textBlock(joinParts([view.personName, progress]), { isSubtle: true, spacing: 'None', wrap: true }),
  ];
  if (open && view.deadlineText) body.push(textBlock(view.deadlineText, { weight: 'Bolder', spacing: 'Small', wrap: true }));
  if (view.banner) {
    body.push(
      container([textBlock(shown(view.banner.text), { color: toneColor(view.banner.tone), weight: 'Bolder', wrap: true })], {
        style: toneStyle(view.banner.tone),
        spacing: 'Medium',
      }),
    );
  }
  if (!open) {
    body.push(
      container(
        [
          textBlock(`${view.periodLabel} is closed for entry. Values can only be changed by the performance team.`, {
            wrap: true,
          }),
        ],
        { style: 'emphasis', spacing: 'Medium' },
      ),
    );
  } else if (view.rows.length > 0) {
    const howTo = layout.narrativeButtons
      ? 'Enter a figure for each indicator, then select Submit values at the end. Red and amber values also need a narrative.'
      : 'Enter a figure for each indicator, then select Submit values at the end. Red and amber values also need a narrative: Submit values saves the narratives too.';
    body.push(
      textBlock(howTo, {
        size: 'Small',
        wrap: true,
        spacing: 'Small',
      }),
    );
  }
  if (view.rows.length === 0) {
    body.push(textBlock(`You have no indicators to report for ${view.periodLabel}.`, { wrap: true }));
  }
  for (const row of view.rows) body.push(open ? openRow(view, row, layout) : closedRow(row));

  const fallbackText = open
    ? `Performance figures for ${view.periodLabel}: ${progress}.${view.deadlineText ? ` ${view.deadlineText}.` : ''} Open this card in Teams to submit.`
    : `Performance figures for ${view.periodLabel}: ${progress}. The period is closed for entry; values can only be changed by the performance team.`;

  const scope = view.correctionOf ? { period: view.period, correct: view.correctionOf } : { period: view.period };
  const refresh = refreshFor(VERBS.refreshEntry, scope, view.refreshUserIds);
  return adaptiveCard({
    body,
    fallbackText,
    fullWidth: true,
    ...(open && view.rows.length > 0
      ? { actions: [executeAction(VERBS.submitValues, 'Submit values', scope, 'positive')] }
      : {}),
    ...(refresh ? { refresh } : {}),
  });
}

/** The row's heading, its target and last value with the trend, and what is saved. */
function rowHeader(row: EntryRowView): CardElement[] {
  const items: CardElement[] = [
    textBlock(`${row.code} · ${shown(row.title)}`, { weight: 'Bolder', wrap: true }),
    textBlock(joinParts([row.targetText ?? 'No target (data only)', row.lastValueText, trendText(row.trend)]), {
      isSubtle: true,
      size: 'Small',
      spacing: 'None',
      wrap: true,
    }),
  ];
  if (row.saved) {
    const { label, color } = statusStyle(row.saved.status);
    // statusText normally starts with the label ("Amber: within tolerance"); make sure the word is there.
    const statusText = row.saved.statusText.toLowerCase().startsWith(label.toLowerCase())
      ? row.saved.statusText
      : joinParts([label, row.saved.statusText], ': ');
    // An estimate and a confirmed unusual figure say so in words wherever the saved figure is shown (#16).
    const flags = joinParts([row.saved.estimated ? 'estimate' : null, row.saved.unusualConfirmed ? 'unusual, confirmed' : null], ', ');
    items.push(
      textBlock(`Saved: ${row.saved.valueText}${flags ? ` (${flags})` : ''} — ${statusText}`, { color, weight: 'Bolder', spacing: 'Small', wrap: true }),
      textBlock(
        `Submitted by ${row.saved.byText}${row.saved.version > 1 ? ` (corrected, version ${row.saved.version})` : ''}`,
        { isSubtle: true, size: 'Small', spacing: 'None', wrap: true },
      ),
    );
  }
  return items;
}

function openRow(view: EntryCardView, row: EntryRowView, layout: Layout): CardElement {
  const value = parseNumber(row.inputValue);
  const valueItems: CardElement[] = [
    numberInput(inputIds.value(row.indicatorId), {
      label: `${row.code} value (${row.unitLabel})`,
      placeholder: row.unitLabel === 'number' ? 'Value' : `Value in ${row.unitLabel}`,
      ...(value !== undefined ? { value } : {}),
      ...(row.min !== null ? { min: row.min } : {}),
      ...(row.max !== null ? { max: row.max } : {}),
      ...(row.error ? { errorMessage: row.error } : {}),
    }),
  ];
  if (row.error) valueItems.push(errorText(row.error));

  const items: CardElement[] = [
    ...rowHeader(row),
    columnSet(
      [
        column(valueItems, { width: 2 }),
        column(
          [
            textInput(inputIds.note(row.indicatorId), {
              label: 'Note (optional)',
              isMultiline: false,
              maxLength: NOTE_MAX_LENGTH,
              ...(row.note !== '' ? { value: row.note } : {}),
            }),
          ],
          { width: 3 },
        ),
      ],
      { spacing: 'Small' },
    ),
    // Lean: a toggle sends "true" or "false" by default, and a 40-row card must stay under the limit.
    toggleInput(inputIds.estimated(row.indicatorId), 'An estimate, to be replaced later', { ...(row.estimated ? { value: 'true' } : {}), wrap: true }),
  ];
  if (row.unusual) items.push(unusualQuestion(row, row.unusual));
  if (row.narrative) items.push(narrativeForm(view, row, row.narrative, layout));
  return container(items, { separator: true, spacing: 'Medium' });
}

/**
 * The question asked before an unusual figure is stored: why it looks wrong, and a tick box whose
 * value is the figure itself, so that ticking it confirms this figure and no other.
 */
function unusualQuestion(row: EntryRowView, unusual: NonNullable<EntryRowView['unusual']>): CardElement {
  return container(
    [
      textBlock(`Is ${row.code}'s figure right?`, { weight: 'Bolder', wrap: true }),
      ...unusual.questions.map((question) => textBlock(`⚠ ${shown(question)}`, { size: 'Small', spacing: 'Small', wrap: true })),
      toggleInput(inputIds.confirmUnusual(row.indicatorId), `This figure is right: store ${unusual.confirmValue} as it is`, {
        valueOn: unusual.confirmValue,
        valueOff: '',
        wrap: true,
        spacing: 'Small',
      }),
    ],
    { style: 'warning', spacing: 'Small' },
  );
}

function narrativeForm(view: EntryCardView, row: EntryRowView, narrative: NarrativeView, layout: Layout): CardElement {
  const id = row.indicatorId;
  const items: CardElement[] = [
    textBlock(narrative.required ? `Narrative needed for ${row.code}` : `Narrative for ${row.code}`, {
      weight: 'Bolder',
      wrap: true,
    }),
  ];
  if (narrative.givenBy) {
    items.push(textBlock(`Narrative given by ${shown(narrative.givenBy)}`, { isSubtle: true, size: 'Small', spacing: 'None', wrap: true }));
  }
  items.push(
    textInput(inputIds.remedialAction(id), {
      label: 'What remedial action is being taken?',
      isMultiline: true,
      maxLength: REMEDIAL_ACTION_MAX_LENGTH,
      spacing: 'Small',
      ...(narrative.remedialAction !== '' ? { value: narrative.remedialAction } : {}),
    }),
    choiceSetInput(inputIds.likelyToRecover(id), LIKELY_TO_RECOVER_CHOICES, {
      label: 'Is it likely to be enough to recover?',
      style: 'expanded',
      spacing: 'Small',
      ...(narrative.likelyToRecover !== null ? { value: narrative.likelyToRecover } : {}),
    }),
    textInput(inputIds.recoveryPeriod(id), {
      label: 'Expected to recover by (month, e.g. 2027-01)',
      spacing: 'Small',
      ...(narrative.recoveryPeriod !== '' ? { value: narrative.recoveryPeriod } : {}),
    }),
  );
  if (narrative.error) items.push(errorText(narrative.error));
  if (layout.narrativeButtons) {
    items.push(
      actionSet([executeAction(VERBS.submitNarrative, `Save narrative for ${row.code}`, { period: view.period, indicatorId: id, ...(view.correctionOf ? { correct: view.correctionOf } : {}) })], {
        spacing: 'Small',
      }),
    );
  }
  return container(items, { style: narrative.required ? 'warning' : 'emphasis', spacing: 'Small' });
}

function closedRow(row: EntryRowView): CardElement {
  const items = rowHeader(row);
  if (!row.saved) items.push(textBlock('No value submitted', { isSubtle: true, size: 'Small', spacing: 'Small', wrap: true }));
  if (row.narrative?.givenBy) {
    items.push(
      textBlock(`Narrative given by ${shown(row.narrative.givenBy)}`, { isSubtle: true, size: 'Small', spacing: 'Small', wrap: true }),
    );
    if (row.narrative.remedialAction !== '') {
      items.push(textBlock(shown(row.narrative.remedialAction), { size: 'Small', spacing: 'None', wrap: true }));
    }
  }
  return container(items, { separator: true, spacing: 'Medium' });
}

function errorText(text: string): CardElement {
  // The sign and the words carry the meaning as well as the colour.
  return textBlock(`⚠ ${shown(text)}`, { color: 'Attention', wrap: true, spacing: 'Small', size: 'Small', weight: 'Bolder' });
}

/** A plain decimal as typed ("22.4", "-3", ".5"); anything else (e.g. refused text) gives undefined. */
function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(trimmed)) return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : undefined;
}
