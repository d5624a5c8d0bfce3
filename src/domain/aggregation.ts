/**
 * Figures over more than one period (year to date, quarter, rolling twelve months) and the targets
 * they are rated against, by the indicator's Aggregation (see types.ts for what each one means).
 *
 * A series is the values of one indicator, in any order; where the same period appears twice the
 * later entry wins, matching "the latest submission stands". Only points of the same kind as the
 * period asked about are used: a monthly series says nothing about a quarterly point.
 *
 * Sums and means are trimmed to 15 significant digits, so that 0.1 + 0.2 is 0.3 and not
 * 0.30000000000000004; no council figure is entered to that precision.
 */
import type { Aggregation } from './types';
import {
  comparePeriods,
  financialYearOf,
  monthsOfQuarter,
  periodKey,
  periodsInYearOf,
  periodsOfYearUpTo,
  quarterOfMonth,
  trailingPeriods,
  yearPeriod,
  type MonthPeriod,
  type Period,
  type QuarterPeriod,
} from './periods';

export type SeriesPoint = { readonly period: Period; readonly value: number | null };
export type TargetPoint = { readonly period: Period; readonly value: number };

export type AggregateFigure = {
  readonly value: number | null;
  /** How many of the periods looked at had a value. */
  readonly periodsCounted: number;
  /** Every period looked at had a value; an incomplete year to date should be flagged to readers. */
  readonly complete: boolean;
};

/**
 * The figure rated for one period. ROLLING12: the sum of the twelve months (four quarters) ending with
 * the period, or null if any of them is missing, because a rolling annual figure with a gap would
 * understate the year. Every other aggregation: the period's own value.
 */
export function periodFigure(aggregation: Aggregation, series: readonly SeriesPoint[], period: Period): number | null {
  return figureIn(aggregation, indexByPeriod(series), period);
}

/**
 * One indicator's values (or targets) by period key, built once and read for many periods: a reader
 * rating a period, the one before and the same one last year reads the same index three times.
 * Keys are periodKey's; where a period appears twice the later point wins.
 */
export type PeriodIndex = ReadonlyMap<string, number | null>;

export function indexByPeriod(points: readonly { readonly period: Period; readonly value: number | null }[]): PeriodIndex {
  const byKey = new Map<string, number | null>();
  for (const point of points) byKey.set(periodKey(point.period), point.value);
  return byKey;
}

/** periodFigure over an index already built. */
export function figureIn(aggregation: Aggregation, values: PeriodIndex, period: Period): number | null {
  const valueOf = (p: Period) => values.get(periodKey(p)) ?? null;
  if (aggregation !== 'ROLLING12') return valueOf(period);
  const window = figureWindow(aggregation, period).map(valueOf);
  return window.every(isNumber) ? sum(window.filter(isNumber)) : null;
}

/**
 * The periods whose values periodFigure reads for `period`: the period alone, or for ROLLING12 the
 * year ending with it. Readers load exactly these, not an indicator's whole history.
 */
export function figureWindow(aggregation: Aggregation, period: Period): Period[] {
  return aggregation === 'ROLLING12' ? trailingPeriods(period, periodsInYearOf(period.kind)) : [period];
}

/**
 * The year-to-date figure at `period`, over the periods of the same kind from April up to and
 * including it. CUMULATIVE and SNAPSHOT: the latest value given (a cumulative value already is the
 * year to date). SUM: the total of the values given. AVERAGE: their mean. ROLLING12: the rolling
 * figure at the latest period with a value.
 */
export function yearToDate(aggregation: Aggregation, series: readonly SeriesPoint[], period: Period): AggregateFigure {
  return yearToDateIn(aggregation, indexByPeriod(series), period);
}

/** yearToDate over an index already built (a ROLLING12 index must hold the years ending with each period). */
export function yearToDateIn(aggregation: Aggregation, values: PeriodIndex, period: Period): AggregateFigure {
  return figureOver(aggregation, values, periodsOfYearUpTo(period));
}

/** A quarter's figure from monthly values, by the same rules as yearToDate over its three months. */
export function quarterFigure(
  aggregation: Aggregation,
  series: readonly SeriesPoint[],
  quarter: QuarterPeriod,
): AggregateFigure {
  return quarterFigureIn(aggregation, indexByPeriod(series), quarter);
}

/** quarterFigure over an index already built. */
export function quarterFigureIn(aggregation: Aggregation, values: PeriodIndex, quarter: QuarterPeriod): AggregateFigure {
  return figureOver(aggregation, values, monthsOfQuarter(quarter));
}

/**
 * The target for one period: a profiled target set for exactly that period if there is one;
 * otherwise the annual target (the YEAR target of the same financial year), except that for SUM the
 * annual target is shared equally between the periods (a twelfth a month, a quarter a quarter),
 * because the periods add up to the year. null when neither is set.
 *
 * CUMULATIVE indicators really need profiled targets (Council Tax collected is far below 98.6% in
 * April); without them every period is held to the year-end target.
 */
export function targetForPeriod(aggregation: Aggregation, targets: readonly TargetPoint[], period: Period): number | null {
  return targetIn(aggregation, indexByPeriod(targets), period);
}

/** targetForPeriod over an index of the targets already built. */
export function targetIn(aggregation: Aggregation, targets: PeriodIndex, period: Period): number | null {
  const own = targets.get(periodKey(period)) ?? null;
  if (own !== null) return own;
  const annual = targets.get(periodKey(yearPeriod(financialYearOf(period)))) ?? null;
  if (annual === null) return null;
  return aggregation === 'SUM' ? annual / periodsInYearOf(period.kind) : annual;
}

/**
 * The target the year-to-date figure at `period` is rated against. SUM: the sum of the period
 * targets so far (null if any is unknown, since a partial sum would understate it). Every other
 * aggregation: the target for the period itself (profiled, else annual), because a cumulative,
 * latest, average or rolling figure is already on the scale of the year.
 */
export function ytdTarget(aggregation: Aggregation, targets: readonly TargetPoint[], period: Period): number | null {
  return ytdTargetIn(aggregation, indexByPeriod(targets), period);
}

/** ytdTarget over an index of the targets already built. */
export function ytdTargetIn(aggregation: Aggregation, targets: PeriodIndex, period: Period): number | null {
  return targetOver(aggregation, targets, periodsOfYearUpTo(period));
}

/**
 * The quarter to date at a month: its quarter's months from the first up to and including it, by the
 * same rules as yearToDate. At a quarter end it is the quarter's figure; earlier, the months not yet
 * reached do not count as missing.
 */
export function quarterToDateIn(aggregation: Aggregation, values: PeriodIndex, month: MonthPeriod): AggregateFigure {
  return figureOver(aggregation, values, monthsOfQuarterUpTo(month));
}

/** The target the quarter to date at a month is rated against, by the same rules as ytdTarget. */
export function quarterToDateTargetIn(aggregation: Aggregation, targets: PeriodIndex, month: MonthPeriod): number | null {
  return targetOver(aggregation, targets, monthsOfQuarterUpTo(month));
}

function monthsOfQuarterUpTo(month: MonthPeriod): MonthPeriod[] {
  return monthsOfQuarter(quarterOfMonth(month)).filter((m) => comparePeriods(m, month) <= 0);
}

function targetOver(aggregation: Aggregation, targets: PeriodIndex, periods: readonly Period[]): number | null {
  const last = periods[periods.length - 1];
  if (last === undefined) return null;
  if (aggregation !== 'SUM') return targetIn(aggregation, targets, last);
  const perPeriod = periods.map((p) => targetIn(aggregation, targets, p));
  return perPeriod.every(isNumber) ? sum(perPeriod.filter(isNumber)) : null;
}

function figureOver(aggregation: Aggregation, values: PeriodIndex, periods: readonly Period[]): AggregateFigure {
  const valueOf = (p: Period) => values.get(periodKey(p)) ?? null;
  const given = periods.filter((p) => valueOf(p) !== null);
  const givenValues = given.map(valueOf).filter(isNumber);
  const latest = given[given.length - 1];
  const summary = { periodsCounted: given.length, complete: given.length === periods.length };
  if (latest === undefined) return { value: null, ...summary };

  switch (aggregation) {
    case 'CUMULATIVE':
    case 'SNAPSHOT':
      return { value: valueOf(latest), ...summary };
    case 'SUM':
      return { value: sum(givenValues), ...summary };
    case 'AVERAGE':
      return { value: trim(sum(givenValues) / givenValues.length), ...summary };
    case 'ROLLING12':
      return { value: figureIn(aggregation, values, latest), ...summary };
  }
}

function sum(values: readonly number[]): number {
  return trim(values.reduce((total, v) => total + v, 0));
}

function trim(value: number): number {
  return Number(value.toPrecision(15));
}

function isNumber(value: number | null): value is number {
  return value !== null;
}
