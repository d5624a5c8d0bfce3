/**
 * The special-cause rules of an XmR chart, as NHS England's Making Data Count applies them and the
 * NHS-R community's NHSRplotthedots implements them (R/ptd_calculate_point_type.R):
 *
 *   BEYOND_LIMIT  a point above the upper process limit or below the lower one.
 *   SHIFT         a run of `shift` (7) or more points all on one side of the mean. A point exactly on
 *                 the mean belongs to neither side, so it ends the run. Every point of the run is
 *                 flagged, not only the seventh.
 *   TREND         `trend` (6) or more points in a row, each strictly higher than the one before (or
 *                 each strictly lower). A flat step ends the trend. Every point of it is flagged; the
 *                 turning point between a rising and a falling trend belongs to both.
 *   TWO_OF_THREE  three points in a row all on the same side of the mean, at least two of them near
 *                 the limit (beyond 2 sigma, mean +/- (2/3) x 2.66 x MR-bar, but not beyond the limit).
 *                 Only the near points are flagged. As in NHSRplotthedots, and unlike the Western
 *                 Electric rule it comes from, the third point must be on the same side too, and a
 *                 point beyond the limit does not count as near (it is flagged on its own account).
 *
 * Each rule is applied within one segment (the points between two rebases) against that segment's
 * own limits, so no run or trend reaches across a change in the process.
 *
 * Which way a signal points: the position rules (beyond a limit, shift, two of three) point to the
 * side of the mean the point is on; a trend points the way it runs. Which way is better is for the
 * caller to say (polarity), not for these rules.
 *
 * Worked example, shift 7, mean 10: 11 12 11 13 12 11 12 10 11 has seven points above the mean (all
 * flagged SHIFT, pointing up); the 10 on the mean ends the run, and the 11 after it starts a new one.
 *
 * Figures are compared with a tolerance of a billionth of their size, so binary noise in a computed
 * mean (0.1 + 0.2) never moves a point off the mean or over a limit.
 */
import type { RunLengths } from './variation-settings';
import type { XmrLimits } from './xmr-limits';

export const SPECIAL_CAUSE_RULES = ['BEYOND_LIMIT', 'SHIFT', 'TREND', 'TWO_OF_THREE'] as const;
export type SpecialCauseRule = (typeof SPECIAL_CAUSE_RULES)[number];

/** One bit per rule, in SPECIAL_CAUSE_RULES order, so a point's rules fit in one byte. */
export const RULE_BIT: { readonly [R in SpecialCauseRule]: number } = Object.freeze({
  BEYOND_LIMIT: 1,
  SHIFT: 2,
  TREND: 4,
  TWO_OF_THREE: 8,
});

/** Which way a point's signals point: up (above the mean, or rising) and/or down. */
export const POINTS_UP = 1;
export const POINTS_DOWN = 2;

/**
 * The rules of every bit pattern, made once: a report of 60,000 points then shares these frozen
 * arrays instead of building one per point.
 */
export const RULES_OF_BITS: readonly (readonly SpecialCauseRule[])[] = Array.from({ length: 16 }, (_, bits) =>
  Object.freeze(SPECIAL_CAUSE_RULES.filter((rule) => (bits & RULE_BIT[rule]) !== 0)),
);

/** -1, 0 or 1 as a is below, level with or above b, ignoring differences of binary noise. */
export function compareFigures(a: number, b: number): -1 | 0 | 1 {
  const tolerance = 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (a - b > tolerance) return 1;
  if (b - a > tolerance) return -1;
  return 0;
}

/**
 * Marks the rules that fire on values[from, to) (one segment) against its limits: rules[i] gets the
 * RULE_BIT of each, directions[i] POINTS_UP and/or POINTS_DOWN. Both arrays are written only inside
 * the segment, and only by OR, so the caller gives them zeroed. One pass per rule, nothing allocated.
 */
export function markSpecialCauses(
  values: ArrayLike<number>,
  from: number,
  to: number,
  limits: XmrLimits,
  runLengths: RunLengths,
  rules: Uint8Array,
  directions: Uint8Array,
): void {
  markBeyondLimits(values, from, to, limits, rules, directions);
  markShifts(values, from, to, limits.mean, runLengths.shift, rules, directions);
  markTrends(values, from, to, runLengths.trend, rules, directions);
  markTwoOfThree(values, from, to, limits, rules, directions);
}

function markBeyondLimits(values: ArrayLike<number>, from: number, to: number, limits: XmrLimits, rules: Uint8Array, directions: Uint8Array): void {
  for (let i = from; i < to; i++) {
    const value = values[i]!;
    if (compareFigures(value, limits.upper) > 0) flag(i, RULE_BIT.BEYOND_LIMIT, POINTS_UP, rules, directions);
    else if (compareFigures(value, limits.lower) < 0) flag(i, RULE_BIT.BEYOND_LIMIT, POINTS_DOWN, rules, directions);
  }
}

function markShifts(values: ArrayLike<number>, from: number, to: number, mean: number, shift: number, rules: Uint8Array, directions: Uint8Array): void {
  let runStart = from;
  let runSide = 0;
  for (let i = from; i <= to; i++) {
    // i === to closes the last run; a point on the mean (side 0) never extends a run.
    const side = i < to ? compareFigures(values[i]!, mean) : 0;
    if (side !== 0 && side === runSide) continue;
    if (runSide !== 0 && i - runStart >= shift) {
      for (let j = runStart; j < i; j++) flag(j, RULE_BIT.SHIFT, runSide > 0 ? POINTS_UP : POINTS_DOWN, rules, directions);
    }
    runStart = i;
    runSide = side;
  }
}

function markTrends(values: ArrayLike<number>, from: number, to: number, trend: number, rules: Uint8Array, directions: Uint8Array): void {
  // A run is the points runStart..i-1, each step between them going runStep (1 up, -1 down, 0 flat).
  let runStart = from;
  let runStep = 0;
  for (let i = from + 1; i <= to; i++) {
    const step = i < to ? compareFigures(values[i]!, values[i - 1]!) : 0;
    if (step !== 0 && step === runStep) continue;
    if (runStep !== 0 && i - runStart >= trend) {
      for (let j = runStart; j < i; j++) flag(j, RULE_BIT.TREND, runStep > 0 ? POINTS_UP : POINTS_DOWN, rules, directions);
    }
    // The point before this step ends the old run and starts the new one.
    runStart = i - 1;
    runStep = step;
  }
}

function markTwoOfThree(values: ArrayLike<number>, from: number, to: number, limits: XmrLimits, rules: Uint8Array, directions: Uint8Array): void {
  for (let i = from; i + 2 < to; i++) {
    const side = compareFigures(values[i]!, limits.mean);
    if (side === 0 || compareFigures(values[i + 1]!, limits.mean) !== side || compareFigures(values[i + 2]!, limits.mean) !== side) continue;
    const near = Number(isNear(values[i]!, limits)) + Number(isNear(values[i + 1]!, limits)) + Number(isNear(values[i + 2]!, limits));
    if (near < 2) continue;
    for (let j = i; j < i + 3; j++) {
      if (isNear(values[j]!, limits)) flag(j, RULE_BIT.TWO_OF_THREE, side > 0 ? POINTS_UP : POINTS_DOWN, rules, directions);
    }
  }
}

/** Beyond 2 sigma but within the limits (a point beyond a limit is a signal of its own). */
function isNear(value: number, limits: XmrLimits): boolean {
  const beyond = compareFigures(value, limits.upper) > 0 || compareFigures(value, limits.lower) < 0;
  return !beyond && (compareFigures(value, limits.nearUpper) > 0 || compareFigures(value, limits.nearLower) < 0);
}

function flag(i: number, ruleBit: number, direction: number, rules: Uint8Array, directions: Uint8Array): void {
  rules[i] = rules[i]! | ruleBit;
  directions[i] = directions[i]! | direction;
}
