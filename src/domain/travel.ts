/**
 * Direction of travel: is this figure better or worse than a comparator (the previous period for the
 * short trend, the same period last year for the long trend)?
 *
 * "Better" follows polarity, so a fall in days to process claims is an improvement. Both figures are
 * rounded to the indicator's decimal places first: a change people cannot see is UNCHANGED. For a
 * goal-post indicator, better means closer to the target, which needs a target; equal figures are
 * still UNCHANGED without one, because the same figure is the same distance from any target.
 */
import type { Polarity, Travel } from './types';
import { roundTo } from './numbers';

export function directionOfTravel(
  current: number | null,
  comparator: number | null,
  polarity: Polarity,
  target: number | null,
  decimals: number,
): Travel {
  if (current === null || comparator === null) return 'NOT_COMPARABLE';
  const now = roundTo(current, decimals);
  const before = roundTo(comparator, decimals);
  if (now === before) return 'UNCHANGED';

  switch (polarity) {
    case 'HIGHER':
      return now > before ? 'IMPROVED' : 'WORSENED';
    case 'LOWER':
      return now < before ? 'IMPROVED' : 'WORSENED';
    case 'GOALPOST': {
      if (target === null) return 'NOT_COMPARABLE';
      const goal = roundTo(target, decimals);
      // Distances are rounded again so that 0.3 - 0.1 and 0.1 - (-0.1) compare as the 0.2 they are.
      const distanceNow = roundTo(Math.abs(now - goal), decimals);
      const distanceBefore = roundTo(Math.abs(before - goal), decimals);
      if (distanceNow === distanceBefore) return 'UNCHANGED';
      return distanceNow < distanceBefore ? 'IMPROVED' : 'WORSENED';
    }
  }
}

/**
 * A short marker for text and cards. The arrow points to better or worse, not to the figure rising or
 * falling (a fall in waiting days is "▲ improved"), and the word is always there so the arrow is never
 * the only clue.
 */
export function travelArrow(travel: Travel): string {
  switch (travel) {
    case 'IMPROVED':
      return '▲ improved';
    case 'WORSENED':
      return '▼ worsened';
    case 'UNCHANGED':
      return '▶ unchanged';
    case 'NOT_COMPARABLE':
      return '– not comparable';
  }
}
