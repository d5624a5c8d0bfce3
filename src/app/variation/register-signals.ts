/**
 * The signals (#17) of many indicators at once, each at its own period, from two reads: each
 * indicator's latest figures up to its period (one index probe per indicator, HISTORY_PERIODS deep)
 * and the targets of the years shown. The analysis itself is pure (indicator-signals.ts).
 */
import type { Repositories } from '../../db/store';
import type { IndicatorRecord } from '../../db/repositories/indicator-repository';
import { financialYearOf, nextPeriod, parsePeriod, periodKey, previousPeriod, type Period } from '../../domain/periods';
import type { RunLengths } from '../../domain/variation-settings';
import { indicatorSignals, type IndicatorSignals, type SignalsIndicator } from './indicator-signals';

/**
 * Six years of a monthly measure: five previous years' profiles for the forecast, and enough points
 * for the limits after a rebase.
 */
export const HISTORY_PERIODS = 72;

export interface SignalsWanted {
  readonly indicator: Pick<IndicatorRecord, 'id'> & SignalsIndicator;
  /** The period key the signals are for, of the indicator's own frequency. */
  readonly period: string;
}

/** By indicator id. An indicator whose period key does not parse is left out. */
export async function registerSignals(
  repos: Pick<Repositories, 'values' | 'targets'>,
  wanted: readonly SignalsWanted[],
  runLengths: RunLengths,
): Promise<Map<string, IndicatorSignals>> {
  const histories = await loadHistories(repos, wanted);
  return new Map(histories.map((h) => [h.indicator.id, indicatorSignals({ ...h, runLengths })]));
}

export interface SignalsNowAndBefore {
  readonly now: IndicatorSignals;
  /** The same indicator's signals at the period before, from the same history: what was already known. */
  readonly before: IndicatorSignals;
}

/** As registerSignals, with each indicator's signals at the period before too, to tell a new signal from a continuing one. */
export async function registerSignalsNowAndBefore(
  repos: Pick<Repositories, 'values' | 'targets'>,
  wanted: readonly SignalsWanted[],
  runLengths: RunLengths,
): Promise<Map<string, SignalsNowAndBefore>> {
  const histories = await loadHistories(repos, wanted);
  return new Map(histories.map((h) => [h.indicator.id, {
    now: indicatorSignals({ ...h, runLengths }),
    before: indicatorSignals({ ...h, period: previousPeriod(h.period), runLengths }),
  }]));
}

interface History {
  readonly indicator: SignalsWanted['indicator'];
  readonly period: Period;
  readonly figures: readonly { readonly period: string; readonly value: number }[];
  readonly targets: ReadonlyMap<string, number>;
}

async function loadHistories(repos: Pick<Repositories, 'values' | 'targets'>, wanted: readonly SignalsWanted[]): Promise<History[]> {
  const byPeriod = new Map<string, { period: Period; items: SignalsWanted[] }>();
  for (const item of wanted) {
    const parsed = parsePeriod(item.period);
    if (!parsed.ok) continue;
    const group = byPeriod.get(item.period) ?? { period: parsed.value, items: [] };
    group.items.push(item);
    byPeriod.set(item.period, group);
  }
  const groups = [...byPeriod.values()];
  const ids = [...new Set(wanted.map((w) => w.indicator.id))];
  const years = [...new Set(groups.map((g) => financialYearOf(g.period)))];
  const [figureLists, targets] = await Promise.all([
    // Up to and including the period: "before the next one" on the same key shape.
    Promise.all(groups.map((g) => repos.values.figuresBefore(g.items.map((i) => i.indicator.id), periodKey(nextPeriod(g.period)), HISTORY_PERIODS))),
    repos.targets.forIndicatorsInYears(ids, years),
  ]);
  const targetsOf = new Map<string, Map<string, number>>();
  for (const t of targets) {
    const mine = targetsOf.get(t.indicatorId) ?? new Map<string, number>();
    mine.set(t.period, t.value);
    targetsOf.set(t.indicatorId, mine);
  }
  return groups.flatMap((group, i) => {
    const figuresOf = new Map<string, { period: string; value: number }[]>();
    for (const f of figureLists[i]!) {
      const list = figuresOf.get(f.indicatorId);
      if (list) list.push(f);
      else figuresOf.set(f.indicatorId, [f]);
    }
    return group.items.map((item) => ({
      indicator: item.indicator,
      period: group.period,
      figures: figuresOf.get(item.indicator.id) ?? [],
      targets: targetsOf.get(item.indicator.id) ?? new Map<string, number>(),
    }));
  });
}
