import { travelOf, worthCelebrating, type TravelInput } from '../../../src/domain/travel';
import { AGGREGATIONS, type Aggregation } from '../../../src/domain/types';
import { monthPeriod, quarterPeriod, yearPeriod } from '../../../src/domain/periods';

/** Council Tax collected so far this year, in October 2026: 65.1% against 66.3% last October. */
const base: TravelInput = {
  aggregation: 'CUMULATIVE',
  polarity: 'HIGHER',
  unit: 'PERCENT',
  decimals: 1,
  period: monthPeriod(2026, 10),
  figure: 65.1,
  previousFigure: 56.9,
  lastYearFigure: 66.3,
  target: null,
  targetProfiled: false,
};

describe('travelOf: CUMULATIVE compares with the same point last year, never last month', () => {
  it('a figure that rose since last month but is behind last year has worsened', () => {
    const reading = travelOf(base);
    expect(reading).toEqual({
      short: 'WORSENED',
      long: 'WORSENED',
      comparator: { period: monthPeriod(2025, 10), figure: 66.3 },
      comparisonText: '1.2 points behind October last year',
    });
  });

  it('April is not "worsened" for falling back from March: it is compared with last April', () => {
    const april = travelOf({ ...base, period: monthPeriod(2026, 4), figure: 10.8, previousFigure: 98.1, lastYearFigure: 10.2 });
    expect(april.short).toBe('IMPROVED');
    expect(april.comparisonText).toBe('0.6 points ahead of April last year');
  });

  it('in the first year with no history it is not comparable, and says why', () => {
    const first = travelOf({ ...base, lastYearFigure: null });
    expect(first.short).toBe('NOT_COMPARABLE');
    expect(first.long).toBe('NOT_COMPARABLE');
    expect(first.comparator).toBeNull();
    expect(first.comparisonText).toBe('no figure for October last year');
  });

  it('with a profiled target for the month, also says where it stands against the profile', () => {
    expect(travelOf({ ...base, target: 64.0, targetProfiled: true }).comparisonText).toBe(
      '1.2 points behind October last year; ahead of the profiled target of 64.0%',
    );
    expect(travelOf({ ...base, target: 65.6, targetProfiled: true }).comparisonText).toBe(
      '1.2 points behind October last year; behind the profiled target of 65.6%',
    );
    expect(travelOf({ ...base, target: 65.14, targetProfiled: true }).comparisonText).toBe(
      '1.2 points behind October last year; on the profiled target of 65.1%',
    );
    expect(travelOf({ ...base, lastYearFigure: null, target: 64.0, targetProfiled: true }).comparisonText).toBe(
      'no figure for October last year; ahead of the profiled target of 64.0%',
    );
  });

  it('an annual (unprofiled) target is not mentioned: the year-end target says nothing about October', () => {
    expect(travelOf({ ...base, target: 98.6, targetProfiled: false }).comparisonText).toBe('1.2 points behind October last year');
  });

  it('equal at the indicator\'s precision is level, not ahead', () => {
    const level = travelOf({ ...base, figure: 66.34, lastYearFigure: 66.26 });
    expect(level.short).toBe('UNCHANGED');
    expect(level.comparisonText).toBe('level with October last year');
  });

  it('follows polarity: for LOWER, a smaller cumulative figure is ahead', () => {
    const lower = travelOf({ ...base, polarity: 'LOWER', unit: 'NUMBER', decimals: 0, figure: 140, lastYearFigure: 152 });
    expect(lower.short).toBe('IMPROVED');
    expect(lower.comparisonText).toBe('12 ahead of October last year');
  });

  it('GOALPOST: closer to the target than last year is ahead; from a profile it is a distance', () => {
    const goal = travelOf({ ...base, polarity: 'GOALPOST', figure: 50.5, lastYearFigure: 48.0, target: 50.0, targetProfiled: true });
    expect(goal.short).toBe('IMPROVED');
    expect(goal.comparisonText).toBe('2.5 points ahead of October last year; 0.5 points from the profiled target of 50.0%');
    expect(travelOf({ ...base, polarity: 'GOALPOST', figure: 50.5, lastYearFigure: 48.0, target: null }).short).toBe('NOT_COMPARABLE');
  });

  it('quarters and years are compared with the same quarter, and last year', () => {
    expect(travelOf({ ...base, period: quarterPeriod(2026, 2), figure: 57.2, lastYearFigure: 56.0 }).comparisonText).toBe(
      '1.2 points ahead of Q2 last year',
    );
    expect(travelOf({ ...base, period: yearPeriod(2026), figure: 97.0, lastYearFigure: 98.1 }).comparisonText).toBe(
      '1.1 points behind last year',
    );
  });

  it('no figure yet is not comparable', () => {
    const none = travelOf({ ...base, figure: null });
    expect(none.short).toBe('NOT_COMPARABLE');
    expect(none.comparisonText).toBe('no figure yet');
  });

  it('a currency gap is in pounds', () => {
    expect(travelOf({ ...base, unit: 'CURRENCY', decimals: 0, figure: 1_250_000, lastYearFigure: 1_300_000 }).comparisonText).toBe(
      '£50,000 behind October last year',
    );
  });
});

describe.each(['SNAPSHOT', 'AVERAGE', 'SUM', 'ROLLING12'] as const)('travelOf: %s compares with the previous period', (aggregation) => {
  const days: TravelInput = {
    ...base,
    aggregation,
    polarity: 'LOWER',
    unit: 'DAYS',
    decimals: 1,
    figure: 24.6,
    previousFigure: 21.9,
    lastYearFigure: 19.0,
  };

  it('a rise in days is worse than last month, and the long trend is against last year', () => {
    expect(travelOf(days)).toEqual({
      short: 'WORSENED',
      long: 'WORSENED',
      comparator: { period: monthPeriod(2026, 9), figure: 21.9 },
      comparisonText: '2.7 days worse than Sep 2026',
    });
  });

  it('April compares with March (the previous period), across the year end', () => {
    const april = travelOf({ ...days, period: monthPeriod(2026, 4), figure: 18.0, previousFigure: 19.5, lastYearFigure: 17.0 });
    expect(april.short).toBe('IMPROVED');
    expect(april.long).toBe('WORSENED');
    expect(april.comparator).toEqual({ period: monthPeriod(2026, 3), figure: 19.5 });
    expect(april.comparisonText).toBe('1.5 days better than Mar 2026');
  });

  it('in the first year with no history the long trend is not comparable, the short one still works', () => {
    const first = travelOf({ ...days, lastYearFigure: null });
    expect(first.short).toBe('WORSENED');
    expect(first.long).toBe('NOT_COMPARABLE');
  });

  it('the first period ever has nothing to compare with', () => {
    const first = travelOf({ ...days, previousFigure: null, lastYearFigure: null });
    expect(first.short).toBe('NOT_COMPARABLE');
    expect(first.comparator).toBeNull();
    expect(first.comparisonText).toBe('no figure for Sep 2026');
  });

  it('a profiled target does not change the comparator', () => {
    expect(travelOf({ ...days, target: 20, targetProfiled: true }).comparisonText).toBe('2.7 days worse than Sep 2026');
  });

  it('rounds to the indicator\'s decimals: an invisible change is the same', () => {
    const same = travelOf({ ...days, figure: 21.94, previousFigure: 21.86 });
    expect(same.short).toBe('UNCHANGED');
    expect(same.comparisonText).toBe('the same as Sep 2026');
  });

  it('HIGHER polarity: a rise is better', () => {
    expect(travelOf({ ...days, polarity: 'HIGHER' }).comparisonText).toBe('2.7 days better than Sep 2026');
  });

  it('GOALPOST: further from the target is worse; without a target it is not comparable', () => {
    expect(travelOf({ ...days, polarity: 'GOALPOST', target: 22.0 }).short).toBe('WORSENED');
    expect(travelOf({ ...days, polarity: 'GOALPOST', target: 24.0 }).short).toBe('IMPROVED');
    const noTarget = travelOf({ ...days, polarity: 'GOALPOST', target: null });
    expect(noTarget.short).toBe('NOT_COMPARABLE');
    expect(noTarget.comparisonText).toBe('2.7 days above Sep 2026');
  });

  it('a quarter compares with the quarter before, Q1 with last year\'s Q4', () => {
    const q1 = travelOf({ ...days, period: quarterPeriod(2026, 1) });
    expect(q1.comparator).toEqual({ period: quarterPeriod(2025, 4), figure: 21.9 });
    expect(q1.comparisonText).toBe('2.7 days worse than Q4 2025/26');
  });
});

describe('travelOf covers every aggregation', () => {
  it.each(AGGREGATIONS.map((a) => [a] as [Aggregation]))('%s gives a reading', (aggregation) => {
    const reading = travelOf({ ...base, aggregation });
    expect(reading.comparisonText).not.toBe('');
    expect(reading.comparator?.period).toEqual(aggregation === 'CUMULATIVE' ? monthPeriod(2025, 10) : monthPeriod(2026, 9));
  });

  it('percentage gaps of exactly one point at no decimals read "1 point"', () => {
    expect(travelOf({ ...base, decimals: 0, figure: 65, lastYearFigure: 66 }).comparisonText).toBe('1 point behind October last year');
  });
});

describe('worthCelebrating', () => {
  it('a green cumulative figure that rose since last month but is behind last year is not celebrated', () => {
    expect(worthCelebrating('GREEN', travelOf(base))).toBe(false);
  });

  it('a green cumulative figure ahead of last year is celebrated', () => {
    expect(worthCelebrating('GREEN', travelOf({ ...base, lastYearFigure: 60.0 }))).toBe(true);
  });

  it('a green cumulative figure with no history is not celebrated', () => {
    expect(worthCelebrating('GREEN', travelOf({ ...base, lastYearFigure: null }))).toBe(false);
  });

  it.each(['AMBER', 'RED', 'MISSING', 'DUE', 'DATA_ONLY'] as const)('an improving %s figure is not celebrated', (status) => {
    expect(worthCelebrating(status, travelOf({ ...base, aggregation: 'SNAPSHOT' }))).toBe(false);
  });

  it.each(['SNAPSHOT', 'AVERAGE', 'SUM', 'ROLLING12'] as const)('a green %s figure better than last period is celebrated', (aggregation) => {
    expect(worthCelebrating('GREEN', travelOf({ ...base, aggregation }))).toBe(true);
    expect(worthCelebrating('GREEN', travelOf({ ...base, aggregation, figure: 50 }))).toBe(false);
    expect(worthCelebrating('GREEN', travelOf({ ...base, aggregation, figure: 56.9 }))).toBe(false);
  });
});
