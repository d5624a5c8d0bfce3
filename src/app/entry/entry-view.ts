/**
 * Turns an entry snapshot into the entry card's view model: every number and date formatted for
 * UK readers, every status and trend decided here, so the card builder only lays things out.
 */
import type { EntryCardView, EntryRowView, NarrativeView, Banner } from '../../cards/view-models';
import type { Unit } from '../../domain/types';
import { formatValue } from '../../domain/numbers';
import { periodKey, periodLabel, periodShortLabel, previousPeriod } from '../../domain/periods';
import { describeStatus } from '../../domain/status';
import { needsNarrative as statusNeedsNarrative } from '../../domain/narrative-owed';
import { polarityLabel, unitLabel } from '../../domain/vocabulary';
import { formatUkDateTime, formatUkLongDateTime } from '../../domain/dates';
import type { EntryRowSnapshot, EntrySnapshot } from './entry-snapshot';

/** What the person typed and what was wrong with it, for rows refused on submission. */
export interface RowFeedback {
  readonly inputValue?: string;
  readonly note?: string;
  /** The estimate toggle as it was sent. */
  readonly estimated?: boolean;
  readonly error?: string | null;
  /** An unusual figure not yet confirmed: the questions to ask, and the figure a confirmation is for. */
  readonly unusual?: { readonly questions: readonly string[]; readonly value: string };
  readonly narrative?: { remedialAction: string; likelyToRecover: string; recoveryPeriod: string; error: string | null };
}

export interface EntryViewOptions {
  readonly personName: string;
  readonly banner?: Banner | null;
  readonly feedback?: ReadonlyMap<string, RowFeedback>;
  readonly refreshUserIds?: readonly string[];
  readonly correctionOf?: string | null;
}

export function buildEntryView(snapshot: EntrySnapshot, options: EntryViewOptions): EntryCardView {
  return {
    period: periodKey(snapshot.period),
    periodLabel: periodLabel(snapshot.period).split(' (')[0]!,
    personName: options.personName,
    deadlineText: snapshot.window?.deadline ? `Due by ${formatUkLongDateTime(snapshot.window.deadline)}` : null,
    state: snapshot.isOpen ? 'OPEN' : 'CLOSED',
    rows: snapshot.rows.map((row) => rowView(row, snapshot, options.feedback?.get(row.indicator.id))),
    banner: options.banner ?? null,
    refreshUserIds: options.refreshUserIds ?? [],
    correctionOf: options.correctionOf ?? null,
  };
}

function rowView(row: EntryRowSnapshot, snapshot: EntrySnapshot, feedback: RowFeedback | undefined): EntryRowView {
  const { indicator, current, previous } = row;
  const format = (value: number) => formatValue(value, indicator.unit, indicator.decimals);
  const latest = current.value;
  const needsNarrative = latest !== null && statusNeedsNarrative(current.status);
  const narrative: NarrativeView | null =
    needsNarrative || feedback?.narrative
      ? {
          required: needsNarrative && row.narrative === null,
          remedialAction: feedback?.narrative?.remedialAction ?? row.narrative?.remedialAction ?? '',
          likelyToRecover: (feedback?.narrative?.likelyToRecover as NarrativeView['likelyToRecover']) || row.narrative?.likelyToRecover || null,
          recoveryPeriod: feedback?.narrative?.recoveryPeriod ?? row.narrative?.recoveryPeriod ?? '',
          givenBy: row.narrative ? `${snapshot.names.get(row.narrative.enteredById) ?? 'Unknown'}, ${formatUkDateTime(row.narrative.enteredAt)}` : null,
          error: feedback?.narrative?.error ?? null,
        }
      : null;
  return {
    indicatorId: indicator.id,
    code: indicator.code,
    title: indicator.title,
    unitLabel: shortUnit(indicator.unit),
    targetText:
      current.target === null || indicator.kind === 'DATA_ONLY'
        ? null
        : `Target ${format(current.target)} (${polarityLabel(indicator.polarity).toLowerCase()})`,
    lastValueText: previous?.figure != null ? `Last: ${format(previous.figure)} (${periodShortLabel(previousPeriod(snapshot.period))})` : null,
    trend: latest ? current.travel.short : (previous?.travel.short ?? 'NOT_COMPARABLE'),
    min: minFor(indicator.unit),
    max: indicator.unit === 'PERCENT' && !indicator.allowAboveHundred ? 100 : null,
    inputValue: feedback?.inputValue ?? (latest ? String(latest.value) : ''),
    note: feedback?.note ?? latest?.note ?? '',
    estimated: feedback?.estimated ?? latest?.estimated ?? false,
    unusual: feedback?.unusual ? { questions: feedback.unusual.questions, confirmValue: feedback.unusual.value } : null,
    saved: latest
      ? {
          valueText: format(latest.value),
          status: current.status,
          statusText: describeStatus(current.status),
          byText: `${latest.enteredById ? (snapshot.names.get(latest.enteredById) ?? 'Unknown') : 'the performance team'}, ${formatUkDateTime(latest.enteredAt)}`,
          version: latest.version,
          estimated: latest.estimated,
          unusualConfirmed: latest.unusualConfirmed,
        }
      : null,
    narrative,
    error: feedback?.error ?? null,
  };
}

function minFor(unit: Unit): number | null {
  return unit === 'CURRENCY' ? null : 0;
}

function shortUnit(unit: Unit): string {
  return unit === 'PERCENT' ? '%' : unit === 'CURRENCY' ? '£' : unitLabel(unit).toLowerCase();
}
