/**
 * Read model: every active indicator of a period's frequency, with its figure, target, status and
 * direction of travel. The bot's "my indicators", the Board digest and the Scorecard tab all read
 * the register through this one function, so a status means the same thing everywhere.
 */
import type { Store } from '../db/store';
import type { IndicatorRecord } from '../db/repositories/indicator-repository';
import type { ValueVersion } from '../db/repositories/value-repository';
import type { Status, Tolerance, Travel } from '../domain/types';
import { frequencyOfPeriod, parsePeriod, periodKey, previousPeriod, samePeriodLastYear, type Period } from '../domain/periods';
import { periodFigure, targetForPeriod, type SeriesPoint, type TargetPoint } from '../domain/aggregation';
import { rateValue } from '../domain/status';
import { resolveTolerance } from '../domain/tolerance';
import { directionOfTravel } from '../domain/travel';
import { deadlinePassed } from '../domain/deadline';

export interface IndicatorStatus {
  readonly indicator: IndicatorRecord;
  readonly period: string;
  /** The figure rated: the value as entered, or the rolling figure for ROLLING12 indicators. */
  readonly figure: number | null;
  /** The current version of the period's value, if any. */
  readonly value: ValueVersion | null;
  readonly target: number | null;
  readonly tolerance: Tolerance;
  readonly status: Status;
  readonly sincePreviousPeriod: Travel;
  readonly sinceLastYear: Travel;
}

export interface StatusQuery {
  readonly period: Period;
  readonly now: Date;
  readonly defaultTolerance: Tolerance;
  /** Only these indicators (by id); all active ones when absent. */
  readonly indicatorIds?: readonly string[];
}

export async function registerStatus(store: Store, query: StatusQuery): Promise<IndicatorStatus[]> {
  const frequency = frequencyOfPeriod(query.period);
  const wanted = query.indicatorIds ? new Set(query.indicatorIds) : null;
  const indicators = (await store.repos.indicators.listActive()).filter(
    (indicator) => indicator.frequency === frequency && (!wanted || wanted.has(indicator.id)),
  );
  if (indicators.length === 0) return [];
  const ids = indicators.map((indicator) => indicator.id);
  const [values, targets, window] = await Promise.all([
    store.repos.values.currentFor(ids),
    store.repos.targets.forIndicators(ids),
    store.repos.periods.find(periodKey(query.period)),
  ]);
  const passed = deadlinePassed(query.period, window, query.now);
  const valuesById = groupBy(values, (v) => v.indicatorId);
  const targetsById = groupBy(targets, (t) => t.indicatorId);

  return indicators.map((indicator) => {
    const versions = valuesById.get(indicator.id) ?? [];
    const series: SeriesPoint[] = versions.flatMap((v) => withPeriod(v.period, (period) => ({ period, value: v.value })));
    const targetPoints: TargetPoint[] = (targetsById.get(indicator.id) ?? []).flatMap((t) =>
      withPeriod(t.period, (period) => ({ period, value: t.value })),
    );
    const figureAt = (period: Period) => periodFigure(indicator.aggregation, series, period);
    const figure = figureAt(query.period);
    const target = targetForPeriod(indicator.aggregation, targetPoints, query.period);
    const tolerance = resolveTolerance(indicator.tolerance, query.defaultTolerance);
    const key = periodKey(query.period);
    return {
      indicator,
      period: key,
      figure,
      value: versions.find((v) => v.period === key) ?? null,
      target,
      tolerance,
      status: rateValue({
        value: figure, target, tolerance, polarity: indicator.polarity, kind: indicator.kind,
        decimals: indicator.decimals, deadlinePassed: passed,
      }),
      sincePreviousPeriod: directionOfTravel(figure, figureAt(previousPeriod(query.period)), indicator.polarity, target, indicator.decimals),
      sinceLastYear: directionOfTravel(figure, figureAt(samePeriodLastYear(query.period)), indicator.polarity, target, indicator.decimals),
    };
  });
}

function withPeriod<T>(key: string, make: (period: Period) => T): T[] {
  const parsed = parsePeriod(key);
  return parsed.ok ? [make(parsed.value)] : [];
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
