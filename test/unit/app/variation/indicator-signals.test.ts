import { indicatorSignals, seriesTarget, type SignalsIndicator } from '../../../../src/app/variation/indicator-signals';
import { signalsView, threadVariationText, xmrChartView, XMR_CHART_POINTS } from '../../../../src/app/variation/signals-view';
import { DEFAULT_RUN_LENGTHS } from '../../../../src/domain/variation-settings';
import { parsePeriod, periodKey, shiftPeriod, type MonthPeriod, type Period } from '../../../../src/domain/periods';

const month = (key: string): MonthPeriod => {
  const parsed = parsePeriod(key);
  if (!parsed.ok || parsed.value.kind !== 'MONTH') throw new Error(key);
  return parsed.value;
};
const OCT_2026 = month('2026-10');

/** `values` ending at `end`, one a month. */
function monthly(values: readonly number[], end: MonthPeriod = OCT_2026): { period: Period; value: number }[] {
  return values.map((value, i) => ({ period: shiftPeriod(end, i - values.length + 1), value }));
}

/** 20 months alternating 20 and 22 (average 21, MR-bar 2, limits 15.68 to 26.32), then `tail`. */
const steady = (tail: readonly number[]) => [...Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 22 : 20)), ...tail];

const DAYS: SignalsIndicator & { unit: 'DAYS'; decimals: number } = { polarity: 'LOWER', aggregation: 'SNAPSHOT', frequency: 'MONTHLY', unit: 'DAYS', decimals: 1 };

function signalsOf(values: readonly number[], indicator: SignalsIndicator = DAYS, period: Period = OCT_2026, targets = new Map([['2026-10', 20]])) {
  return indicatorSignals({ indicator, period, points: monthly(values), targets, runLengths: DEFAULT_RUN_LENGTHS });
}

describe('seriesTarget: the target in the analysed series\' terms', () => {
  it('gives a cumulative measure what its profile adds in the period, or an even share of the year without one', () => {
    const profiled = new Map([['2026-04', 100], ['2026-05', 210], ['2026/27', 1200]]);
    expect(seriesTarget('CUMULATIVE', profiled, month('2026-04'))).toBe(100);
    expect(seriesTarget('CUMULATIVE', profiled, month('2026-05'))).toBe(110);
    // June has no profiled target: a twelfth of the year's 1,200.
    expect(seriesTarget('CUMULATIVE', profiled, month('2026-06'))).toBe(100);
    expect(seriesTarget('CUMULATIVE', new Map(), month('2026-06'))).toBeNull();
  });

  it('gives a summed measure its own target or a share of the year\'s, and any other its own or the year\'s', () => {
    const targets = new Map([['2026-05', 90], ['2026/27', 1200]]);
    expect(seriesTarget('SUM', targets, month('2026-05'))).toBe(90);
    expect(seriesTarget('SUM', targets, month('2026-06'))).toBe(100);
    expect(seriesTarget('SNAPSHOT', targets, month('2026-06'))).toBe(1200);
    expect(seriesTarget('AVERAGE', targets, month('2026-05'))).toBe(90);
  });
});

describe('indicatorSignals', () => {
  it('finds a shift of concern in days to process (lower is better) seven months above the average', () => {
    const signals = signalsOf(steady([23, 23.5, 24, 23, 23.5, 24, 23]));
    expect(signals.variation).toMatchObject({ kind: 'ANALYSED', latest: { variation: 'SPECIAL_CAUSE_CONCERN', rules: ['SHIFT'] } });
    expect(signalsView(signals, DAYS)).toMatchObject({
      variation: 'SPECIAL_CAUSE_CONCERN', variationLabel: 'Concern', variationText: 'Special cause of concern: 7 points in a row above the average',
      // Above the average: the icon's arrow points up (for days, a concern).
      variationDirection: 'HIGH',
    });
    expect(threadVariationText(signals)).toBe('A signal: Special cause of concern: 7 points in a row above the average');
  });

  it('points a trend alone the way it runs, whichever side of the average it has reached', () => {
    // Six months each lower than the one before, ending just above the average: a trend of improvement for days.
    const view = signalsView(signalsOf(steady([26, 25, 24, 23.5, 23, 22.5])), DAYS);
    expect(view).toMatchObject({ variation: 'SPECIAL_CAUSE_IMPROVEMENT', variationDirection: 'LOW' });
    expect(view.variationText).toMatch(/6 points in a row, each lower than the one before/);
    expect(signalsView(signalsOf(steady([21])), DAYS).variationDirection).toBeNull();
  });

  it('ignores figures after the period, so the verdict is the period\'s own', () => {
    const all = monthly(steady([23, 23.5, 24, 23, 23.5, 24, 23]));
    const september = indicatorSignals({ indicator: DAYS, period: month('2026-09'), points: all, targets: new Map(), runLengths: DEFAULT_RUN_LENGTHS });
    // Six above the average by September: not yet a shift.
    expect(september.variation).toMatchObject({ kind: 'ANALYSED', latest: { variation: 'COMMON_CAUSE', period: month('2026-09') } });
  });

  it('says so when there are too few points, and analyses nothing where the register says variation does not apply', () => {
    const few = signalsOf([20, 22, 21]);
    expect(signalsView(few, DAYS)).toMatchObject({ variation: 'TOO_FEW_POINTS', variationText: 'Too few points to tell signal from noise: 3 of 15', assurance: null });
    const off = signalsOf(steady([40]), { ...DAYS, variationApplies: false });
    expect(off.variation).toBeNull();
    expect(signalsView(off, DAYS)).toMatchObject({ variation: 'NOT_ANALYSED', variationLabel: 'Not analysed', assurance: null });
    expect(threadVariationText(off)).toBeNull();
  });

  it('rebases where the register says the process changed: new limits from then, so a step change is no longer a signal', () => {
    const values = [...steady([]), ...Array.from({ length: 16 }, (_, i) => (i % 2 === 0 ? 30 : 32))];
    expect(signalsOf(values).variation).toMatchObject({ latest: { variation: 'SPECIAL_CAUSE_CONCERN' } });
    const rebased = signalsOf(values, { ...DAYS, variationBaselineFrom: periodKey(shiftPeriod(OCT_2026, -15)) });
    expect(rebased.variation).toMatchObject({ kind: 'ANALYSED', mean: 31, latest: { variation: 'COMMON_CAUSE' } });
    const chart = xmrChartView(rebased, DAYS, 20);
    expect(chart.rebasedAt).toEqual([{ period: periodKey(shiftPeriod(OCT_2026, -15)), label: 'Jul 2025' }]);
    expect(chart.linesText).toBe('Average 31.0 days, process limits 25.7 days to 36.3 days');
  });

  it('gives assurance against the target: days to process averaging 21 with a target of 30 are consistently met', () => {
    const signals = signalsOf(steady([21]), DAYS, OCT_2026, new Map([['2026-10', 30]]));
    expect(signalsView(signals, DAYS)).toMatchObject({
      assurance: 'CONSISTENTLY_MET', assuranceLabel: 'Consistently met', assuranceText: 'The target will consistently be met while the process runs as it does',
    });
    expect(threadVariationText(signals)).toBe('Within normal variation: this figure is not a signal that the process has changed');
  });

  it('forecasts the year end of a summed measure, labelled as a forecast, and none for a snapshot', () => {
    const sum = { ...DAYS, aggregation: 'SUM' as const, unit: 'NUMBER' as const, decimals: 0 };
    const view = signalsView(signalsOf(Array.from({ length: 7 }, () => 100), sum), sum);
    // April to October: 700 in 7 months, 100 a month; 5 months to go at that rate.
    expect(view.forecastText).toMatch(/^Forecast year-end 1,200\b/);
    expect(signalsView(signalsOf(steady([])), DAYS).forecastText).toBeNull();
  });
});

describe('xmrChartView', () => {
  it('draws at most five years of points, each with its segment\'s lines and its signal in words', () => {
    // 35 twenties and 35 twenty-twos, then 40: average 1,510 / 71, the 40 far beyond the upper limit.
    const chart = xmrChartView(signalsOf([...Array.from({ length: 70 }, (_, i) => (i % 2 === 0 ? 20 : 22)), 40]), DAYS, 20);
    expect(chart.points).toHaveLength(XMR_CHART_POINTS);
    expect(chart.points.at(-1)).toMatchObject({
      period: '2026-10', label: 'Oct 2026', valueText: '40.0 days', mean: expect.closeTo(1510 / 71, 9), signal: 'CONCERN', signalText: 'beyond a process limit',
    });
    expect(chart.points[0]!.signal).toBeNull();
    expect(chart).toMatchObject({ analysed: true, target: 20, targetText: '20.0 days', seriesText: 'The figure of each period' });
  });

  it('has no points, only the reason in words, when not analysed', () => {
    expect(xmrChartView(signalsOf([20, 22]), DAYS, 20)).toMatchObject({
      analysed: false, points: [], linesText: null, signals: { variationText: 'Too few points to tell signal from noise: 2 of 15' },
    });
  });
});
