/**
 * Is a figure unusual enough that its owner should look again before it is stored (#16)? A mistyped
 * 95 for 59 is a valid percentage, so validation (validation.ts) lets it through; these checks
 * catch it by what the indicator usually reports. Each reason is a question, not a refusal: the
 * owner confirms the figure (stored with the flag) or corrects it.
 *
 *   1. Beyond its natural process limits (variation.ts) at its decimal places, when its history is
 *      long enough to have them.
 *   2. A jump from the period before larger than the register allows, where it sets a limit (the
 *      indicator's largest believable change in percent; some figures can double, others cannot).
 *   3. Outside what the unit can plausibly hold (PLAUSIBLE_CEILING): more days than a year has, more
 *      minutes than a day, a percentage allowed above 100 that is above 1,000.
 *
 * A cumulative figure is judged by what it added in the period, as its limits are; the jump check
 * compares it with what the period before added.
 */
import type { Aggregation, Unit } from './types';
import { formatValue, roundTo } from './numbers';
import { comparePeriods, periodKey, previousPeriod, type Period } from './periods';
import { addedInPeriod, processLimits, variationSeries, type ProcessLimits, type VariationPoint } from './variation';

/** Above these a figure in the unit is almost certainly a slip; units with no natural ceiling have none. */
export const PLAUSIBLE_CEILING: Readonly<Partial<Record<Unit, number>>> = {
  DAYS: 366,
  MINUTES: 1_440,
  PERCENT: 1_000,
};

export type UnusualReason =
  | { readonly kind: 'BEYOND_PROCESS_LIMITS'; readonly side: 'ABOVE' | 'BELOW'; readonly limits: ProcessLimits }
  | { readonly kind: 'IMPLAUSIBLE_JUMP'; readonly previous: number; readonly changePercent: number; readonly maxChangePercent: number }
  | { readonly kind: 'ABOVE_PLAUSIBLE_CEILING'; readonly ceiling: number };

export interface UnusualValueInput {
  readonly indicator: {
    readonly code: string;
    readonly title: string;
    readonly unit: Unit;
    readonly decimals: number;
    readonly aggregation: Aggregation;
    /** The register's largest believable change from one period to the next, in percent; null for none. */
    readonly maxChangePercent: number | null;
  };
  readonly period: Period;
  readonly value: number;
  /** The indicator's stored figures for earlier periods of the same kind, in any order. */
  readonly history: readonly VariationPoint[];
}

export interface UnusualValue {
  readonly reasons: readonly UnusualReason[];
  /** One sentence per reason, naming the indicator and what to do, for the card. */
  readonly messages: readonly string[];
}

export function unusualValue(input: UnusualValueInput): UnusualValue {
  const { indicator, period, value } = input;
  const earlier = input.history.filter((p) => p.period.kind === period.kind && comparePeriods(p.period, period) < 0);
  const byKey = new Map(earlier.map((p) => [periodKey(p.period), p.value]));
  const cumulative = indicator.aggregation === 'CUMULATIVE';
  const judged = cumulative ? addedInPeriod({ period, value }, byKey) : value;

  const reasons: UnusualReason[] = [];
  const limits = processLimits(variationSeries(indicator.aggregation, earlier).map((p) => p.value));
  if (limits && judged !== null) {
    // At the indicator's decimal places, as the card shows the figure and the limits: a figure is
    // never questioned for being beyond a limit it appears to equal.
    const [shown, upper, lower] = [judged, limits.upper, limits.lower].map((n) => roundTo(n, indicator.decimals)) as [number, number, number];
    if (shown > upper || shown < lower) reasons.push({ kind: 'BEYOND_PROCESS_LIMITS', side: shown > upper ? 'ABOVE' : 'BELOW', limits });
  }
  const jump = jumpFrom(input, byKey, judged);
  if (jump) reasons.push(jump);
  const ceiling = PLAUSIBLE_CEILING[indicator.unit];
  if (ceiling !== undefined && value > ceiling && !(indicator.unit === 'PERCENT' && value <= 100)) {
    reasons.push({ kind: 'ABOVE_PLAUSIBLE_CEILING', ceiling });
  }
  return { reasons, messages: reasons.map((reason) => messageFor(input, reason, { cumulative, neverNegative: earlier.every((p) => p.value >= 0) })) };
}

function jumpFrom(input: UnusualValueInput, byKey: ReadonlyMap<string, number>, judged: number | null): UnusualReason | null {
  const max = input.indicator.maxChangePercent;
  if (max === null || judged === null) return null;
  const before = previousPeriod(input.period);
  const stored = byKey.get(periodKey(before));
  if (stored === undefined) return null;
  const previous = input.indicator.aggregation === 'CUMULATIVE' ? addedInPeriod({ period: before, value: stored }, byKey) : stored;
  // A change from nothing has no percentage; the process limits judge those.
  if (previous === null || previous === 0) return null;
  const changePercent = (Math.abs(judged - previous) / Math.abs(previous)) * 100;
  return changePercent > max ? { kind: 'IMPLAUSIBLE_JUMP', previous, changePercent, maxChangePercent: max } : null;
}

function messageFor(input: UnusualValueInput, reason: UnusualReason, history: { cumulative: boolean; neverNegative: boolean }): string {
  const { cumulative } = history;
  const { indicator, value } = input;
  const name = `${indicator.code} ${indicator.title}`;
  const shown = (n: number) => formatValue(n, indicator.unit, indicator.decimals);
  const what = cumulative ? `${shown(value)} adds an amount that is` : `${shown(value)} is`;
  const check = 'check it, then confirm it or correct it.';
  switch (reason.kind) {
    case 'BEYOND_PROCESS_LIMITS': {
      const { lower, upper, points } = reason.limits;
      // A count's lower limit can fall below zero on paper; nobody reports less than nothing.
      const floor = lower < 0 && history.neverNegative ? 0 : lower;
      const range = `${shown(floor)} to ${shown(upper)}${cumulative ? ' added a period' : ''}, from its last ${points} figures`;
      return `${name}: ${what} ${reason.side === 'ABOVE' ? 'above' : 'below'} what it usually reports (${range}): ${check}`;
    }
    case 'IMPLAUSIBLE_JUMP':
      return `${name}: ${what} ${Math.round(reason.changePercent)}% away from the period before (${shown(reason.previous)}${cumulative ? ' added' : ''}), more than the ${reason.maxChangePercent}% the register expects at most: ${check}`;
    case 'ABOVE_PLAUSIBLE_CEILING':
      return `${name}: ${shown(value)} is more than ${shown(reason.ceiling)}, which is rarely possible for this unit: ${check}`;
  }
}
