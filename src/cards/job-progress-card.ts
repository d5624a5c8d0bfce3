/**
 * The progress card of a long step run for the performance team (open, remind, escalate, close,
 * the Board's digest): posted at once as the answer to the command, then updated in place by the
 * job runner every few seconds until it says the step is done, with its outcome.
 *
 * Adaptive Cards have no progress element, so the bar is drawn: a ColumnSet whose columns' widths
 * are the shares sent, failed and still to go, each a coloured container. Colour is never the only
 * signal: the line under the bar says the same in words, and the fallback text draws a text bar.
 */
import {
  adaptiveCard,
  column,
  columnSet,
  container,
  factSet,
  textBlock,
  type AdaptiveCard,
  type CardElement,
  type Column,
  type Fact,
  type TextColor,
} from './adaptive-card';

export type JobCardState = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';

/** The bar: whole percentages of the expected messages, summing to 100, and the same in words. */
export interface JobProgressBarView {
  readonly sent: number;
  readonly failed: number;
  readonly rest: number;
  /** "45% · 900 of 2,000 sent, 2 failed". */
  readonly label: string;
}

export interface JobProgressView {
  /** "Open October 2026". */
  readonly title: string;
  /** "open 2026-10 · asked for by Priya Shah at 17 Nov 2026, 10:00". */
  readonly subtitle: string;
  readonly state: JobCardState;
  /** "Recording prompts: 400 of 2,000", "Sending", "Done", … */
  readonly stateText: string;
  readonly bar: JobProgressBarView | null;
  /** Recorded, sent, failed, waiting, time left: already formatted. */
  readonly facts: readonly Fact[];
  /** Once done: what the step did, as the chat reply used to say it (Markdown Teams renders). */
  readonly outcome: readonly string[];
  readonly note: string | null;
}

/** The id of the state line, so a test (or a person reading the JSON) can find it. */
export const JOB_STATE_ID = 'job-state';

const STATE_COLORS: Readonly<Record<JobCardState, TextColor>> = {
  QUEUED: 'Accent',
  RUNNING: 'Accent',
  DONE: 'Good',
  FAILED: 'Attention',
};

const TEXT_BAR_CELLS = 20;

export function buildJobProgressCard(view: JobProgressView): AdaptiveCard {
  const body: CardElement[] = [
    textBlock(view.title, { size: 'Large', weight: 'Bolder', style: 'heading', wrap: true }),
    textBlock(view.subtitle, { isSubtle: true, spacing: 'None', wrap: true, size: 'Small' }),
    textBlock(view.stateText, { id: JOB_STATE_ID, color: STATE_COLORS[view.state], weight: 'Bolder', wrap: true, spacing: 'Medium' }),
  ];
  if (view.bar) body.push(...progressBar(view.bar));
  if (view.facts.length > 0) body.push(factSet(view.facts, { spacing: 'Medium' }));
  if (view.outcome.length > 0) {
    body.push(container(view.outcome.map((line, i) => textBlock(line, { wrap: true, ...(i > 0 ? { spacing: 'Small' as const } : {}) })), {
      style: view.state === 'FAILED' ? 'attention' : 'good',
      spacing: 'Medium',
    }));
  }
  if (view.note) body.push(textBlock(view.note, { isSubtle: true, size: 'Small', wrap: true, spacing: 'Medium' }));
  return adaptiveCard({ body, fallbackText: fallbackText(view) });
}

function progressBar(bar: JobProgressBarView): CardElement[] {
  const segments: Column[] = [];
  const segment = (width: number, style: 'good' | 'attention' | 'emphasis') => {
    if (width > 0) segments.push(column([], { width, style, minHeight: '12px', spacing: 'None' }));
  };
  segment(bar.sent, 'good');
  segment(bar.failed, 'attention');
  segment(bar.rest, 'emphasis');
  return [
    columnSet(segments, { spacing: 'Small' }),
    textBlock(bar.label, { size: 'Small', spacing: 'Small', wrap: true }),
  ];
}

/** "[##########----------]": the bar in characters, for clients that show only text (the label says the figures). */
export function textBar(bar: Pick<JobProgressBarView, 'sent' | 'failed'>): string {
  const done = Math.round(((bar.sent + bar.failed) * TEXT_BAR_CELLS) / 100);
  return `[${'#'.repeat(done)}${'-'.repeat(TEXT_BAR_CELLS - done)}]`;
}

function fallbackText(view: JobProgressView): string {
  const parts = [`${view.title}: ${view.stateText}.`];
  if (view.bar) parts.push(`${textBar(view.bar)} ${view.bar.label}.`);
  if (view.facts.length > 0) parts.push(view.facts.map((f) => `${f.title}: ${f.value}`).join('; ') + '.');
  if (view.outcome.length > 0) parts.push(view.outcome.join(' ').replace(/\*\*/g, ''));
  return parts.join(' ');
}
