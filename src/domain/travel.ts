/**
 * Direction of travel: is this figure better or worse than a comparator? travelOf chooses the
 * comparator by aggregation (the previous period, or for a cumulative figure the same period last
 * year); the long trend is always against the same period last year.
 *
 * "Better" follows polarity, so a fall in days to process claims is an improvement. Both figures are
 * rounded to the indicator's decimal places first: a change people cannot see is UNCHANGED. For a
 * goal-post indicator, better means closer to the target, which needs a target; equal figures are
 * still UNCHANGED without one, because the same figure is the same distance from any target.
 */
import type { Aggregation, Polarity, Status, Travel, Unit } from './types';
import { formatUkNumber, formatValue, roundTo } from './numbers';
import { monthName, periodShortLabel, previousPeriod, samePeriodLastYear, type Period } from './periods';

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

/**
 * What one figure is compared with, chosen by how its values add up (#14). A cumulative figure (Council
 * Tax collected so far this year) rises every month and starts again every April, so comparing it with
 * last month says nothing: it is compared with the same point last year and, where the target is profiled
 * for the period, with that profiled target. Every other aggregation is compared with the previous period
 * (for ROLLING12 the previous rolling figure, which is already a year's worth).
 */
export interface TravelInput {
  readonly aggregation: Aggregation;
  readonly polarity: Polarity;
  readonly unit: Unit;
  readonly decimals: number;
  readonly period: Period;
  readonly figure: number | null;
  readonly previousFigure: number | null;
  readonly lastYearFigure: number | null;
  readonly target: number | null;
  /** The target was set for exactly this period (a profile), not inherited from the year. */
  readonly targetProfiled: boolean;
}

export interface TravelReading {
  /** The travel shown as the arrow: against the comparator that fits the aggregation. */
  readonly short: Travel;
  /** Against the same period last year, whatever the aggregation. */
  readonly long: Travel;
  /** The figure the arrow compared with, for "x to y (Oct 2025 to Oct 2026)"; null when there was none. */
  readonly comparator: { readonly period: Period; readonly figure: number } | null;
  /** "1.2 points behind April last year; ahead of the profiled target of 45.0%". */
  readonly comparisonText: string;
}

export function travelOf(input: TravelInput): TravelReading {
  const { figure, polarity, target, decimals } = input;
  const lastYear = samePeriodLastYear(input.period);
  const long = directionOfTravel(figure, input.lastYearFigure, polarity, target, decimals);
  if (input.aggregation === 'CUMULATIVE') {
    const profile = input.targetProfiled && target !== null ? profileText(input, target) : null;
    const yearText = figure === null
      ? 'no figure yet'
      : input.lastYearFigure === null
        ? `no figure for ${sameWhenLastYear(input.period)}`
        : `${gapText(input, input.lastYearFigure)} ${sameWhenLastYear(input.period)}`;
    return {
      short: long,
      long,
      comparator: input.lastYearFigure === null ? null : { period: lastYear, figure: input.lastYearFigure },
      comparisonText: profile ? `${yearText}; ${profile}` : yearText,
    };
  }
  const previous = previousPeriod(input.period);
  const previousText = figure === null
    ? 'no figure yet'
    : input.previousFigure === null
      ? `no figure for ${periodShortLabel(previous)}`
      : `${betterWorseText(input, input.previousFigure)} ${periodShortLabel(previous)}`;
  return {
    short: directionOfTravel(figure, input.previousFigure, polarity, target, decimals),
    long,
    comparator: input.previousFigure === null ? null : { period: previous, figure: input.previousFigure },
    comparisonText: previousText,
  };
}

/**
 * Whether the Board's digest celebrates a figure: it is on target (green) and it improved by the rule
 * that fits its aggregation, so a cumulative figure behind last year's same point is never celebrated,
 * however much it rose since last month.
 */
export function worthCelebrating(status: Status, reading: TravelReading): boolean {
  return status === 'GREEN' && reading.short === 'IMPROVED';
}

/** "April last year", "Q1 last year", "last year". */
function sameWhenLastYear(period: Period): string {
  switch (period.kind) {
    case 'MONTH':
      return `${monthName(period.month)} last year`;
    case 'QUARTER':
      return `Q${period.quarter} last year`;
    case 'YEAR':
      return 'last year';
  }
}

/** "1.2 points ahead of", "£300 behind", "level with": ahead means better, by polarity. */
function gapText(input: TravelInput, comparator: number): string {
  const travel = directionOfTravel(input.figure, comparator, input.polarity, input.target, input.decimals);
  const gap = gapOf(input, comparator);
  switch (travel) {
    case 'IMPROVED':
      return `${gap} ahead of`;
    case 'WORSENED':
      return `${gap} behind`;
    case 'UNCHANGED':
      return 'level with';
    case 'NOT_COMPARABLE':
      return `${gap} ${roundTo(input.figure ?? 0, input.decimals) > roundTo(comparator, input.decimals) ? 'above' : 'below'}`;
  }
}

/** "3.0 days better than", "the same as": better follows polarity. */
function betterWorseText(input: TravelInput, comparator: number): string {
  const travel = directionOfTravel(input.figure, comparator, input.polarity, input.target, input.decimals);
  const gap = gapOf(input, comparator);
  switch (travel) {
    case 'IMPROVED':
      return `${gap} better than`;
    case 'WORSENED':
      return `${gap} worse than`;
    case 'UNCHANGED':
      return 'the same as';
    case 'NOT_COMPARABLE':
      return `${gap} ${roundTo(input.figure ?? 0, input.decimals) > roundTo(comparator, input.decimals) ? 'above' : 'below'}`;
  }
}

function profileText(input: TravelInput, target: number): string {
  const of = `the profiled target of ${formatValue(target, input.unit, input.decimals)}`;
  if (input.figure === null) return of;
  if (input.polarity === 'GOALPOST') {
    // Near a goal post there is no ahead or behind, only how far from it.
    const gap = roundTo(Math.abs(roundTo(input.figure, input.decimals) - roundTo(target, input.decimals)), input.decimals);
    return gap === 0 ? `on ${of}` : `${gapOf(input, target)} from ${of}`;
  }
  const travel = directionOfTravel(input.figure, target, input.polarity, target, input.decimals);
  if (travel === 'UNCHANGED') return `on ${of}`;
  return travel === 'IMPROVED' ? `ahead of ${of}` : `behind ${of}`;
}

/**
 * The size of a difference at the indicator's precision: percentages differ by points, not per cent
 * ("1.2 points"), every other unit in its own terms ("£300", "3 days").
 */
function gapOf(input: TravelInput, comparator: number): string {
  const gap = roundTo(Math.abs(roundTo(input.figure ?? 0, input.decimals) - roundTo(comparator, input.decimals)), input.decimals);
  if (input.unit === 'PERCENT') return `${formatUkNumber(gap, input.decimals)} ${gap === 1 && input.decimals === 0 ? 'point' : 'points'}`;
  return formatValue(gap, input.unit, input.decimals);
}
