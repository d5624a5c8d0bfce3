/**
 * An indicator's signals as people read them (#17): the verdict and assurance in short and long
 * words, the forecast in a sentence, and the XmR chart's points and lines formatted in the
 * indicator's unit. The tab, the digest and the report all take their words from here.
 */
import type { IndicatorDefinition } from '../../domain/indicator';
import { formatValue } from '../../domain/numbers';
import { periodKey, periodShortLabel } from '../../domain/periods';
import { describeAssurance, describeVariation, type AnalysedPoint, type Assurance, type LatestVariation, type VariationAnalysed } from '../../domain/xmr-chart';
import { describeForecast } from '../../domain/year-end-forecast';
import type { IndicatorSignals } from './indicator-signals';
import type { AssuranceCode, SignalsView, VariationCode, XmrChartView, XmrPointView } from './variation-views';

type Formatting = Pick<IndicatorDefinition, 'unit' | 'decimals' | 'aggregation'>;

const VARIATION_LABELS: Readonly<Record<VariationCode, string>> = {
  COMMON_CAUSE: 'Common cause',
  SPECIAL_CAUSE_IMPROVEMENT: 'Improvement',
  SPECIAL_CAUSE_CONCERN: 'Concern',
  SPECIAL_CAUSE_NEITHER: 'Special cause',
  TOO_FEW_POINTS: 'Too few points',
  NOT_ANALYSED: 'Not analysed',
};

const ASSURANCE_LABELS: Readonly<Record<AssuranceCode, string>> = {
  CONSISTENTLY_MET: 'Consistently met',
  CONSISTENTLY_MISSED: 'Consistently missed',
  HIT_AND_MISS: 'Hit and miss',
  NO_TARGET: 'No target',
};

export function variationLabel(code: VariationCode): string {
  return VARIATION_LABELS[code];
}

export function assuranceLabel(code: Assurance): string {
  return ASSURANCE_LABELS[code];
}

export function signalsView(signals: IndicatorSignals, indicator: Formatting): SignalsView {
  const format = (n: number) => formatValue(n, indicator.unit, indicator.decimals);
  const forecastText = signals.forecast.kind === 'NOT_APPLICABLE' ? null : describeForecast(signals.forecast, format);
  const analysis = signals.variation;
  if (analysis === null) {
    return { ...noAssurance('NOT_ANALYSED', 'Variation is not analysed for this indicator'), forecastText };
  }
  if (analysis.kind === 'TOO_FEW_POINTS') {
    return { ...noAssurance('TOO_FEW_POINTS', describeVariation(analysis)), forecastText };
  }
  return {
    variation: analysis.latest.variation,
    variationLabel: variationLabel(analysis.latest.variation),
    variationText: describeVariation(analysis),
    variationDirection: directionOf(analysis.latest),
    assurance: analysis.assurance,
    assuranceLabel: assuranceLabel(analysis.assurance),
    assuranceText: describeAssurance(analysis.assurance),
    forecastText,
  };
}

function noAssurance(variation: VariationCode, variationText: string): Omit<SignalsView, 'forecastText'> {
  return { variation, variationLabel: variationLabel(variation), variationText, variationDirection: null, assurance: null, assuranceLabel: null, assuranceText: null };
}

/** A trend alone points the way it runs; any other special cause to the side of the average it is on. */
function directionOf(latest: LatestVariation): SignalsView['variationDirection'] {
  if (latest.variation === 'COMMON_CAUSE') return null;
  if (latest.rules.length === 1 && latest.rules[0] === 'TREND' && latest.trend) return latest.trend.direction === 'RISING' ? 'HIGH' : 'LOW';
  return latest.sideOfMean === 'ABOVE' ? 'HIGH' : latest.sideOfMean === 'BELOW' ? 'LOW' : null;
}

/**
 * What a red or amber thread says of its figure: a signal, or within normal variation (so the
 * colour alone is no reason to think the process has changed). Null where variation is not analysed.
 */
export function threadVariationText(signals: IndicatorSignals): string | null {
  const analysis = signals.variation;
  if (analysis === null) return null;
  if (analysis.kind === 'TOO_FEW_POINTS') return `Variation: ${describeVariation(analysis).toLowerCase()}`;
  if (analysis.latest.variation === 'COMMON_CAUSE') {
    return 'Within normal variation: this figure is not a signal that the process has changed';
  }
  return `A signal: ${describeVariation(analysis)}`;
}

/** How many of the latest analysed points the chart draws: five years of a monthly measure. */
export const XMR_CHART_POINTS = 60;

export function xmrChartView(signals: IndicatorSignals, indicator: Formatting, target: number | null): XmrChartView {
  const format = (n: number) => formatValue(n, indicator.unit, indicator.decimals);
  const view = signalsView(signals, indicator);
  const seriesText = indicator.aggregation === 'CUMULATIVE'
    ? 'What each period added to the year\'s running total (the running total climbs from April, so it is the additions that vary)'
    : 'The figure of each period';
  const analysis = signals.variation;
  if (analysis === null || analysis.kind !== 'ANALYSED') {
    return { analysed: false, seriesText, points: [], target: null, targetText: null, linesText: null, rebasedAt: [], signals: view };
  }
  const points = analysis.points.slice(-XMR_CHART_POINTS);
  return {
    analysed: true,
    seriesText,
    points: points.map((p) => pointView(p, format)),
    target,
    targetText: target === null ? null : format(target),
    linesText: linesText(analysis, format),
    rebasedAt: points.filter((p, i) => i > 0 && p.segment !== points[i - 1]!.segment)
      .map((p) => ({ period: periodKey(p.period), label: periodShortLabel(p.period) })),
    signals: view,
  };
}

function linesText(analysis: VariationAnalysed, format: (n: number) => string): string {
  return `Average ${format(analysis.mean)}, process limits ${format(analysis.lower)} to ${format(analysis.upper)}`;
}

const RULE_WORDS = {
  BEYOND_LIMIT: 'beyond a process limit',
  SHIFT: 'part of a run on one side of the average',
  TREND: 'part of a run rising or falling',
  TWO_OF_THREE: 'two of three near a process limit',
} as const;

function pointView(p: AnalysedPoint, format: (n: number) => string): XmrPointView {
  return {
    period: periodKey(p.period),
    label: periodShortLabel(p.period),
    value: p.value,
    valueText: format(p.value),
    mean: p.mean,
    lower: p.lower,
    upper: p.upper,
    signal: p.side,
    signalText: p.side === null ? null : p.signals.map((rule) => RULE_WORDS[rule]).join('; '),
  };
}
