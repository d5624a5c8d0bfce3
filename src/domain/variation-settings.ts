/**
 * The settings of the variation engine (xmr-chart.ts) that a council may change: how long a run must
 * be before it counts as a signal, and how many points the process limits are fixed from.
 *
 *   shift   a run of this many points all on one side of the mean. The NHS Making Data Count
 *           programme uses 7; other rule sets use 6 (Western Electric's relatives) or 8 or 9
 *           (Nelson, Wheeler). Shorter runs fire too often by chance: in 24 months of pure noise a
 *           run of 5 on one side turns up about half the time, a run of 7 about one time in seven.
 *   trend   this many points in a row, each higher than the one before (or each lower). Counted in
 *           points, not steps: a trend of 6 has 5 rises. Making Data Count uses 6; NHSRplotthedots
 *           uses 7.
 *   baseline  the limits of each segment may be fixed from its first N points (the domain notes:
 *           "the first 12 to 20 points"), so that later points are judged against the process as it
 *           was, not as it has become; null takes every point of the segment.
 *
 * Worked example: the NHS defaults are { shift: 7, trend: 6 }. A council that follows Wheeler's run of
 * eight on one side passes checkRunLengths with { shift: 8, trend: 6 }; { shift: 4, trend: 6 } fails
 * with a message that says what the bounds are.
 */
import { fail, ok, type Result } from './result';

export interface RunLengths {
  readonly shift: number;
  readonly trend: number;
}

/** NHS England, Making Data Count: a shift of 7 points, a trend of 6. */
export const DEFAULT_RUN_LENGTHS: RunLengths = Object.freeze({ shift: 7, trend: 6 });

/** Bounds that keep the rules recognisable: outside them a "signal" is mostly chance, or never comes. */
export const SHIFT_RANGE = Object.freeze({ min: 6, max: 9 });
export const TREND_RANGE = Object.freeze({ min: 5, max: 8 });

/** The fewest points a fixed baseline may have (the domain notes: "the first 12 to 20 points"). */
export const MIN_BASELINE_POINTS = 12;

export function checkRunLengths(lengths: RunLengths): Result<RunLengths> {
  const { shift, trend } = lengths;
  if (!isWholeIn(shift, SHIFT_RANGE)) {
    return fail(`A shift must be a whole number of points from ${SHIFT_RANGE.min} to ${SHIFT_RANGE.max} (the NHS uses 7), not ${shift}.`);
  }
  if (!isWholeIn(trend, TREND_RANGE)) {
    return fail(`A trend must be a whole number of points from ${TREND_RANGE.min} to ${TREND_RANGE.max} (the NHS uses 6), not ${trend}.`);
  }
  return ok({ shift, trend });
}

/** null (limits from every point of the segment) or a whole number of at least MIN_BASELINE_POINTS. */
export function checkBaselinePoints(points: number | null): Result<number | null> {
  if (points === null) return ok(null);
  if (!Number.isInteger(points) || points < MIN_BASELINE_POINTS) {
    return fail(`Limits must be fixed from a whole number of at least ${MIN_BASELINE_POINTS} points, or from all of them, not ${points}.`);
  }
  return ok(points);
}

function isWholeIn(n: number, range: { readonly min: number; readonly max: number }): boolean {
  return Number.isInteger(n) && n >= range.min && n <= range.max;
}
