/**
 * The monthly data-quality card (#16) for the performance team: are the month's figures complete,
 * on time and clean. The register's measures as facts, a compact table by directorate, and the
 * owners with anything to act on (late, missing, corrections after close, queries or estimates),
 * worst completeness first as the view gives them; owners with nothing to act on are only counted.
 *
 * Completeness is coloured (Good at 100%, Warning from 90% to under 100%, Attention below 90%),
 * but its text ("3 of 4 (75.0%)", "none expected") always says the same: colour is never the only
 * signal.
 *
 * Size budget: a large council (12 directorates, 300 owners to follow up with long names) is well
 * over CARD_SIZE_LIMIT_BYTES with every owner listed. The card is built in full first; when it
 * does not fit, a binary search (as the board digest does) finds the most owners that fit, in the
 * view's order so the worst stay, and the rest are counted in "… and 212 more owners to follow up:
 * see the Data quality page." The measures and the directorate table are always there in full. Only
 * view texts of tens of kilobytes (never a real register) get to the last resort: every text cut.
 */
import { CARD_SIZE_LIMIT_BYTES } from '../card-contract';
import {
  adaptiveCard,
  cardSizeBytes,
  column,
  columnSet,
  container,
  factSet,
  joinParts,
  openUrlAction,
  textBlock,
  toneColor,
  type AdaptiveCard,
  type CardElement,
  type Column,
  type TextBlock,
} from '../adaptive-card';
import type { Tone } from '../view-models';
import { shown } from '../shown-text';
import type { DataQualityCardView, QualityRowView } from './data-quality-view-models';

export const DATA_QUALITY_PAGE_POINTER = 'see the Data quality page';

interface Layout {
  /** How many of the owners to follow up are listed (the first, i.e. the worst). */
  readonly owners: number;
  /** Free text longer than this is cut (only in the last resort). */
  readonly clip: number | null;
}

export function buildDataQualityCard(view: DataQualityCardView): AdaptiveCard {
  const all = view.ownersToFollowUp.length;
  const full = build(view, { owners: all, clip: null });
  if (fits(full)) return full;
  // The largest number of owners that fits: size grows with it, so a binary search finds it in
  // about log2(n) builds. `lo` always fits (checked first), `hi` never does.
  const none = build(view, { owners: 0, clip: null });
  if (!fits(none)) return build(view, { owners: 0, clip: 200 });
  let lo = 0;
  let hi = all;
  let best = none;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    const card = build(view, { owners: mid, clip: null });
    if (fits(card)) {
      lo = mid;
      best = card;
    } else {
      hi = mid;
    }
  }
  return best;
}

function fits(card: AdaptiveCard): boolean {
  return cardSizeBytes(card) <= CARD_SIZE_LIMIT_BYTES;
}

const count = (n: number) => n.toLocaleString('en-GB');
const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;

/** Good at 100%, warning from 90% to under 100%, attention below 90%; default when nothing was expected. */
export function completenessTone(percent: number | null): Tone {
  if (percent === null) return 'default';
  if (percent >= 100) return 'good';
  if (percent >= 90) return 'warning';
  return 'attention';
}

function build(view: DataQualityCardView, layout: Layout): AdaptiveCard {
  const clip = (text: string) => (layout.clip !== null && text.length > layout.clip ? `${text.slice(0, layout.clip - 1)}…` : text);
  const o = view.overall;
  const body: CardElement[] = [
    textBlock(clip(`Data quality: ${view.periodLabel}`), { size: 'Large', weight: 'Bolder', style: 'heading', wrap: true }),
    textBlock(clip(view.windowText), { isSubtle: true, spacing: 'None', wrap: true }),
    factSet(
      [
        { title: 'Complete by the deadline', value: clip(o.completenessText) },
        { title: 'Timeliness', value: clip(o.timelinessText) },
        { title: 'Missing', value: clip(o.missingText) },
        { title: 'Corrections after close', value: count(o.correctionsAfterClose) },
        { title: 'Queries raised', value: count(o.queriesRaised) },
        { title: 'Estimates outstanding', value: count(o.estimatesOutstanding) },
      ],
      { spacing: 'Medium' },
    ),
    ...directorateTable(view.byDirectorate, clip),
    ...owners(view, layout.owners, clip),
  ];
  return adaptiveCard({
    body,
    fallbackText: clip(
      `Data quality for ${view.periodLabel}: ${o.completenessText} in by the deadline; ${o.missingText}; ${plural(o.estimatesOutstanding, 'estimate', 'estimates')} outstanding.`,
    ),
    fullWidth: true,
    ...(view.tabUrl ? { actions: [openUrlAction('Open the Data quality page', view.tabUrl)] } : {}),
  });
}

function sectionHeading(text: string): TextBlock {
  return textBlock(text, { size: 'Medium', weight: 'Bolder', wrap: true, spacing: 'Large', separator: true });
}

// ---------------------------------------------------------------------------------------------
// By directorate

// Wide enough for the longest word of a count's header ("Estimates", "Corrected") in Teams' small type.
const NUMBER_WIDTH = '76px' as const;

function cell(text: string, width: Column['width'], props: Partial<Pick<TextBlock, 'weight' | 'color' | 'horizontalAlignment'>> = {}): Column {
  return column([textBlock(text, { size: 'Small', wrap: true, ...props })], { width });
}

/** Header and a row per directorate: name, completeness, late and missing, then the three counts. */
function directorateTable(rows: readonly QualityRowView[], clip: (text: string) => string): CardElement[] {
  if (rows.length === 0) return [];
  const bold = { weight: 'Bolder' as const };
  const right = { horizontalAlignment: 'Right' as const };
  const header = columnSet(
    [
      cell('Directorate', 3, bold),
      cell('In on time', 2, bold),
      cell('Late and missing', 3, bold),
      cell('Corrected late', NUMBER_WIDTH, { ...bold, ...right }),
      cell('Queries', NUMBER_WIDTH, { ...bold, ...right }),
      cell('Estimates', NUMBER_WIDTH, { ...bold, ...right }),
    ],
    { spacing: 'Small' },
  );
  return [
    sectionHeading('By directorate'),
    header,
    ...rows.map((r) => {
      const tone = completenessTone(r.completenessPercent);
      return columnSet(
        [
          cell(shown(clip(r.name)), 3),
          cell(clip(r.completenessText), 2, tone === 'default' ? {} : { color: toneColor(tone) }),
          cell(clip(joinParts([r.timelinessText, r.missingText], '; ')), 3),
          cell(count(r.correctionsAfterClose), NUMBER_WIDTH, right),
          cell(count(r.queriesRaised), NUMBER_WIDTH, right),
          cell(count(r.estimatesOutstanding), NUMBER_WIDTH, right),
        ],
        { spacing: 'Small', separator: true },
      );
    }),
  ];
}

// ---------------------------------------------------------------------------------------------
// Owners to follow up

/** "3 of 4 (75.0%) · 1 late: 2.0 days on average, 2 at most · none missing · 1 corrected after close" */
export function ownerLine(r: QualityRowView): string {
  return joinParts([
    r.completenessText,
    r.timelinessText,
    r.missingText,
    r.correctionsAfterClose > 0 ? `${count(r.correctionsAfterClose)} corrected after close` : null,
    r.queriesRaised > 0 ? `${count(r.queriesRaised)} queried` : null,
    r.estimatesOutstanding > 0 ? `${plural(r.estimatesOutstanding, 'estimate', 'estimates')} outstanding` : null,
  ]);
}

function ownerBlock(r: QualityRowView, clip: (text: string) => string): CardElement {
  return container(
    [
      textBlock(shown(clip(r.name)), { weight: 'Bolder', wrap: true }),
      textBlock(clip(ownerLine(r)), { size: 'Small', wrap: true, spacing: 'None' }),
    ],
    { spacing: 'Small' },
  );
}

function owners(view: DataQualityCardView, limit: number, clip: (text: string) => string): CardElement[] {
  const list = view.ownersToFollowUp;
  const clean = view.ownersAllClean;
  const note = (text: string, subtle = true) => textBlock(text, { size: 'Small', isSubtle: subtle, wrap: true, spacing: 'Small' });
  const out: CardElement[] = [sectionHeading('Owners to follow up')];
  if (list.length === 0) {
    out.push(note(clean > 0 ? 'Every owner had everything in on time and clean.' : 'No owner had figures due this period.', false));
    return out;
  }
  const listed = list.slice(0, limit);
  out.push(...listed.map((r) => ownerBlock(r, clip)));
  const more = list.length - listed.length;
  if (more > 0) {
    out.push(
      note(
        listed.length === 0
          ? `All ${plural(more, 'owner', 'owners')} to follow up: ${DATA_QUALITY_PAGE_POINTER}.`
          : `… and ${count(more)} more ${more === 1 ? 'owner' : 'owners'} to follow up: ${DATA_QUALITY_PAGE_POINTER}.`,
      ),
    );
  }
  if (clean > 0) {
    out.push(note(`${count(clean)} other ${clean === 1 ? 'owner' : 'owners'} had everything in on time and clean.`));
  }
  return out;
}
