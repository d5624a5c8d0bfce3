/**
 * The Performance Board's digest: the period's counts (with the change since the last period and a
 * donut), the counts by scorecard lens and by directorate, the reds and ambers, the successes,
 * what is still missing and the overdue actions.
 *
 * A register of a thousand indicators has hundreds of reds and ambers, far more than one Teams
 * message carries. The lists are capped for reading (DIGEST_LIST_LIMITS) and, when the card would
 * still be over CARD_SIZE_LIMIT_BYTES, shortened together until it fits, each ending with "and 212
 * more: see the Scorecard tab". The counts are always there in full: they are what the digest is for.
 */
import { CARD_SIZE_LIMIT_BYTES } from '../card-contract';
import {
  adaptiveCard,
  cardSizeBytes,
  column,
  columnSet,
  donutChart,
  joinParts,
  statusStyle,
  textBlock,
  trendText,
  type AdaptiveCard,
  type CardElement,
  type ChartColor,
  type Column,
  type TextBlock,
  type TextColor,
} from '../adaptive-card';
import type { Status } from '../../domain/types';
import type {
  DigestAttentionView,
  DigestCardView,
  DigestGroupView,
  DigestImprovementView,
  DigestMissingView,
  DigestQuarterFigureView,
  OverdueActionView,
  DigestRecoveryOverdueView,
  DigestSignalsView,
  DigestSignalView,
  StatusCountsView,
} from './board-view-models';
import { planStateText } from './board-parts';
import { shown } from '../shown-text';

/** The most of each list a digest shows, however much room there is: beyond these, people stop reading. */
export const DIGEST_LIST_LIMITS: DigestListLimits = {
  reds: 50,
  ambers: 30,
  improvements: 5,
  signals: 15,
  quarterFigures: 40,
  missing: 25,
  overdue: 20,
  groups: 15,
};

export const SCORECARD_POINTER = 'see the Scorecard tab';

export interface DigestListLimits {
  readonly reds: number;
  readonly ambers: number;
  readonly improvements: number;
  /** Items in each of the signals section's two lists (concern, improvement). */
  readonly signals: number;
  /** Rows of the quarter-end section's quarter and year-to-date figures. */
  readonly quarterFigures: number;
  readonly missing: number;
  readonly overdue: number;
  /** Rows of each counts table before the rest are summed into "Other n". */
  readonly groups: number;
}

interface Layout {
  readonly limits: DigestListLimits;
  /** Free text longer than this is cut (only in the last resort, for absurdly long view texts). */
  readonly clip: number | null;
}

export function buildDigestCard(view: DigestCardView): AdaptiveCard {
  const full = build(view, { limits: DIGEST_LIST_LIMITS, clip: null });
  if (fits(full)) return full;
  // Binary search for the largest share (per mille) of the list limits that fits. Size grows
  // with the share, so the search finds the fullest card under the limit in about ten builds.
  let lo = 0;
  let hi = 1000;
  let best: AdaptiveCard | null = null;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    const card = build(view, { limits: scaled(mid), clip: null });
    if (fits(card)) {
      lo = mid;
      best = card;
    } else {
      hi = mid;
    }
  }
  if (best) return best;
  const countsOnly = build(view, { limits: scaled(0), clip: null });
  if (fits(countsOnly)) return countsOnly;
  // Only view texts of tens of kilobytes get here: cut them rather than fail to post the digest.
  return build(view, { limits: scaled(0), clip: 200 });
}

function fits(card: AdaptiveCard): boolean {
  return cardSizeBytes(card) <= CARD_SIZE_LIMIT_BYTES;
}

/** The list limits times perMille/1000, rounded up: any share above nothing keeps one of each. */
function scaled(perMille: number): DigestListLimits {
  const f = (n: number) => Math.ceil((n * perMille) / 1000);
  const l = DIGEST_LIST_LIMITS;
  return {
    reds: f(l.reds),
    ambers: f(l.ambers),
    improvements: f(l.improvements),
    signals: f(l.signals),
    quarterFigures: f(l.quarterFigures),
    missing: f(l.missing),
    overdue: f(l.overdue),
    groups: f(l.groups),
  };
}

// ---------------------------------------------------------------------------------------------

type CountColumn = { readonly key: keyof StatusCountsView; readonly status: Status; readonly chart: ChartColor };

/** The counts in the order the Board reads them. */
const ALL_COUNTS: readonly CountColumn[] = [
  { key: 'green', status: 'GREEN', chart: 'good' },
  { key: 'amber', status: 'AMBER', chart: 'warning' },
  { key: 'red', status: 'RED', chart: 'attention' },
  { key: 'dataOnly', status: 'DATA_ONLY', chart: 'neutral' },
  { key: 'missing', status: 'MISSING', chart: 'categoricalPurple' },
  { key: 'due', status: 'DUE', chart: 'categoricalBlue' },
  { key: 'awaiting', status: 'AWAITING_VERIFICATION', chart: 'categoricalLavender' },
];

/**
 * The counts this digest shows: "awaiting verification" only where the council holds unverified
 * figures back (#16) and some are, so the other councils' digests keep their six columns.
 */
function countsShown(totals: StatusCountsView): readonly CountColumn[] {
  return ALL_COUNTS.filter(({ key }) => key !== 'awaiting' || totals.awaiting > 0);
}

const count = (n: number) => n.toLocaleString('en-GB');
const totalOf = (c: StatusCountsView) => ALL_COUNTS.reduce((sum, { key }) => sum + c[key], 0);

/** "+1", "−2" (a real minus sign, read as "minus"), "no change". */
function change(now: number, before: number): string {
  const d = now - before;
  return d > 0 ? `+${count(d)}` : d < 0 ? `−${count(-d)}` : 'no change';
}

function build(view: DigestCardView, layout: Layout): AdaptiveCard {
  const clip = (text: string) => (layout.clip !== null && text.length > layout.clip ? `${text.slice(0, layout.clip - 1)}…` : text);
  const total = totalOf(view.totals);
  const reds = view.attention.filter((a) => a.status === 'RED');
  const ambers = view.attention.filter((a) => a.status === 'AMBER');
  const { limits } = layout;

  const body: CardElement[] = [
    textBlock(clip(`Performance Board digest: ${view.periodLabel}`), { size: 'Large', weight: 'Bolder', style: 'heading', wrap: true }),
    textBlock(clip(joinParts([`Covers ${view.coverageText}`, `${count(total)} indicators`, view.verificationText])), {
      isSubtle: true,
      spacing: 'None',
      wrap: true,
    }),
    ...totals(view, clip),
    ...groupTable('By scorecard lens', 'Lens', view.byLens, limits.groups, 'lenses', clip, countsShown(view.totals)),
    ...groupTable('By directorate', 'Directorate', view.byDirectorate, limits.groups, 'directorates', clip, countsShown(view.totals)),
    ...section(`Red (${count(reds.length)})`, 'Attention', reds, limits.reds, 'No reds this period.', (a) => attentionItem(a, clip)),
    ...section(`Amber (${count(ambers.length)})`, 'Warning', ambers, limits.ambers, 'No ambers this period.', (a) => attentionItem(a, clip)),
  ];
  if (view.recoveryOverdue.length > 0) {
    // Promises not kept: listed only when there are some, beside the reds they belong to.
    body.push(
      ...section(`Recovery overdue (${count(view.recoveryOverdue.length)})`, 'Attention', view.recoveryOverdue, limits.overdue, '', (r) => [recoveryOverdueItem(r, clip)]),
    );
  }
  if (view.signals) body.push(...signalsSection(view.signals, limits.signals, clip));
  if (view.improvements.length > 0) {
    body.push(...section('Celebrating success', 'Good', view.improvements, limits.improvements, '', (i) => improvementItem(i, clip)));
  }
  if (view.quarter) {
    body.push(
      ...section(
        `${view.quarter.quarterLabel} and year to date`,
        'Default',
        view.quarter.figures,
        limits.quarterFigures,
        'No figures for the quarter.',
        (q) => [quarterFigureItem(q, view.quarter!.quarterLabel, clip)],
      ),
    );
  }
  body.push(
    ...section(
      `Still missing (${count(view.missing.length)})`,
      'Default',
      view.missing,
      limits.missing,
      'Nothing is missing. Thank you.',
      (m) => [missingItem(m, clip)],
    ),
    ...section(
      `Overdue actions (${count(view.overdueActions.length)})`,
      'Default',
      view.overdueActions,
      limits.overdue,
      'No action in a plan is overdue.',
      (o) => [overdueItem(o, clip)],
    ),
    textBlock(clip(view.footnote), { isSubtle: true, size: 'Small', wrap: true, spacing: 'Large', separator: true }),
  );
  return adaptiveCard({ body, fallbackText: fallbackText(view, total, clip), fullWidth: true });
}

/** "Performance Board digest for October 2026 (...): 20 indicators. Green 11 (−1 since September 2026), ..." */
function fallbackText(view: DigestCardView, total: number, clip: (text: string) => string): string {
  const since = view.previousPeriodLabel ? clip(view.previousPeriodLabel) : null;
  const parts = countsShown(view.totals).map(({ key, status }) => {
    const n = view.totals[key];
    const delta = view.previousTotals && since ? ` (${change(n, view.previousTotals[key])} since ${since})` : '';
    return `${statusStyle(status).label} ${count(n)}${delta}`;
  });
  return `Performance Board digest for ${clip(view.periodLabel)} (${clip(view.coverageText)}): ${count(total)} indicators. ${parts.join(', ')}.`;
}

/** A tile per status: the count in its colour, the word, and the change since the last period. */
function totals(view: DigestCardView, clip: (text: string) => string): CardElement[] {
  const previous = view.previousTotals;
  const tiles = countsShown(view.totals).map(({ key, status }) => {
    const { label, color } = statusStyle(status);
    const items: CardElement[] = [
      textBlock(count(view.totals[key]), { size: 'ExtraLarge', weight: 'Bolder', color }),
      textBlock(label, { weight: 'Bolder', size: 'Small', spacing: 'None', wrap: true }),
    ];
    if (previous) items.push(textBlock(change(view.totals[key], previous[key]), { size: 'Small', isSubtle: true, spacing: 'None', wrap: true }));
    return column(items, { width: 'stretch' });
  });
  const out: CardElement[] = [columnSet(tiles, { spacing: 'Medium' })];
  if (previous && view.previousPeriodLabel) {
    out.push(textBlock(clip(`Change since ${view.previousPeriodLabel} under each count.`), { size: 'Small', isSubtle: true, wrap: true, spacing: 'Small' }));
  }
  const total = totalOf(view.totals);
  if (total > 0) {
    // Shares as words for clients without charts (iOS, previews): the counts are already above.
    const shares = ALL_COUNTS.filter(({ key }) => view.totals[key] > 0).map(
      ({ key, status }) => `${Math.round((view.totals[key] * 100) / total)}% ${statusStyle(status).label.toLowerCase()}`,
    );
    out.push(
      donutChart(
        ALL_COUNTS.filter(({ key }) => view.totals[key] > 0).map(({ key, status, chart }) => ({
          legend: `${statusStyle(status).label} ${count(view.totals[key])}`,
          value: view.totals[key],
          color: chart,
        })),
        textBlock(`Share of ${count(total)} indicators: ${shares.join(' · ')}`, { size: 'Small', wrap: true, spacing: 'Medium' }),
        { title: `Status of ${count(total)} indicators`, spacing: 'Medium' },
      ),
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Counts tables

const CELL_WIDTH = '52px' as const;

function cell(text: string, props: Partial<Pick<TextBlock, 'weight' | 'color' | 'isSubtle'>> = {}): Column {
  return column([textBlock(text, { size: 'Small', horizontalAlignment: 'Right', wrap: true, ...props })], { width: CELL_WIDTH });
}

function groupRow(name: string, counts: StatusCountsView, columns: readonly CountColumn[], bold = false): CardElement {
  return columnSet(
    [
      column([textBlock(name, { size: 'Small', wrap: true, ...(bold ? { weight: 'Bolder' as const } : {}) })], { width: 'stretch' }),
      ...columns.map(({ key, status }) => {
        const n = counts[key];
        // Reds and ambers stand out; the rest are plain numbers.
        const color: TextColor | undefined = n > 0 && (status === 'RED' || status === 'AMBER') ? statusStyle(status).color : undefined;
        return cell(count(n), { ...(color ? { color, weight: 'Bolder' as const } : {}), ...(bold ? { weight: 'Bolder' as const } : {}) });
      }),
    ],
    { spacing: 'Small', separator: true },
  );
}

/**
 * A table of counts. Past `limit` rows, the rows with the most reds (then ambers, then missing)
 * stay, in the view's order, and the rest are added up into one "Other n directorates" row.
 */
function groupTable(
  heading: string,
  nameHeader: string,
  groups: readonly DigestGroupView[],
  limit: number,
  plural: string,
  clip: (text: string) => string,
  columns: readonly CountColumn[],
): CardElement[] {
  if (groups.length === 0) return [];
  const out: CardElement[] = [sectionHeading(heading, 'Default')];
  if (limit === 0) {
    out.push(textBlock(`${count(groups.length)} ${plural}: ${SCORECARD_POINTER}.`, { size: 'Small', isSubtle: true, wrap: true, spacing: 'Small' }));
    return out;
  }
  out.push(
    columnSet(
      [
        column([textBlock(nameHeader, { size: 'Small', weight: 'Bolder', wrap: true })], { width: 'stretch' }),
        ...columns.map(({ status }) => cell(statusStyle(status).label, { weight: 'Bolder' })),
      ],
      { spacing: 'Small' },
    ),
  );
  let shown = groups;
  let others: readonly DigestGroupView[] = [];
  if (groups.length > limit) {
    const concern = (g: DigestGroupView) => [g.counts.red, g.counts.amber, g.counts.missing] as const;
    const ranked = [...groups].sort((a, b) => {
      const [ar, aa, am] = concern(a);
      const [br, ba, bm] = concern(b);
      return br - ar || ba - aa || bm - am;
    });
    const kept = new Set(ranked.slice(0, limit));
    shown = groups.filter((g) => kept.has(g));
    others = groups.filter((g) => !kept.has(g));
  }
  out.push(...shown.map((g) => groupRow(clip(g.name), g.counts, columns)));
  if (others.length > 0) {
    const summed = Object.fromEntries(ALL_COUNTS.map(({ key }) => [key, others.reduce((s, g) => s + g.counts[key], 0)])) as unknown as StatusCountsView;
    out.push(groupRow(`Other ${count(others.length)} ${plural}`, summed, columns, true));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Lists

function sectionHeading(text: string, color: TextColor): TextBlock {
  return textBlock(text, { size: 'Medium', weight: 'Bolder', color, wrap: true, spacing: 'Large', separator: true });
}

/** A heading, the first `limit` items, and "and n more" for the rest; `none` when the list is empty. */
function section<T>(
  heading: string,
  color: TextColor,
  items: readonly T[],
  limit: number,
  none: string,
  render: (item: T) => CardElement[],
): CardElement[] {
  if (items.length === 0) return [sectionHeading(heading, color), textBlock(none, { wrap: true, spacing: 'Small' })];
  return [sectionHeading(heading, color), ...firstOf(items, limit, render)];
}

/** The first `limit` items, and "and n more" for the rest. */
function firstOf<T>(items: readonly T[], limit: number, render: (item: T) => CardElement[]): CardElement[] {
  const out = items.slice(0, limit).flatMap(render);
  const more = items.length - Math.min(limit, items.length);
  if (more > 0) {
    out.push(
      textBlock(limit === 0 ? `All ${count(more)}: ${SCORECARD_POINTER}.` : `and ${count(more)} more: ${SCORECARD_POINTER}.`, {
        size: 'Small',
        isSubtle: true,
        wrap: true,
        spacing: 'Small',
      }),
    );
  }
  return out;
}

function attentionItem(a: DigestAttentionView, clip: (text: string) => string): CardElement[] {
  // Reds always say where their plan stands ("Plan: none" too); ambers only once one is asked for.
  const plan = a.planState ? planStateText(a.planState) : a.status === 'RED' ? planStateText('NONE') : null;
  return [
    textBlock(shown(clip(`${a.code} · ${a.title}`)), { weight: 'Bolder', wrap: true, spacing: 'Small' }),
    textBlock(clip(joinParts([a.owner, a.valueAgainstTarget, `${trendText(a.trend)} (${a.comparisonText})`, a.changeText, plan, a.narrativeOwed ? 'narrative owed' : null,
      a.estimated ? 'estimate' : null, a.unverified ? 'not yet verified' : null])), {
      size: 'Small',
      wrap: true,
      spacing: 'None',
    }),
  ];
}

/**
 * Special causes new this period, of concern and of improvement (#17): what the Board should react
 * to, whatever the colour; everything else moved within normal variation.
 */
function signalsSection(signals: DigestSignalsView, limit: number, clip: (text: string) => string): CardElement[] {
  const item = (s: DigestSignalView): CardElement[] => [
    textBlock(shown(clip(`${s.code} · ${s.title}`)), { weight: 'Bolder', wrap: true, spacing: 'Small' }),
    textBlock(clip(joinParts([s.text, s.statusLabel])), { size: 'Small', wrap: true, spacing: 'None' }),
  ];
  const out: CardElement[] = [
    sectionHeading('Signals: new special causes', 'Default'),
    textBlock(clip(`${signals.analysedText}. A special cause is a change the process does not usually produce; every other change this period is within normal variation.`), {
      size: 'Small', isSubtle: true, wrap: true, spacing: 'Small',
    }),
  ];
  if (signals.concern.length === 0 && signals.improvement.length === 0) {
    out.push(textBlock('No new signals this period.', { wrap: true, spacing: 'Small' }));
  }
  out.push(...subsection(`Of concern (${count(signals.concern.length)})`, 'Attention', signals.concern, limit, item));
  out.push(...subsection(`Of improvement (${count(signals.improvement.length)})`, 'Good', signals.improvement, limit, item));
  if (signals.continuing.length > 0) {
    const shownCodes = signals.continuing.slice(0, limit * 2);
    const more = signals.continuing.length - shownCodes.length;
    out.push(textBlock(clip(`Still signalling: ${shownCodes.join(', ')}${more > 0 ? ` and ${count(more)} more` : ''}.`), { size: 'Small', wrap: true, spacing: 'Medium' }));
  }
  return out;
}

function subsection<T>(heading: string, color: TextColor, items: readonly T[], limit: number, render: (item: T) => CardElement[]): CardElement[] {
  if (items.length === 0) return [];
  return [textBlock(heading, { weight: 'Bolder', color, wrap: true, spacing: 'Medium' }), ...firstOf(items, limit, render)];
}

function improvementItem(i: DigestImprovementView, clip: (text: string) => string): CardElement[] {
  return [
    textBlock(shown(clip(`${i.code} · ${i.title}`)), { weight: 'Bolder', wrap: true, spacing: 'Small' }),
    textBlock(clip(joinParts([i.owner, i.statusChange, i.movement])), { size: 'Small', wrap: true, spacing: 'None' }),
  ];
}

function quarterFigureItem(q: DigestQuarterFigureView, quarterLabel: string, clip: (text: string) => string): CardElement {
  const figures = joinParts([`${quarterLabel}: ${q.quarterText ?? 'no figure'}`, `year to date: ${q.yearToDateText ?? 'no figure'}`]);
  return textBlock(shown(clip(`${q.code} · ${q.title} — ${figures}`)), { size: 'Small', wrap: true, spacing: 'Small' });
}

function missingItem(m: DigestMissingView, clip: (text: string) => string): CardElement {
  return textBlock(shown(clip(joinParts([`${m.code} · ${m.title}`, m.owner, m.periodLabel], ' — '))), { size: 'Small', wrap: true, spacing: 'Small' });
}

function overdueItem(o: OverdueActionView, clip: (text: string) => string): CardElement {
  return textBlock(shown(clip(`${o.code}: ${o.description} — lead ${o.lead}, ${o.dueText}`)), { size: 'Small', wrap: true, spacing: 'Small' });
}

function recoveryOverdueItem(r: DigestRecoveryOverdueView, clip: (text: string) => string): CardElement {
  return textBlock(shown(clip(joinParts([`${r.code} · ${r.title}`, r.owner, r.text], ' — '))), { size: 'Small', wrap: true, spacing: 'Small' });
}
