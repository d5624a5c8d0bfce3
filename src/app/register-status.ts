/**
 * Read model: every active indicator of a period's frequency, with its figure, target, status and
 * direction of travel. The bot's "my indicators", the Board digest and the Scorecard tab all read
 * the register through this one function, so a status means the same thing everywhere.
 */
import type { Store } from '../db/store';
import type { IndicatorRecord } from '../db/repositories/indicator-repository';
import type { ValueVersion } from '../db/repositories/value-repository';
import type { TargetRecord } from '../db/repositories/target-repository';
import type { ReportingPeriodRecord } from '../db/repositories/period-repository';
import type { Status, Tolerance, Travel } from '../domain/types';
import { financialYearOf, frequencyOfPeriod, parsePeriod, periodKey, previousPeriod, samePeriodLastYear, type Period } from '../domain/periods';
import { figureWindow, periodFigure, targetForPeriod, type SeriesPoint, type TargetPoint } from '../domain/aggregation';
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
  /** Only indicators these people own or cover as delegates. */
  readonly coveredBy?: readonly string[];
}

export type StatusesQuery = Omit<StatusQuery, 'period'> & { readonly periods: readonly Period[] };

export async function registerStatus(store: Store, query: StatusQuery): Promise<IndicatorStatus[]> {
  const [statuses] = await registerStatuses(store, { ...query, periods: [query.period] });
  return statuses!;
}

/**
 * The register's status at several periods (of any frequencies) from one set-based read: the
 * indicators narrowed in the query, and only the values a status needs, the current version for
 * each period, the one before and the same one last year (for ROLLING12, the years ending with
 * them), with the targets of their financial years. Never an indicator's whole history, so the
 * cost follows the size of the answer, not the years stored. One list per period asked, in order.
 */
export async function registerStatuses(store: Store, query: StatusesQuery): Promise<IndicatorStatus[][]> {
  return rateStatuses(await loadStatusInputs(store, query), query);
}

/** What statuses are computed from: read once, so a caller can rate again after a change it made. */
export interface StatusInputs {
  readonly indicators: readonly IndicatorRecord[];
  /** Current versions of the values the figures need (see figureValues). */
  readonly values: readonly ValueVersion[];
  readonly targets: readonly TargetRecord[];
  readonly windows: ReadonlyMap<string, ReportingPeriodRecord>;
}

export async function loadStatusInputs(store: Store, query: StatusesQuery): Promise<StatusInputs> {
  const compared = query.periods.flatMap((p) => [p, previousPeriod(p), samePeriodLastYear(p)]);
  return store.repos.registerState.read(
    { frequencies: unique(query.periods.map(frequencyOfPeriod)), ids: query.indicatorIds, coveredBy: query.coveredBy },
    {
      ownPeriods: unique(compared.map(periodKey)),
      rollingPeriods: unique(compared.flatMap((p) => figureWindow('ROLLING12', p)).map(periodKey)),
      financialYears: unique(compared.map(financialYearOf)),
      windowPeriods: unique(query.periods.map(periodKey)),
    },
  );
}

/** The same inputs with these versions as the current ones of their indicators' periods. */
export function withCurrentVersions(inputs: StatusInputs, versions: readonly ValueVersion[]): StatusInputs {
  const replaced = new Set(versions.map((v) => `${v.indicatorId}|${v.period}`));
  return { ...inputs, values: [...inputs.values.filter((v) => !replaced.has(`${v.indicatorId}|${v.period}`)), ...versions] };
}

/** Statuses at each period from inputs already read: pure, one list per period in order. */
export function rateStatuses(inputs: StatusInputs, query: Omit<StatusesQuery, 'indicatorIds' | 'coveredBy'>): IndicatorStatus[][] {
  const { indicators, windows } = inputs;
  const valuesById = groupBy(inputs.values, (v) => v.indicatorId);
  const targetsById = groupBy(inputs.targets, (t) => t.indicatorId);

  return query.periods.map((period) => {
    const key = periodKey(period);
    const passed = deadlinePassed(period, windows.get(key) ?? null, query.now);
    const frequency = frequencyOfPeriod(period);
    return indicators
      .filter((indicator) => indicator.frequency === frequency)
      .map((indicator) => {
        const versions = valuesById.get(indicator.id) ?? [];
        const series: SeriesPoint[] = versions.flatMap((v) => withPeriod(v.period, (p) => ({ period: p, value: v.value })));
        const targetPoints: TargetPoint[] = (targetsById.get(indicator.id) ?? []).flatMap((t) =>
          withPeriod(t.period, (p) => ({ period: p, value: t.value })),
        );
        const figureAt = (p: Period) => periodFigure(indicator.aggregation, series, p);
        const figure = figureAt(period);
        const target = targetForPeriod(indicator.aggregation, targetPoints, period);
        const tolerance = resolveTolerance(indicator.tolerance, query.defaultTolerance);
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
          sincePreviousPeriod: directionOfTravel(figure, figureAt(previousPeriod(period)), indicator.polarity, target, indicator.decimals),
          sinceLastYear: directionOfTravel(figure, figureAt(samePeriodLastYear(period)), indicator.polarity, target, indicator.decimals),
        };
      });
  });
}

/**
 * The current values that these indicators' figures at these periods are made of: each period's own
 * value, and for ROLLING12 indicators the years ending with them. Two queries, whatever the count.
 */
export async function figureValues(store: Store, indicators: readonly IndicatorRecord[], periods: readonly Period[]): Promise<ValueVersion[]> {
  const rolling = indicators.filter((i) => i.aggregation === 'ROLLING12').map((i) => i.id);
  const others = indicators.filter((i) => i.aggregation !== 'ROLLING12').map((i) => i.id);
  const [own, windows] = await Promise.all([
    store.repos.values.currentForPeriods(others, unique(periods.map(periodKey))),
    store.repos.values.currentForPeriods(rolling, unique(periods.flatMap((p) => figureWindow('ROLLING12', p)).map(periodKey))),
  ]);
  return [...own, ...windows];
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function withPeriod<T>(key: string, make: (period: Period) => T): T[] {
  const parsed = parsePeriod(key);
  return parsed.ok ? [make(parsed.value)] : [];
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
