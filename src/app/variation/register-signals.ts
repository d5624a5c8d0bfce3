/**
 * The signals (#17) of many indicators at once, each at its own period, from two reads: each
 * indicator's figures of the HISTORY_PERIODS periods up to its own (one scan of that range for the
 * indicators sharing a period) and the targets of the years shown. The analysis itself is pure (indicator-signals.ts).
 */
import type { Repositories } from '../../db/store';
import type { IndicatorRecord } from '../../db/repositories/indicator-repository';
import { financialYearOf, parsePeriod, periodKey, previousPeriod, shiftPeriod, type Period } from '../../domain/periods';
import type { VariationPoint } from '../../domain/variation';
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
  readonly points: readonly VariationPoint[];
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
  const [histories, targets] = await Promise.all([
    Promise.all(groups.map((g) => repos.values.histories(
      g.items.map((i) => i.indicator.id), periodKey(shiftPeriod(g.period, 1 - HISTORY_PERIODS)), periodKey(g.period),
    ))),
    repos.targets.forIndicatorsInYears(ids, years),
  ]);
  const targetsOf = new Map<string, Map<string, number>>();
  for (const t of targets) {
    const mine = targetsOf.get(t.indicatorId) ?? new Map<string, number>();
    mine.set(t.period, t.value);
    targetsOf.set(t.indicatorId, mine);
  }
  // A register's histories share a few dozen period keys: each is parsed once.
  const parsedKeys = new Map<string, Period | null>();
  const periodOf = (key: string): Period | null => {
    let period = parsedKeys.get(key);
    if (period === undefined) {
      const parsed = parsePeriod(key);
      period = parsed.ok ? parsed.value : null;
      parsedKeys.set(key, period);
    }
    return period;
  };
  return groups.flatMap((group, i) => group.items.map((item) => {
    const history = histories[i]!.get(item.indicator.id);
    const points: VariationPoint[] = [];
    history?.periods.forEach((key, k) => {
      const period = periodOf(key);
      if (period) points.push({ period, value: history.values[k]! });
    });
    return { indicator: item.indicator, period: group.period, points, targets: targetsOf.get(item.indicator.id) ?? new Map<string, number>() };
  }));
}
