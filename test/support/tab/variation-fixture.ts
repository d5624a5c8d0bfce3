/**
 * Stand-in #17 data for the tab's browser test, added to the server's real answers until the server
 * fills `signals` (scorecard rows) and `xmr` (indicator page) itself; then the test can drop these
 * and read the real ones. Realistic on purpose: a shift of concern (7 points below the average),
 * an astronomical point of improvement, a rebase, a target between the limits (hit and miss), a
 * forecast, and too few points for the quarterly and annual indicators.
 */
import type { IndicatorPageView, ScorecardView } from '../../../src/app/scorecard/tab-views';
import type { SignalsView, XmrChartView, XmrPointView } from '../../../src/app/variation/variation-views';

/** The indicator whose page gets the full XmR chart (monthly, a percentage, higher is better, target 90%). */
export const CHARTED_CODE = 'FIN03';
/** A quarterly indicator: too few points to analyse. */
export const TOO_FEW_CODE = 'SRV03';

const CONCERN: SignalsView = {
  variation: 'SPECIAL_CAUSE_CONCERN', variationLabel: 'Concern', variationText: 'Special cause of concern: 7 points in a row below the average', variationDirection: 'LOW',
  assurance: 'HIT_AND_MISS', assuranceLabel: 'Hit and miss',
  assuranceText: 'Hit and miss: the target of 90.0% lies between the process limits, so the figure will sometimes meet it and sometimes not',
  forecastText: null,
};

/** Each row's signals by code; rows not listed are common cause. */
const ROW_SIGNALS: Readonly<Record<string, SignalsView>> = {
  [CHARTED_CODE]: CONCERN,
  SRV01: {
    variation: 'SPECIAL_CAUSE_CONCERN', variationLabel: 'Concern', variationText: 'Special cause of concern: above the upper process limit', variationDirection: 'HIGH',
    assurance: 'CONSISTENTLY_MISSED', assuranceLabel: 'Consistently missed', assuranceText: 'Consistently missed: the target of 20.0 days is below the lower process limit', forecastText: null,
  },
  SRV02: {
    variation: 'SPECIAL_CAUSE_IMPROVEMENT', variationLabel: 'Improvement', variationText: 'Special cause of improvement: below the lower process limit', variationDirection: 'LOW',
    assurance: 'CONSISTENTLY_MET', assuranceLabel: 'Consistently met', assuranceText: 'Consistently met: the target of 9.0 days is above the upper process limit', forecastText: null,
  },
  SRV06: {
    variation: 'SPECIAL_CAUSE_NEITHER', variationLabel: 'Neither', variationText: 'Special cause, neither improvement nor concern: 7 points in a row above the average', variationDirection: 'HIGH',
    assurance: 'NO_TARGET', assuranceLabel: 'No target', assuranceText: 'No target: a data-only indicator', forecastText: null,
  },
  FIN01: {
    variation: 'COMMON_CAUSE', variationLabel: 'Common cause', variationText: 'Common cause variation: no signal in the last 24 months', variationDirection: null,
    assurance: 'CONSISTENTLY_MET', assuranceLabel: 'Consistently met', assuranceText: 'Consistently met: the target is below the lower process limit',
    forecastText: 'Forecast year-end 98.9% (range 98.6% to 99.2%), from the same point in 2 previous years',
  },
};

const TOO_FEW: SignalsView = {
  variation: 'TOO_FEW_POINTS', variationLabel: 'Too few points', variationText: 'Too few points to tell signal from noise: 9 of 15', variationDirection: null,
  assurance: null, assuranceLabel: null, assuranceText: null, forecastText: null,
};
const NOT_ANALYSED: SignalsView = {
  variation: 'NOT_ANALYSED', variationLabel: 'Not analysed', variationText: 'Not analysed: annual figures are too far apart to chart as a process', variationDirection: null,
  assurance: null, assuranceLabel: null, assuranceText: null, forecastText: null,
};
const COMMON: SignalsView = {
  variation: 'COMMON_CAUSE', variationLabel: 'Common cause', variationText: 'Common cause variation: no signal in the last 24 months', variationDirection: null,
  assurance: 'HIT_AND_MISS', assuranceLabel: 'Hit and miss', assuranceText: 'Hit and miss: the target lies between the process limits', forecastText: null,
};

/** The scorecard with every row's signals, chosen by code and frequency. */
export function withSignals(view: ScorecardView): ScorecardView {
  return {
    ...view,
    indicators: view.indicators.map((row) => ({
      ...row,
      signals: ROW_SIGNALS[row.code] ?? (/Q\d/.test(row.periodLabel) ? TOO_FEW : /^\d{4}\/\d{2}$/.test(row.periodLabel) ? NOT_ANALYSED : COMMON),
    })),
  };
}

/** The indicator page with an XmR chart: the charted indicator's full one, too few points for the rest. */
export function withXmr(page: IndicatorPageView): IndicatorPageView {
  if (page.code !== CHARTED_CODE) {
    return { ...page, xmr: { analysed: false, seriesText: 'Quarterly figures', points: [], target: null, targetText: null, linesText: null, rebasedAt: [], signals: TOO_FEW } };
  }
  return { ...page, xmr: chartedXmr(page) };
}

/**
 * 24 months on the page's own periods: around 86% before a new payments process (the rebase, a
 * year ago), then around 92% with one astronomical month, and the last 7 months below the new
 * average. The lines are worked out as an XmR chart does: the average, and 2.66 average moving ranges either side.
 */
function chartedXmr(page: IndicatorPageView): XmrChartView {
  const periods = page.trend.slice(-24);
  const before = [86.8, 85.4, 87.1, 85.1, 86.3, 85.6, 86.7, 85.0, 86.5, 85.8, 86.9, 85.3];
  const after = [92.8, 93.4, 97.5, 93.1, 92.6, 90.9, 91.2, 90.6, 91.4, 90.8, 91.0, 90.7];
  const values = [...before, ...after].slice(-periods.length);
  const rebaseIndex = Math.max(0, periods.length - after.length);
  const lines = [limits(values.slice(0, rebaseIndex)), limits(values.slice(rebaseIndex))];
  const points: XmrPointView[] = periods.map((p, index) => {
    const line = lines[index < rebaseIndex ? 0 : 1]!;
    const value = values[index]!;
    const shift = index >= periods.length - 7;
    const signal = value > line.upper ? 'IMPROVEMENT' : shift ? 'CONCERN' : null;
    return {
      period: p.period, label: p.label, value, valueText: `${value.toFixed(1)}%`, ...line, signal,
      signalText: signal === 'IMPROVEMENT' ? 'Above the upper process limit' : signal === 'CONCERN' ? '7 points in a row below the average' : null,
    };
  });
  const latest = lines[1]!;
  return {
    analysed: true,
    seriesText: 'Monthly figures',
    points,
    target: 90,
    targetText: '90.0%',
    linesText: `Average ${latest.mean.toFixed(1)}%, process limits ${latest.lower.toFixed(1)}% to ${latest.upper.toFixed(1)}%`,
    rebasedAt: [{ period: periods[rebaseIndex]!.period, label: periods[rebaseIndex]!.label }],
    signals: CONCERN,
  };
}

function limits(values: readonly number[]): { mean: number; lower: number; upper: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const ranges = values.slice(1).map((v, i) => Math.abs(v - values[i]!));
  const spread = (2.66 * ranges.reduce((a, b) => a + b, 0)) / Math.max(1, ranges.length);
  return { mean, lower: mean - spread, upper: mean + spread };
}
