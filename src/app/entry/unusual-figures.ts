/**
 * Which of a submission's figures must be asked about before they are stored (#16): a figure that
 * is unusual for its indicator (src/domain/unusual-value.ts) and that its owner has not confirmed.
 *
 * A confirmation counts only for the figure it was given for: the card's "this figure is right"
 * toggle carries the figure it was shown beside, so changing the figure asks again. A figure equal
 * to the one already stored is never asked about again and keeps its stored confirmation, so a
 * resubmission of the card neither nags nor makes a new version.
 */
import { parsePeriod } from '../../domain/periods';
import { BASELINE_POINTS } from '../../domain/variation';
import { unusualValue } from '../../domain/unusual-value';
import type { Period } from '../../domain/periods';
import type { Repositories } from '../../db/store';
import type { EntryRowSnapshot } from './entry-snapshot';

/** A figure that passed validation, with what the owner said of it on the card. */
export interface CheckedFigure {
  readonly indicatorId: string;
  readonly value: number;
  /** The figure the owner confirmed as right ("" for none). */
  readonly confirmed: string;
}

export interface UnusualOutcome {
  /** By indicator id: the questions to ask, one sentence each; empty when nothing needs asking. */
  readonly questions: ReadonlyMap<string, readonly string[]>;
  /** By indicator id: whether the figure is stored as a confirmed unusual one. */
  readonly confirmed: ReadonlyMap<string, boolean>;
}

/**
 * History enough for the process limits (BASELINE_POINTS) and for a cumulative figure's first
 * month of the year to be judged by what it added (the year before's months are not needed: April
 * adds its whole figure).
 */
const HISTORY_PERIODS = BASELINE_POINTS + 1;

export async function checkUnusualFigures(
  repos: Pick<Repositories, 'values'>,
  period: Period,
  periodText: string,
  rows: ReadonlyMap<string, EntryRowSnapshot>,
  figures: readonly CheckedFigure[],
): Promise<UnusualOutcome> {
  const questions = new Map<string, readonly string[]>();
  const confirmed = new Map<string, boolean>();
  const changed = figures.filter((figure) => {
    const stored = rows.get(figure.indicatorId)?.current.value ?? null;
    if (stored && stored.value === figure.value) {
      confirmed.set(figure.indicatorId, stored.unusualConfirmed);
      return false;
    }
    return true;
  });
  if (changed.length === 0) return { questions, confirmed };

  const history = await repos.values.figuresBefore(changed.map((f) => f.indicatorId), periodText, HISTORY_PERIODS);
  const byIndicator = new Map<string, { period: Period; value: number }[]>();
  for (const point of history) {
    const parsed = parsePeriod(point.period);
    if (!parsed.ok) continue;
    const list = byIndicator.get(point.indicatorId) ?? [];
    list.push({ period: parsed.value, value: point.value });
    byIndicator.set(point.indicatorId, list);
  }
  for (const figure of changed) {
    const indicator = rows.get(figure.indicatorId)!.indicator;
    const unusual = unusualValue({ indicator, period, value: figure.value, history: byIndicator.get(figure.indicatorId) ?? [] });
    const isUnusual = unusual.reasons.length > 0;
    const confirmedHere = isUnusual && figure.confirmed.trim() !== '' && Number(figure.confirmed) === figure.value;
    if (isUnusual && !confirmedHere) questions.set(figure.indicatorId, unusual.messages);
    confirmed.set(figure.indicatorId, confirmedHere);
  }
  return { questions, confirmed };
}
