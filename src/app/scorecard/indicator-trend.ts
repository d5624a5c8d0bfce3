/**
 * One indicator's figure, target and status over many periods, for the trend chart.
 *
 * The same rules as registerStatus (src/app/register-status.ts), applied to one indicator across a
 * run of periods from data read once, instead of one register query per period. A test holds the two
 * to the same answers for every demo indicator.
 */
import type { IndicatorRecord } from '../../db/repositories/indicator-repository';
import type { ValueVersion } from '../../db/repositories/value-repository';
import type { TargetRecord } from '../../db/repositories/target-repository';
import type { ReportingPeriodRecord } from '../../db/repositories/period-repository';
import type { Status, Tolerance } from '../../domain/types';
import { parsePeriod, periodKey, type Period } from '../../domain/periods';
import { periodFigure, targetForPeriod, type SeriesPoint, type TargetPoint } from '../../domain/aggregation';
import { rateValue } from '../../domain/status';
import { resolveTolerance } from '../../domain/tolerance';
import { deadlinePassed } from '../../domain/deadline';
import { deadlinePeriodOf } from '../../domain/reporting-lag';

export interface TrendPoint {
  readonly period: Period;
  readonly figure: number | null;
  readonly target: number | null;
  readonly status: Status;
}

export interface TrendInput {
  readonly indicator: IndicatorRecord;
  /** The current version of each period's value (ValueRepository.currentFor). */
  readonly values: readonly ValueVersion[];
  readonly targets: readonly TargetRecord[];
  readonly windows: readonly ReportingPeriodRecord[];
  readonly now: Date;
  readonly defaultTolerance: Tolerance;
}

export function indicatorTrend(input: TrendInput, periods: readonly Period[]): TrendPoint[] {
  const { indicator } = input;
  const series: SeriesPoint[] = input.values
    .filter((v) => v.indicatorId === indicator.id)
    .flatMap((v) => withPeriod(v.period, (period) => ({ period, value: v.value })));
  const targets: TargetPoint[] = input.targets
    .filter((t) => t.indicatorId === indicator.id)
    .flatMap((t) => withPeriod(t.period, (period) => ({ period, value: t.value })));
  const windows = new Map(input.windows.map((w) => [w.period, w]));
  const tolerance = resolveTolerance(indicator.tolerance, input.defaultTolerance);

  return periods.map((period) => {
    const figure = periodFigure(indicator.aggregation, series, period);
    const target = targetForPeriod(indicator.aggregation, targets, period);
    const deadlinePeriod = deadlinePeriodOf(period, indicator.lagMonths);
    const passed = deadlinePassed(deadlinePeriod, windows.get(periodKey(deadlinePeriod)) ?? null, input.now);
    const status = rateValue({
      value: figure, target, tolerance, polarity: indicator.polarity, kind: indicator.kind,
      decimals: indicator.decimals, deadlinePassed: passed,
    });
    return { period, figure, target, status };
  });
}

function withPeriod<T>(key: string, make: (period: Period) => T): T[] {
  const parsed = parsePeriod(key);
  return parsed.ok ? [make(parsed.value)] : [];
}
