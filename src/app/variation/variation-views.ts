/**
 * What the tab, the digest and the report show of an indicator's variation and year-end forecast
 * (#17), in words first: every icon and chart has the same thing as text beside it.
 */

/** The latest point's verdict, or why there is none. */
export const VARIATION_CODES = [
  'COMMON_CAUSE', 'SPECIAL_CAUSE_IMPROVEMENT', 'SPECIAL_CAUSE_CONCERN', 'SPECIAL_CAUSE_NEITHER', 'TOO_FEW_POINTS', 'NOT_ANALYSED',
] as const;
export type VariationCode = (typeof VARIATION_CODES)[number];

export const ASSURANCE_CODES = ['CONSISTENTLY_MET', 'CONSISTENTLY_MISSED', 'HIT_AND_MISS', 'NO_TARGET'] as const;
export type AssuranceCode = (typeof ASSURANCE_CODES)[number];

/** Beside a row's RAG: the variation and assurance icons' meaning, short and long. */
export interface SignalsView {
  readonly variation: VariationCode;
  /** "Concern", "Improvement", "Common cause", "Too few points", "Not analysed". */
  readonly variationLabel: string;
  /** "Special cause of concern: 7 points in a row below the average". */
  readonly variationText: string;
  /** Which way a special cause points, for its icon's arrow: above the average (or rising), below (or falling); null otherwise. */
  readonly variationDirection: 'HIGH' | 'LOW' | null;
  /** Null when not analysed or too few points (no limits to judge the target by). */
  readonly assurance: AssuranceCode | null;
  /** "Consistently met", "Consistently missed", "Hit and miss", "No target". */
  readonly assuranceLabel: string | null;
  readonly assuranceText: string | null;
  /** "Forecast year-end 1,234 (range 1,100 to 1,350), from the same point in 3 previous years"; null when not applicable. */
  readonly forecastText: string | null;
}

/** One point of the XmR chart: the analysed figure (a cumulative indicator's monthly amount) and its segment's lines. */
export interface XmrPointView {
  readonly period: string;
  /** "Oct 2026". */
  readonly label: string;
  readonly value: number;
  readonly valueText: string;
  readonly mean: number;
  readonly lower: number;
  readonly upper: number;
  /** Null when the point shows no special cause. */
  readonly signal: 'IMPROVEMENT' | 'CONCERN' | 'NEITHER' | null;
  /** Why the point is a signal, its rules in words: "beyond a process limit; part of a run on one side of the average"; null without a signal. */
  readonly signalText: string | null;
}

/** The indicator page's XmR chart, or why it has none (the text says which). */
export interface XmrChartView {
  readonly analysed: boolean;
  /** What the series is: "Monthly figures" or "What each month added to the year's running total". */
  readonly seriesText: string;
  readonly points: readonly XmrPointView[];
  /** The target in the series' terms, or null. */
  readonly target: number | null;
  readonly targetText: string | null;
  /** The latest segment's lines, formatted: "Average 21.3 days, process limits 17.9 to 24.7 days". */
  readonly linesText: string | null;
  /** Periods where the register says the process changed (the chart starts new limits there). */
  readonly rebasedAt: readonly { readonly period: string; readonly label: string }[];
  readonly signals: SignalsView;
}
