/**
 * The variation engine (issue #17, "Signals, not noise"): an XmR chart of one indicator's history,
 * the special-cause signals on it, and what its process limits say about the target. It sits beside
 * RAG, never instead of it: RAG says where the latest figure is against target; variation says whether
 * it is different from what the process usually does.
 *
 * Rules, in the order they apply:
 *
 * 1. The series. Points are put in time order; a CUMULATIVE indicator is analysed on what each month
 *    added (variationSeries), since its running total climbs from April to March. A month whose
 *    previous month of the same year is missing added an unknown amount and is left out, so the
 *    series then has a gap; moving ranges are taken between neighbouring points of the series (as
 *    NHSRplotthedots would: it expects no gaps and does not look for them). (A ROLLING12 figure is analysed as it stands: its months overlap, so it
 *    drifts smoothly and shows trends more readily than noise would. Whether variation applies to an
 *    indicator at all is the caller's switch.)
 * 2. Segments. Each period in rebaseAt (where the register says the process changed) starts a new
 *    segment at the first point on or after it, with its own limits; runs and trends never cross
 *    from one segment into the next. Rebase periods at or before the first point, or after the last,
 *    change nothing.
 * 3. Enough points. The latest segment needs MIN_POINTS_FOR_LIMITS (15) points, the NHS guidance's
 *    minimum; with fewer the answer is TOO_FEW_POINTS (so after a rebase the new process must earn
 *    its own 15 points). An earlier segment shorter than that still gets its limits drawn, but no
 *    signals: its limits are too unsteady to call anything special.
 * 4. Limits (xmr-limits.ts): mean +/- 2.66 MR-bar, from the segment's first baselinePoints points
 *    when given (fixed, as NHSRplotthedots' fix_after_n_points), otherwise from all its points. Later
 *    points are judged against the fixed limits.
 * 5. Signals (special-cause.ts): beyond a limit, a shift, a trend, two of three near a limit.
 * 6. Which side. HIGHER: a signal above the mean or rising is IMPROVEMENT, below or falling CONCERN;
 *    LOWER the reverse; GOALPOST: NEITHER (away from the goal either way is not better or worse by
 *    itself). A point whose signals point both ways (a rising trend that is also part of a run below
 *    the mean) is CONCERN: a Board should see the worry first. NHSRplotthedots judges every signal by
 *    the side of the mean alone; Making Data Count's guidance reads a trend by its direction, and so
 *    do we.
 * 7. The verdict is the latest point's: COMMON_CAUSE without signals, otherwise SPECIAL_CAUSE_ and
 *    its side.
 * 8. Assurance, against the latest segment's limits (NHSRplotthedots ptd_calculate_assurance_type):
 *    HIGHER: target at or below the lower limit: CONSISTENTLY_MET (every common-cause point is at or
 *    above it); above the upper limit: CONSISTENTLY_MISSED; otherwise HIT_AND_MISS. LOWER mirrored.
 *    GOALPOST: a target outside the limits is CONSISTENTLY_MISSED (the process never comes near it),
 *    inside HIT_AND_MISS (NHSRplotthedots gives none for a neutral measure). No target: NO_TARGET.
 *    The target must be in the series' terms: for CUMULATIVE, the monthly amount (the year's target
 *    spread over its months), not the year-to-date figure. Exactly on a limit counts as met, as RAG
 *    counts a figure exactly on target as met (NHSRplotthedots would say HIT_AND_MISS).
 *
 * Worked example (NHSRplotthedots' own test data, 20 values of set.seed(123); rnorm(20)): mean 0.142,
 * limits -3.01 to 3.29, every point common cause; with target 0.5 and HIGHER, HIT_AND_MISS.
 */
import type { Aggregation, Polarity } from './types';
import { comparePeriods, type Period } from './periods';
import { MIN_POINTS_FOR_LIMITS, variationSeries, type VariationPoint } from './variation';
import type { RunLengths } from './variation-settings';
import { limitsOf, type XmrLimits } from './xmr-limits';
import {
  POINTS_DOWN, POINTS_UP, RULES_OF_BITS, compareFigures, markSpecialCauses, type SpecialCauseRule,
} from './special-cause';

export type { SpecialCauseRule } from './special-cause';
export { describeAssurance, describeVariation } from './xmr-chart-words';

export type VariationInput = {
  readonly aggregation: Aggregation;
  readonly polarity: Polarity;
  /** Raw figures as stored, any order; CUMULATIVE ones are year-to-date and turned into increments. */
  readonly points: readonly VariationPoint[];
  /** The target the latest point is judged against, in the analysed series' terms (see rule 8). */
  readonly target: number | null;
  /** Periods where the process changed; each starts a new segment with its own limits. */
  readonly rebaseAt: readonly Period[];
  /** Limits from the first N points of each segment (checkBaselinePoints); null: all of them. */
  readonly baselinePoints: number | null;
  readonly runLengths: RunLengths;
};

export const VARIATIONS = ['COMMON_CAUSE', 'SPECIAL_CAUSE_IMPROVEMENT', 'SPECIAL_CAUSE_CONCERN', 'SPECIAL_CAUSE_NEITHER'] as const;
export type Variation = (typeof VARIATIONS)[number];

export const SIGNAL_SIDES = ['IMPROVEMENT', 'CONCERN', 'NEITHER'] as const;
export type SignalSide = (typeof SIGNAL_SIDES)[number];

export const ASSURANCES = ['CONSISTENTLY_MET', 'CONSISTENTLY_MISSED', 'HIT_AND_MISS', 'NO_TARGET'] as const;
export type Assurance = (typeof ASSURANCES)[number];

export interface AnalysedPoint {
  readonly period: Period;
  /** The analysed figure: for CUMULATIVE, what the period added. */
  readonly value: number;
  /** 0 for the first segment, 1 after the first rebase, and so on. */
  readonly segment: number;
  /** The lines of this point's segment, so a chart can draw them stepped at each rebase. */
  readonly mean: number;
  readonly lower: number;
  readonly upper: number;
  readonly nearLower: number;
  readonly nearUpper: number;
  readonly signals: readonly SpecialCauseRule[];
  /** null when the point has no signal. */
  readonly side: SignalSide | null;
}

export interface LatestVariation {
  readonly period: Period;
  readonly value: number;
  readonly variation: Variation;
  readonly rules: readonly SpecialCauseRule[];
  /** Where the latest point is against its segment's mean. */
  readonly sideOfMean: 'ABOVE' | 'BELOW' | 'ON';
  /** Points in a row, ending with the latest, on its side of the mean (0 when it is on the mean). */
  readonly pointsInRowOnSide: number;
  /** Points in a row, ending with the latest, each higher (or each lower) than the one before; null when level. */
  readonly trend: { readonly direction: 'RISING' | 'FALLING'; readonly points: number } | null;
}

export type TooFewPoints = {
  readonly kind: 'TOO_FEW_POINTS';
  /** Points in the latest segment (all points when never rebased). */
  readonly points: number;
  readonly needed: number;
  /** True when an earlier rebase is why there are too few. */
  readonly sinceRebase: boolean;
};

export type VariationAnalysed = {
  readonly kind: 'ANALYSED';
  /** The latest segment's lines. */
  readonly mean: number;
  readonly movingRangeMean: number;
  readonly lower: number;
  readonly upper: number;
  readonly nearLower: number;
  readonly nearUpper: number;
  /** The first period of the latest segment. */
  readonly segmentStart: Period;
  /** How many points the latest segment's limits were computed from. */
  readonly baselineCount: number;
  /** Every point of the analysed series, all segments, in time order. */
  readonly points: readonly AnalysedPoint[];
  readonly latest: LatestVariation;
  readonly assurance: Assurance;
};

export type VariationAnalysis = TooFewPoints | VariationAnalysed;

export function analyseVariation(input: VariationInput): VariationAnalysis {
  const series = variationSeries(input.aggregation, input.points);
  const count = series.length;
  const starts = segmentStarts(series, input.rebaseAt);
  const latestStart = starts[starts.length - 1]!;
  if (count - latestStart < MIN_POINTS_FOR_LIMITS) {
    return { kind: 'TOO_FEW_POINTS', points: count - latestStart, needed: MIN_POINTS_FOR_LIMITS, sinceRebase: latestStart > 0 };
  }

  const values = new Float64Array(count);
  for (let i = 0; i < count; i++) values[i] = series[i]!.value;
  const rules = new Uint8Array(count);
  const directions = new Uint8Array(count);
  const points: AnalysedPoint[] = new Array<AnalysedPoint>(count);
  let limits: XmrLimits | undefined;
  for (let s = 0; s < starts.length; s++) {
    const from = starts[s]!;
    const to = s + 1 < starts.length ? starts[s + 1]! : count;
    const baselineEnd = input.baselinePoints === null ? to : Math.min(to, from + Math.max(2, input.baselinePoints));
    limits = limitsOf(values, from, baselineEnd);
    if (to - from >= MIN_POINTS_FOR_LIMITS) markSpecialCauses(values, from, to, limits, input.runLengths, rules, directions);
    for (let i = from; i < to; i++) {
      const bits = rules[i]!;
      points[i] = {
        period: series[i]!.period,
        value: values[i]!,
        segment: s,
        mean: limits.mean,
        lower: limits.lower,
        upper: limits.upper,
        nearLower: limits.nearLower,
        nearUpper: limits.nearUpper,
        signals: RULES_OF_BITS[bits]!,
        side: bits === 0 ? null : sideOf(directions[i]!, input.polarity),
      };
    }
  }
  const latestLimits = limits!;
  return {
    kind: 'ANALYSED',
    mean: latestLimits.mean,
    movingRangeMean: latestLimits.movingRangeMean,
    lower: latestLimits.lower,
    upper: latestLimits.upper,
    nearLower: latestLimits.nearLower,
    nearUpper: latestLimits.nearUpper,
    segmentStart: series[latestStart]!.period,
    baselineCount: latestLimits.points,
    points,
    latest: latestOf(points, values, latestStart),
    assurance: assuranceOf(input.target, input.polarity, latestLimits),
  };
}

/**
 * Assurance of a target against process limits (rule 8), for the latest segment. Exported for a caller
 * that holds limits already; analyseVariation gives it in its result.
 */
export function assuranceOf(target: number | null, polarity: Polarity, limits: { readonly lower: number; readonly upper: number }): Assurance {
  if (target === null) return 'NO_TARGET';
  const belowLower = compareFigures(target, limits.lower) < 0;
  const aboveUpper = compareFigures(target, limits.upper) > 0;
  switch (polarity) {
    case 'HIGHER':
      if (compareFigures(target, limits.lower) <= 0) return 'CONSISTENTLY_MET';
      return aboveUpper ? 'CONSISTENTLY_MISSED' : 'HIT_AND_MISS';
    case 'LOWER':
      if (compareFigures(target, limits.upper) >= 0) return 'CONSISTENTLY_MET';
      return belowLower ? 'CONSISTENTLY_MISSED' : 'HIT_AND_MISS';
    case 'GOALPOST':
      return belowLower || aboveUpper ? 'CONSISTENTLY_MISSED' : 'HIT_AND_MISS';
  }
}

/** Index of the first point of each segment: 0, then the first point on or after each rebase period. */
function segmentStarts(series: readonly VariationPoint[], rebaseAt: readonly Period[]): number[] {
  const starts = [0];
  const rebases = [...rebaseAt].sort(comparePeriods);
  let i = 0;
  for (const rebase of rebases) {
    while (i < series.length && comparePeriods(series[i]!.period, rebase) < 0) i++;
    if (i > 0 && i < series.length && i !== starts[starts.length - 1]) starts.push(i);
  }
  return starts;
}

function sideOf(directions: number, polarity: Polarity): SignalSide {
  if (polarity === 'GOALPOST') return 'NEITHER';
  const worse = polarity === 'HIGHER' ? POINTS_DOWN : POINTS_UP;
  return (directions & worse) !== 0 ? 'CONCERN' : 'IMPROVEMENT';
}

function variationOf(side: SignalSide | null): Variation {
  switch (side) {
    case null:
      return 'COMMON_CAUSE';
    case 'IMPROVEMENT':
      return 'SPECIAL_CAUSE_IMPROVEMENT';
    case 'CONCERN':
      return 'SPECIAL_CAUSE_CONCERN';
    case 'NEITHER':
      return 'SPECIAL_CAUSE_NEITHER';
  }
}

/** The latest point's verdict, with the runs ending at it that the words for people need. */
function latestOf(points: readonly AnalysedPoint[], values: Float64Array, segmentStart: number): LatestVariation {
  const last = points.length - 1;
  const point = points[last]!;
  const side = compareFigures(point.value, point.mean);
  let inRow = 0;
  if (side !== 0) {
    for (let i = last; i >= segmentStart && compareFigures(values[i]!, point.mean) === side; i--) inRow++;
  }
  const step = last > segmentStart ? compareFigures(values[last]!, values[last - 1]!) : 0;
  let trendPoints = step === 0 ? 0 : 2;
  if (step !== 0) {
    for (let i = last - 1; i > segmentStart && compareFigures(values[i]!, values[i - 1]!) === step; i--) trendPoints++;
  }
  return {
    period: point.period,
    value: point.value,
    variation: variationOf(point.side),
    rules: point.signals,
    sideOfMean: side > 0 ? 'ABOVE' : side < 0 ? 'BELOW' : 'ON',
    pointsInRowOnSide: inRow,
    trend: step === 0 ? null : { direction: step > 0 ? 'RISING' : 'FALLING', points: trendPoints },
  };
}
