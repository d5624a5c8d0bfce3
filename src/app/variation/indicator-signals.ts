/**
 * One indicator's signals at a period (#17): its XmR analysis (xmr-chart.ts) and, for a measure that
 * adds up over the year, its year-end forecast (year-end-forecast.ts), from its history up to that
 * period. Pure: the history is read by register-signals.ts.
 *
 * The register decides whether variation applies (`variationApplies`), where the process changed
 * (`variationBaselineFrom`, a rebase) and how many points fix the limits (`variationBaselinePoints`);
 * the organisation sets the run lengths. A forecast is never used to set RAG, and neither is the
 * variation: both sit beside it.
 */
import type { IndicatorDefinition } from '../../domain/indicator';
import type { Aggregation } from '../../domain/types';
import {
  comparePeriods, financialYearOf, parsePeriod, periodKey, periodsInYearOf, previousPeriod, type Period,
} from '../../domain/periods';
import { analyseVariation, type VariationAnalysis } from '../../domain/xmr-chart';
import type { VariationPoint } from '../../domain/variation';
import type { RunLengths } from '../../domain/variation-settings';
import { forecastYearEnd, type YearEndForecast } from '../../domain/year-end-forecast';

/** The register's variation settings of an indicator; absent fields take the defaults (applies, no rebase, all points). */
export interface VariationRegisterSettings {
  readonly variationApplies?: boolean;
  /** A period key of the indicator's own frequency. */
  readonly variationBaselineFrom?: string | null;
  readonly variationBaselinePoints?: number | null;
}

export type SignalsIndicator = Pick<IndicatorDefinition, 'polarity' | 'aggregation' | 'frequency'> & VariationRegisterSettings;

export interface IndicatorSignals {
  /** Null where the register says variation does not apply. */
  readonly variation: VariationAnalysis | null;
  readonly forecast: YearEndForecast;
}

export interface SignalsInput {
  readonly indicator: SignalsIndicator;
  /** The period the signals are for. */
  readonly period: Period;
  /** The indicator's current figures, any order; those of another kind or after `period` are ignored. */
  readonly points: readonly VariationPoint[];
  /** Its targets by period key (profiled and annual), as stored. */
  readonly targets: ReadonlyMap<string, number>;
  readonly runLengths: RunLengths;
}

export function indicatorSignals(input: SignalsInput): IndicatorSignals {
  const { indicator, period } = input;
  const points = input.points.filter((p) => p.period.kind === period.kind && comparePeriods(p.period, period) <= 0);
  const forecast = forecastYearEnd({ aggregation: indicator.aggregation, period, points });
  if (indicator.variationApplies === false) return { variation: null, forecast };
  const rebase = indicator.variationBaselineFrom ? parsePeriod(indicator.variationBaselineFrom) : null;
  const variation = analyseVariation({
    aggregation: indicator.aggregation,
    polarity: indicator.polarity,
    points,
    target: seriesTarget(indicator.aggregation, input.targets, period),
    rebaseAt: rebase?.ok ? [rebase.value] : [],
    baselinePoints: indicator.variationBaselinePoints ?? null,
    runLengths: input.runLengths,
  });
  return { variation, forecast };
}

/**
 * The target in the analysed series' terms (xmr-chart.ts, rule 8). A cumulative figure is analysed
 * on what each period added, so its target is what the profile adds in the period (the profiled
 * target less the one before it in the year), or an even share of the year's target without a
 * profile. Every other aggregation is judged against the period's own target, or the year's.
 */
export function seriesTarget(aggregation: Aggregation, targets: ReadonlyMap<string, number>, period: Period): number | null {
  const own = targets.get(periodKey(period));
  const annual = targets.get(yearKey(period));
  if (aggregation !== 'CUMULATIVE') {
    if (own !== undefined) return own;
    if (annual === undefined) return null;
    return aggregation === 'SUM' ? annual / periodsInYearOf(period.kind) : annual;
  }
  const before = previousPeriod(period);
  const startsYear = financialYearOf(before) !== financialYearOf(period);
  if (own !== undefined && startsYear) return own;
  const ownBefore = targets.get(periodKey(before));
  if (own !== undefined && ownBefore !== undefined) return own - ownBefore;
  return annual === undefined ? null : annual / periodsInYearOf(period.kind);
}

/** "2026/27", the key of the financial year holding the period. */
function yearKey(period: Period): string {
  return periodKey({ kind: 'YEAR', fyStart: financialYearOf(period) });
}
