import {
  periodFigure,
  quarterFigure,
  targetForPeriod,
  yearToDate,
  ytdTarget,
  type SeriesPoint,
  type TargetPoint,
  figureIn,
  indexByPeriod,
  targetIn,
  quarterToDateIn,
  quarterToDateTargetIn,
} from '../../../src/domain/aggregation';
import { monthPeriod, parsePeriod, quarterPeriod, yearPeriod, type Period, type QuarterPeriod } from '../../../src/domain/periods';
import type { Aggregation } from '../../../src/domain/types';

/** A period from its key, so the tables read like the register. */
function p(key: string): Period {
  const parsed = parsePeriod(key);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

/** Monthly values from April of `fyStart` onwards, one per month, null for a gap. */
function monthsFrom(fyStart: number, values: readonly (number | null)[]): SeriesPoint[] {
  return values.map((value, i) => ({ period: monthPeriod(fyStart + (i >= 9 ? 1 : 0), ((i + 3) % 12) + 1), value }));
}

const targets = (entries: readonly [string, number][]): TargetPoint[] => entries.map(([key, value]) => ({ period: p(key), value }));

// Council Tax collected, cumulative: each value is already the year to date. July is missing.
const councilTax = monthsFrom(2026, [10.9, 19.8, 28.7, null, 46.1]);
// Fly-tips reported, summed. June is missing.
const flyTips = monthsFrom(2026, [120, 95, null, 130]);
// Days to process new claims, averaged.
const claimDays = monthsFrom(2026, [22, 19, 21]);
// Households in temporary accommodation, latest stands. June is missing.
const households = monthsFrom(2026, [212, 220, null]);
// Working days lost to sickness per FTE each month; the rolling figure is twelve months' total.
// 0.9 a month from July 2025 to June 2026, nothing yet for July 2026.
const sickness = [...monthsFrom(2025, [null, null, null, ...Array<number>(9).fill(0.9)]), ...monthsFrom(2026, [0.9, 0.9, 0.9, null])];

describe('periodFigure', () => {
  it.each<[string, Aggregation, SeriesPoint[], string, number | null]>([
    ['a cumulative value is its own figure', 'CUMULATIVE', councilTax, '2026-06', 28.7],
    ['a missing cumulative value has no figure', 'CUMULATIVE', councilTax, '2026-07', null],
    ['a summed value is its own figure', 'SUM', flyTips, '2026-05', 95],
    ['an averaged value is its own figure', 'AVERAGE', claimDays, '2026-06', 21],
    ['a snapshot value is its own figure', 'SNAPSHOT', households, '2026-05', 220],
    ['a period outside the series has no figure', 'SUM', flyTips, '2025-05', null],
    ['rolling 12: July 2025 to June 2026 all present', 'ROLLING12', sickness, '2026-06', 10.8],
    ['rolling 12: July 2026 itself is missing', 'ROLLING12', sickness, '2026-07', null],
    ['rolling 12: May 2026 needs June 2025, which is missing', 'ROLLING12', sickness, '2026-05', null],
  ])('%s (%s)', (_, aggregation, series, key, expected) => {
    expect(periodFigure(aggregation, series, p(key))).toBe(expected);
  });

  it('rolling 12 over quarters sums the four quarters ending with the period, across the year end', () => {
    const quarters: SeriesPoint[] = [
      { period: quarterPeriod(2025, 1), value: 9 },
      { period: quarterPeriod(2025, 2), value: 2.5 },
      { period: quarterPeriod(2025, 3), value: 2.6 },
      { period: quarterPeriod(2025, 4), value: 2.4 },
      { period: quarterPeriod(2026, 1), value: 2.8 },
    ];
    expect(periodFigure('ROLLING12', quarters, quarterPeriod(2026, 1))).toBe(10.3);
    expect(periodFigure('ROLLING12', quarters, quarterPeriod(2025, 4))).toBe(16.5);
    expect(periodFigure('ROLLING12', quarters, quarterPeriod(2026, 2))).toBeNull();
  });

  it('the later of two points for the same period wins', () => {
    const corrected: SeriesPoint[] = [
      { period: monthPeriod(2026, 4), value: 22 },
      { period: monthPeriod(2026, 4), value: 21 },
    ];
    expect(periodFigure('AVERAGE', corrected, monthPeriod(2026, 4))).toBe(21);
  });
});

describe('yearToDate', () => {
  it.each<[string, Aggregation, SeriesPoint[], string, number | null, number, boolean]>([
    ['cumulative: the latest value', 'CUMULATIVE', councilTax, '2026-06', 28.7, 3, true],
    ['cumulative: the latest value given, July missing', 'CUMULATIVE', councilTax, '2026-07', 28.7, 3, false],
    ['cumulative: August after a gap in July', 'CUMULATIVE', councilTax, '2026-08', 46.1, 4, false],
    ['cumulative: first month', 'CUMULATIVE', councilTax, '2026-04', 10.9, 1, true],
    ['sum: April and May', 'SUM', flyTips, '2026-05', 215, 2, true],
    ['sum: to July, June missing', 'SUM', flyTips, '2026-07', 345, 3, false],
    ['average: mean of three months', 'AVERAGE', claimDays, '2026-06', 62 / 3, 3, true],
    ['average: mean of two months', 'AVERAGE', claimDays, '2026-05', 20.5, 2, true],
    ['snapshot: the latest value', 'SNAPSHOT', households, '2026-05', 220, 2, true],
    ['snapshot: the latest value given, June missing', 'SNAPSHOT', households, '2026-06', 220, 2, false],
    ['rolling 12: the rolling figure at June', 'ROLLING12', sickness, '2026-06', 10.8, 3, true],
    ['rolling 12: the rolling figure at the latest month given', 'ROLLING12', sickness, '2026-08', 10.8, 3, false],
    ['nothing given yet this year', 'SUM', flyTips, '2027-05', null, 0, false],
    ['the new year starts afresh in April', 'CUMULATIVE', [...councilTax, ...monthsFrom(2027, [11.2])], '2027-04', 11.2, 1, true],
    ['March counts the whole year', 'SUM', monthsFrom(2026, Array<number>(12).fill(10)), '2027-03', 120, 12, true],
  ])('%s (%s)', (_, aggregation, series, key, value, periodsCounted, complete) => {
    const figure = yearToDate(aggregation, series, p(key));
    expect(figure.periodsCounted).toBe(periodsCounted);
    expect(figure.complete).toBe(complete);
    if (value === null) expect(figure.value).toBeNull();
    else expect(figure.value).toBeCloseTo(value, 10);
  });

  it('trims float noise from sums and means', () => {
    const tenths = monthsFrom(2026, [0.1, 0.2]);
    expect(yearToDate('SUM', tenths, monthPeriod(2026, 5)).value).toBe(0.3);
    expect(yearToDate('AVERAGE', tenths, monthPeriod(2026, 5)).value).toBe(0.15);
  });

  it('quarterly series count quarters', () => {
    const planning: SeriesPoint[] = [
      { period: quarterPeriod(2026, 1), value: 55 },
      { period: quarterPeriod(2026, 2), value: 65 },
      { period: quarterPeriod(2026, 3), value: 75 },
    ];
    expect(yearToDate('AVERAGE', planning, quarterPeriod(2026, 3))).toEqual({ value: 65, periodsCounted: 3, complete: true });
    expect(yearToDate('SUM', planning, quarterPeriod(2026, 2))).toEqual({ value: 120, periodsCounted: 2, complete: true });
    expect(yearToDate('SNAPSHOT', planning, quarterPeriod(2026, 4))).toEqual({ value: 75, periodsCounted: 3, complete: false });
  });

  it('only counts points of the same kind as the period', () => {
    const mixed: SeriesPoint[] = [
      { period: monthPeriod(2026, 4), value: 10 },
      { period: quarterPeriod(2026, 1), value: 1000 },
      { period: yearPeriod(2026), value: 5000 },
    ];
    expect(yearToDate('SUM', mixed, monthPeriod(2026, 5))).toEqual({ value: 10, periodsCounted: 1, complete: false });
  });
});

describe('quarterFigure from monthly values', () => {
  it.each<[string, Aggregation, SeriesPoint[], string, number | null, number, boolean]>([
    ['cumulative: the last month of the quarter', 'CUMULATIVE', councilTax, '2026/27 Q1', 28.7, 3, true],
    ['cumulative: the latest month given in the quarter', 'CUMULATIVE', councilTax, '2026/27 Q2', 46.1, 1, false],
    ['sum: the months present', 'SUM', flyTips, '2026/27 Q1', 215, 2, false],
    ['average: the mean of the months', 'AVERAGE', claimDays, '2026/27 Q1', 62 / 3, 3, true],
    ['snapshot: the latest month given', 'SNAPSHOT', households, '2026/27 Q1', 220, 2, false],
    ['rolling 12: the rolling figure at the quarter\'s last month', 'ROLLING12', sickness, '2026/27 Q1', 10.8, 3, true],
    ['rolling 12: no full twelve months behind the last month given', 'ROLLING12', sickness, '2025/26 Q4', null, 3, true],
    ['a quarter with no values', 'SUM', flyTips, '2026/27 Q3', null, 0, false],
  ])('%s (%s)', (_, aggregation, series, key, value, periodsCounted, complete) => {
    const figure = quarterFigure(aggregation, series, p(key) as QuarterPeriod);
    expect(figure.periodsCounted).toBe(periodsCounted);
    expect(figure.complete).toBe(complete);
    if (value === null) expect(figure.value).toBeNull();
    else expect(figure.value).toBeCloseTo(value, 10);
  });

  it('Q4 takes January to March of the following calendar year', () => {
    const q4 = monthsFrom(2026, [...Array<null>(9).fill(null), 5, 6, 7]);
    expect(quarterFigure('SUM', q4, quarterPeriod(2026, 4))).toEqual({ value: 18, periodsCounted: 3, complete: true });
  });
});

describe('targetForPeriod', () => {
  const councilTaxTargets = targets([['2026-04', 10.5], ['2026-05', 19.5], ['2026/27', 98.6]]);
  const flyTipTargets = targets([['2026/27', 1200], ['2026-12', 150]]);

  it.each<[string, Aggregation, TargetPoint[], string, number | null]>([
    ['a profiled month uses its own target', 'CUMULATIVE', councilTaxTargets, '2026-04', 10.5],
    ['an unprofiled month falls back to the annual target', 'CUMULATIVE', councilTaxTargets, '2026-06', 98.6],
    ['March belongs to the year that started the April before', 'CUMULATIVE', councilTaxTargets, '2027-03', 98.6],
    ['April 2027 is a new year with no target', 'CUMULATIVE', councilTaxTargets, '2027-04', null],
    ['the year itself', 'CUMULATIVE', councilTaxTargets, '2026/27', 98.6],
    ['a quarter falls back to the annual target', 'AVERAGE', councilTaxTargets, '2026/27 Q2', 98.6],
    ['sum: a month gets a twelfth of the year', 'SUM', flyTipTargets, '2026-06', 100],
    ['sum: a quarter gets a quarter of the year', 'SUM', flyTipTargets, '2026/27 Q3', 300],
    ['sum: the year gets the whole', 'SUM', flyTipTargets, '2026/27', 1200],
    ['sum: a profiled month keeps its own target', 'SUM', flyTipTargets, '2026-12', 150],
    ['average: every month has the annual target', 'AVERAGE', targets([['2026/27', 20]]), '2026-09', 20],
    ['snapshot: the annual target', 'SNAPSHOT', targets([['2026/27', 250]]), '2026-09', 250],
    ['rolling 12: the annual target applies to each rolling figure', 'ROLLING12', targets([['2026/27', 10.3]]), '2026/27 Q2', 10.3],
    ['no targets at all', 'AVERAGE', [], '2026-09', null],
    ['only another year\'s target', 'AVERAGE', targets([['2025/26', 20]]), '2026-09', null],
  ])('%s (%s)', (_, aggregation, targetList, key, expected) => {
    expect(targetForPeriod(aggregation, targetList, p(key))).toBe(expected);
  });
});

describe('ytdTarget', () => {
  const councilTaxTargets = targets([['2026-04', 10.5], ['2026-05', 19.5], ['2026/27', 98.6]]);
  const flyTipTargets = targets([['2026/27', 1200]]);

  it.each<[string, Aggregation, TargetPoint[], string, number | null]>([
    ['cumulative: the profiled target for the month', 'CUMULATIVE', councilTaxTargets, '2026-05', 19.5],
    ['cumulative: the annual target without a profile', 'CUMULATIVE', councilTaxTargets, '2026-06', 98.6],
    ['sum: three twelfths to June', 'SUM', flyTipTargets, '2026-06', 300],
    ['sum: twelve twelfths to March make the year', 'SUM', flyTipTargets, '2027-03', 1200],
    ['sum: a profiled month counts at its own target', 'SUM', targets([['2026/27', 1200], ['2026-05', 150]]), '2026-06', 350],
    ['sum: quarters to Q3', 'SUM', flyTipTargets, '2026/27 Q3', 900],
    ['sum: the year', 'SUM', flyTipTargets, '2026/27', 1200],
    ['sum: profiled months with a gap and no annual target', 'SUM', targets([['2026-04', 100], ['2026-06', 100]]), '2026-06', null],
    ['sum: profiled months without a gap', 'SUM', targets([['2026-04', 100], ['2026-05', 90]]), '2026-05', 190],
    ['average: the annual target', 'AVERAGE', targets([['2026/27', 20]]), '2026-09', 20],
    ['average: a profiled target for the period', 'AVERAGE', targets([['2026/27', 20], ['2026-09', 18]]), '2026-09', 18],
    ['snapshot: the annual target', 'SNAPSHOT', targets([['2026/27', 250]]), '2026-11', 250],
    ['rolling 12: the annual target', 'ROLLING12', targets([['2026/27', 10.3]]), '2026-11', 10.3],
    ['no targets', 'CUMULATIVE', [], '2026-11', null],
  ])('%s (%s)', (_, aggregation, targetList, key, expected) => {
    expect(ytdTarget(aggregation, targetList, p(key))).toBe(expected);
  });
});

describe('figures and targets read from an index built once', () => {
  const rolling = monthsFrom(2025, [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]);
  const months = ['2026-03', '2026-04', '2026-05', '2025-04'].map(p);

  it.each(['ROLLING12', 'SUM', 'SNAPSHOT'] as const)('gives what periodFigure and targetForPeriod give (%s)', (aggregation) => {
    const index = indexByPeriod(rolling);
    const yearTargets = targets([['2026/27', 120], ['2026-05', 11]]);
    for (const month of months) {
      expect(figureIn(aggregation, index, month)).toBe(periodFigure(aggregation, rolling, month));
      expect(targetIn(aggregation, indexByPeriod(yearTargets), month)).toBe(targetForPeriod(aggregation, yearTargets, month));
    }
    expect(figureIn('ROLLING12', index, p('2026-04'))).toBe(6 + 7 + 8 + 9 + 10 + 11 + 12 + 13 + 14 + 15 + 16 + 17);
  });

  it('keeps the later point where a period appears twice, as "the latest submission stands"', () => {
    const index = indexByPeriod([{ period: p('2026-04'), value: 1 }, { period: p('2026-04'), value: 2 }]);
    expect(figureIn('SNAPSHOT', index, p('2026-04'))).toBe(2);
  });
});

describe('quarter to date at a month', () => {
  const series = [
    { period: monthPeriod(2026, 7), value: 10 },
    { period: monthPeriod(2026, 8), value: 20 },
    { period: monthPeriod(2026, 9), value: 40 },
  ];
  const targets = indexByPeriod([{ period: yearPeriod(2026), value: 120 }]);

  it.each([
    ['SUM', 7, { value: 10, periodsCounted: 1, complete: true }, 10],
    ['SUM', 8, { value: 30, periodsCounted: 2, complete: true }, 20],
    ['SUM', 9, { value: 70, periodsCounted: 3, complete: true }, 30],
    ['AVERAGE', 8, { value: 15, periodsCounted: 2, complete: true }, 120],
    ['CUMULATIVE', 8, { value: 20, periodsCounted: 2, complete: true }, 120],
    ['SNAPSHOT', 9, { value: 40, periodsCounted: 3, complete: true }, 120],
  ] as const)('%s at month %i counts only the months reached', (aggregation, month, figure, target) => {
    expect(quarterToDateIn(aggregation, indexByPeriod(series), monthPeriod(2026, month))).toEqual(figure);
    expect(quarterToDateTargetIn(aggregation, targets, monthPeriod(2026, month))).toBe(target);
  });

  it('a month missing so far is flagged, and the quarter end equals quarterFigure', () => {
    const gap = indexByPeriod([series[0]!, series[2]!]);
    expect(quarterToDateIn('SUM', gap, monthPeriod(2026, 8))).toEqual({ value: 10, periodsCounted: 1, complete: false });
    expect(quarterToDateIn('AVERAGE', indexByPeriod(series), monthPeriod(2026, 9))).toEqual(quarterFigure('AVERAGE', series, quarterPeriod(2026, 2)));
  });
});

