/**
 * Natural process limits (an XmR chart's, after Wheeler's Understanding Variation and the NHS's
 * Making Data Count): what a measure's own history says it usually does, so that a figure far
 * outside them is a signal worth a second look rather than noise.
 *
 *   centre line      the mean of the baseline points
 *   moving range     |x(i) - x(i-1)| between consecutive baseline points; MR-bar is their mean
 *   limits           mean +/- 2.66 x MR-bar (3 sigma, with sigma estimated as MR-bar / 1.128)
 *
 * The moving range, not the standard deviation, because it measures point-to-point noise: a measure
 * that drifts slowly over two years keeps narrow limits, so a sudden jump still stands out.
 *
 * A figure that is cumulative within the year climbs from April to March, so its limits are taken
 * over its monthly increments (what was added each period), never its running totals.
 */
import type { Aggregation } from './types';
import { comparePeriods, financialYearOf, previousPeriod, periodKey, type Period } from './periods';

/** 3 / d2, where d2 = 1.128 is the bias constant for moving ranges of two points. */
export const PROCESS_LIMIT_FACTOR = 2.66;

/**
 * Fewer points than this give limits too unsteady to question a person's figure with (the domain
 * notes: "needs roughly 15 to 20 points"), so none are given.
 */
export const MIN_POINTS_FOR_LIMITS = 15;

/** The latest points used as the baseline: two years of a monthly measure, recent enough to be today's process. */
export const BASELINE_POINTS = 24;

export interface ProcessLimits {
  readonly mean: number;
  readonly movingRangeMean: number;
  readonly lower: number;
  readonly upper: number;
  /** How many points the limits were computed from. */
  readonly points: number;
}

/**
 * The limits of a series of values in time order, from its latest BASELINE_POINTS, or null with
 * fewer than MIN_POINTS_FOR_LIMITS. A series that never changes has limits equal to its mean, so any
 * other figure is outside them.
 */
export function processLimits(valuesInOrder: readonly number[]): ProcessLimits | null {
  const baseline = valuesInOrder.slice(-BASELINE_POINTS);
  if (baseline.length < MIN_POINTS_FOR_LIMITS) return null;
  const mean = average(baseline);
  const movingRanges = baseline.slice(1).map((value, i) => Math.abs(value - baseline[i]!));
  const movingRangeMean = average(movingRanges);
  const spread = PROCESS_LIMIT_FACTOR * movingRangeMean;
  return { mean, movingRangeMean, lower: mean - spread, upper: mean + spread, points: baseline.length };
}

export type VariationPoint = { readonly period: Period; readonly value: number };

/**
 * What the limits are computed over, in time order: the values themselves, or for a CUMULATIVE
 * indicator the amount added each period (the first period of a financial year adds its whole
 * value; a period whose previous one in the same year is missing adds an unknown amount and is left
 * out).
 */
export function variationSeries(aggregation: Aggregation, points: readonly VariationPoint[]): VariationPoint[] {
  const ordered = [...points].sort((a, b) => comparePeriods(a.period, b.period));
  if (aggregation !== 'CUMULATIVE') return ordered;
  const byKey = new Map(ordered.map((p) => [periodKey(p.period), p.value]));
  return ordered.flatMap((point) => {
    const added = addedInPeriod(point, byKey);
    return added === null ? [] : [{ period: point.period, value: added }];
  });
}

/** What a cumulative figure added in its period, or null when the period before it in the year is missing. */
export function addedInPeriod(point: VariationPoint, byKey: ReadonlyMap<string, number>): number | null {
  const before = previousPeriod(point.period);
  if (financialYearOf(before) !== financialYearOf(point.period)) return point.value;
  const previous = byKey.get(periodKey(before));
  return previous === undefined ? null : point.value - previous;
}

function average(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}
