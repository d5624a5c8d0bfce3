/**
 * The Red / Amber / Green engine.
 *
 * Rules, in the order they apply:
 *
 * 1. Not rated. A DATA_ONLY indicator, or any indicator with no target for the period, is never
 *    coloured: with a value it is DATA_ONLY. With no value it is MISSING once the deadline has passed,
 *    and DUE before then, because the figure is still owed even though it will not be rated.
 * 2. No value. A rated indicator with no value is MISSING after the deadline, DUE before it.
 * 3. Precision. The value and the target are first rounded to the indicator's decimal places
 *    (half away from zero), so a figure is rated exactly as people see it and binary noise
 *    (0.1 + 0.2 = 0.30000000000000004) never turns Green into Amber. The gap between value and
 *    target is rounded to the same places; the tolerance band is rounded to two places more, so a
 *    percentage band such as 10% of 0.03 (0.003) keeps its meaning.
 * 4. The band is the tolerance as a width: an absolute tolerance as given; a percentage tolerance as
 *    that percentage of |target| (of the rounded target).
 * 5. HIGHER is better: at or above target GREEN; short of target by no more than the band AMBER;
 *    otherwise RED.
 *    LOWER is better: at or below target GREEN; over target by no more than the band AMBER;
 *    otherwise RED.
 *    GOALPOST: no further from target than the band GREEN; no further than twice the band AMBER;
 *    otherwise RED.
 * 6. Boundaries are inclusive in the indicator's favour: exactly on target is GREEN, exactly on the
 *    tolerance edge is AMBER (GOALPOST: exactly one band away is GREEN, exactly two bands AMBER).
 * 7. A zero target with a percentage tolerance has a zero band, so any figure off target is RED
 *    (GOALPOST: anything but the target itself is RED). Give zero targets an absolute tolerance.
 * 8. Negative values and targets need no special handling: the rules compare differences, and a
 *    percentage band is taken of |target|.
 *
 * Worked example (CAMMS manual): days to process new benefit claims, target 20, actual 22, lower is
 * better. With a 10% tolerance the band is 2 days, 22 is exactly on the edge: AMBER. With 5% the band
 * is 1 day: RED.
 */
import type { IndicatorKind, Polarity, Status, Tolerance } from './types';
import { roundTo } from './numbers';
import { toleranceBand } from './tolerance';

export type RatingInput = {
  readonly value: number | null;
  readonly target: number | null;
  readonly tolerance: Tolerance;
  readonly polarity: Polarity;
  readonly kind: IndicatorKind;
  readonly decimals: number;
  readonly deadlinePassed: boolean;
};

export function rateValue(input: RatingInput): Status {
  const { value, target, tolerance, polarity, kind, decimals, deadlinePassed } = input;
  if (value === null) return deadlinePassed ? 'MISSING' : 'DUE';
  if (kind === 'DATA_ONLY' || target === null) return 'DATA_ONLY';

  const shownValue = roundTo(value, decimals);
  const shownTarget = roundTo(target, decimals);
  // Rounding the difference again removes the noise of the subtraction itself (0.3 - 0.1).
  const gap = roundTo(shownValue - shownTarget, decimals);
  const band = roundTo(toleranceBand(shownTarget, tolerance), decimals + 2);

  switch (polarity) {
    case 'HIGHER':
      return colourByShortfall(-gap, band);
    case 'LOWER':
      return colourByShortfall(gap, band);
    case 'GOALPOST': {
      const distance = Math.abs(gap);
      if (distance <= band) return 'GREEN';
      return distance <= 2 * band ? 'AMBER' : 'RED';
    }
  }
}

/** shortfall: how far the figure is on the wrong side of the target (zero or less means met). */
function colourByShortfall(shortfall: number, band: number): Status {
  if (shortfall <= 0) return 'GREEN';
  return shortfall <= band ? 'AMBER' : 'RED';
}

/** Short words for people, beside or instead of the colour (never colour alone, for accessibility). */
export function describeStatus(status: Status): string {
  switch (status) {
    case 'GREEN':
      return 'On target';
    case 'AMBER':
      return 'Within tolerance';
    case 'RED':
      return 'Off target';
    case 'DATA_ONLY':
      return 'Data only';
    case 'MISSING':
      return 'Missing';
    case 'DUE':
      return 'Due';
    case 'AWAITING_VERIFICATION':
      return 'Awaiting verification';
  }
}
