/**
 * Turns a verifier's snapshot into the verifier card's view model: every figure, date and state in
 * words, so the card builder only lays things out.
 */
import type { Banner } from '../../cards/view-models';
import type { VerifyCardView, VerifyRowView, VerificationStateView } from '../../cards/verification/verification-view-models';
import { formatValue } from '../../domain/numbers';
import { periodKey, periodLabel, periodShortLabel, previousPeriod } from '../../domain/periods';
import { describeStatus } from '../../domain/status';
import { polarityLabel } from '../../domain/vocabulary';
import { formatUkDateTime } from '../../domain/dates';
import { latestQuery, verificationState, verifiedText } from '../../domain/verification';
import type { VerifyRowSnapshot, VerifySnapshot } from './verification-snapshot';

/** What was chosen on a refused submission, and why, by indicator id. */
export interface VerifyFeedback {
  readonly chosen: 'VERIFY' | 'QUERY' | null;
  readonly comment: string;
  readonly error: string | null;
}

export interface VerifyViewOptions {
  readonly personName: string;
  readonly banner?: Banner | null;
  readonly feedback?: ReadonlyMap<string, VerifyFeedback>;
  readonly refreshUserIds?: readonly string[];
}

export function buildVerifyView(snapshot: VerifySnapshot, options: VerifyViewOptions): VerifyCardView {
  const states = snapshot.rows.map((row) => verificationState(row.decisions));
  return {
    period: periodKey(snapshot.period),
    periodLabel: periodLabel(snapshot.period).split(' (')[0]!,
    personName: options.personName,
    progressText: verifiedText(states),
    rows: snapshot.rows.map((row) => rowView(row, snapshot, options.feedback?.get(row.current.indicator.id))),
    banner: options.banner ?? null,
    refreshUserIds: options.refreshUserIds ?? [],
  };
}

/** A value's flags in words, or null: "(estimate; unusual, confirmed by the owner)". */
export function flagsText(value: { estimated: boolean; unusualConfirmed: boolean }): string | null {
  const flags = [value.estimated ? 'estimate' : null, value.unusualConfirmed ? 'unusual, confirmed by the owner' : null].filter(Boolean);
  return flags.length > 0 ? `(${flags.join('; ')})` : null;
}

function rowView(row: VerifyRowSnapshot, snapshot: VerifySnapshot, feedback: VerifyFeedback | undefined): VerifyRowView {
  const { current, previous } = row;
  const { indicator } = current;
  const value = current.value!;
  const format = (n: number) => formatValue(n, indicator.unit, indicator.decimals);
  const name = (id: string | null) => (id ? (snapshot.names.get(id) ?? 'Unknown') : 'the performance team');
  const state: VerificationStateView = verificationState(row.decisions);
  const latest = row.decisions.at(-1) ?? null;
  const query = latestQuery(row.decisions) ?? row.earlierQueries.at(-1) ?? null;
  let stateText: string | null = null;
  if (state === 'VERIFIED' && latest) stateText = `Verified by ${name(latest.decidedById)}, ${formatUkDateTime(latest.decidedAt)}`;
  else if (state === 'QUERIED' && latest) stateText = `Queried by ${name(latest.decidedById)}, ${formatUkDateTime(latest.decidedAt)}: ${latest.comment}`;
  else if (query && latest?.decision === 'CONFIRMED_BY_OWNER') {
    stateText = `Queried earlier: ${sentence(query.comment)} ${name(latest.decidedById)} confirmed the figure${latest.comment ? `: ${latest.comment}` : '.'}`;
  } else if (query) stateText = `Queried earlier: ${sentence(query.comment)} Corrected since (version ${value.version}).`;
  return {
    indicatorId: indicator.id,
    code: indicator.code,
    title: indicator.title,
    version: value.version,
    valueText: format(current.figure ?? value.value),
    flagsText: flagsText(value),
    status: current.status,
    statusText: describeStatus(current.status),
    lastValueText: previous?.figure != null ? `Last: ${format(previous.figure)} (${periodShortLabel(previousPeriod(snapshot.period))})` : null,
    targetText: current.target === null || indicator.kind === 'DATA_ONLY' ? null : `Target ${format(current.target)} (${polarityLabel(indicator.polarity).toLowerCase()})`,
    enteredText: `Entered by ${name(value.enteredById)}, ${formatUkDateTime(value.enteredAt)}${value.version > 1 ? ` (corrected, version ${value.version})` : ''}`,
    state,
    stateText,
    chosen: feedback?.chosen ?? null,
    comment: feedback?.comment ?? '',
    error: feedback?.error ?? null,
  };
}

/** Text ending as a sentence does: a full stop added unless it ends with one already (or ? or !). */
function sentence(text: string): string {
  return /[.?!…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}
