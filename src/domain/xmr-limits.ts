/**
 * The lines of an XmR chart (Wheeler's Understanding Variation; NHS England's Making Data Count):
 *
 *   centre line         the mean of the baseline points
 *   moving range        |x(i) - x(i-1)| between consecutive baseline points; MR-bar is their mean
 *   process limits      mean +/- 2.66 x MR-bar  (3 sigma, sigma estimated as MR-bar / 1.128)
 *   near the limits     mean +/- (2/3 x 2.66) x MR-bar  (2 sigma: the "two of three" rule's lines)
 *
 * Worked example (NIST/SEMATECH e-Handbook, 6.3.2.2): flow rates 49.6 47.6 49.9 51.3 47.8 51.2 52.6
 * 52.4 53.6 52.1 have mean 50.81 and MR-bar 1.8778 (nine ranges, 16.9 / 9), so the limits are
 * 50.81 +/- 2.66 x 1.8778 = 45.815 to 55.805. (NIST divides by 1.128 and gets 45.8159 to 55.8041;
 * 2.66 is the rounded 3 / 1.128 that Wheeler, Making Data Count and NHSRplotthedots all use.)
 *
 * Why the moving range and not the standard deviation: it measures point-to-point noise, so a
 * measure that drifts slowly keeps narrow limits and a sudden jump still stands out.
 *
 * Not done here, deliberately: NHSRplotthedots can "screen outliers", leaving moving ranges above the
 * upper range limit (3.267 x MR-bar) out of MR-bar before the limits are drawn. It does so only when
 * asked, and so does nobody here yet: one wild month then widens the limits, which errs towards
 * calling fewer signals.
 */
import { PROCESS_LIMIT_FACTOR } from './variation';

/** The "two of three" rule's lines sit at two thirds of the distance to the process limits (2 sigma). */
export const NEAR_LIMIT_FACTOR = (2 / 3) * PROCESS_LIMIT_FACTOR;

export interface XmrLimits {
  readonly mean: number;
  readonly movingRangeMean: number;
  readonly lower: number;
  readonly upper: number;
  /** 2 sigma below the mean: beyond it (but not beyond the lower limit) a point is "near" the limit. */
  readonly nearLower: number;
  readonly nearUpper: number;
  /** How many points the limits were computed from. */
  readonly points: number;
}

/**
 * The XmR lines of some values in time order, whatever their number (the 15-point minimum is the
 * engine's to apply, not this arithmetic's), or null for no values. A single value has no moving
 * range: its MR-bar is 0 and every line sits on it.
 */
export function xmrLimits(valuesInOrder: readonly number[]): XmrLimits | null {
  return valuesInOrder.length === 0 ? null : limitsOf(valuesInOrder, 0, valuesInOrder.length);
}

/** The lines of values[from, to), which must not be empty. Loops rather than slices: it runs 60,000 times a report. */
export function limitsOf(values: ArrayLike<number>, from: number, to: number): XmrLimits {
  let sum = 0;
  let ranges = 0;
  for (let i = from; i < to; i++) {
    sum += values[i]!;
    if (i > from) ranges += Math.abs(values[i]! - values[i - 1]!);
  }
  const points = to - from;
  const mean = sum / points;
  const movingRangeMean = points > 1 ? ranges / (points - 1) : 0;
  const spread = PROCESS_LIMIT_FACTOR * movingRangeMean;
  const nearSpread = NEAR_LIMIT_FACTOR * movingRangeMean;
  return {
    mean,
    movingRangeMean,
    lower: mean - spread,
    upper: mean + spread,
    nearLower: mean - nearSpread,
    nearUpper: mean + nearSpread,
    points,
  };
}
