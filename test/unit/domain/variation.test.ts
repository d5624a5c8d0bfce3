import {
  BASELINE_POINTS, MIN_POINTS_FOR_LIMITS, PROCESS_LIMIT_FACTOR, addedInPeriod, processLimits, variationSeries,
} from '../../../src/domain/variation';
import { monthPeriod, periodKey, quarterPeriod, shiftPeriod, yearPeriod } from '../../../src/domain/periods';

describe('natural process limits (XmR)', () => {
  it('centres on the mean and spreads 2.66 moving ranges either side, worked by hand', () => {
    // 15 points alternating 10 and 12: mean 10.9333 (8 tens, 7 twelves), every moving range 2.
    const values = Array.from({ length: 15 }, (_, i) => (i % 2 === 0 ? 10 : 12));
    const limits = processLimits(values)!;
    expect(limits.points).toBe(15);
    expect(limits.mean).toBeCloseTo((8 * 10 + 7 * 12) / 15, 10);
    expect(limits.movingRangeMean).toBe(2);
    expect(limits.upper).toBeCloseTo(limits.mean + 5.32, 10);
    expect(limits.lower).toBeCloseTo(limits.mean - 5.32, 10);
    expect(PROCESS_LIMIT_FACTOR).toBe(2.66);
  });

  it('gives no limits with fewer than 15 points, and limits from exactly 15', () => {
    const values = Array.from({ length: MIN_POINTS_FOR_LIMITS }, (_, i) => 50 + (i % 3));
    expect(processLimits(values.slice(1))).toBeNull();
    expect(processLimits([])).toBeNull();
    expect(processLimits(values)).not.toBeNull();
  });

  it('uses only the latest 24 points, so a process that changed two years ago is judged as it is now', () => {
    const old = Array.from({ length: 30 }, () => 1_000);
    const recent = Array.from({ length: BASELINE_POINTS }, (_, i) => (i % 2 === 0 ? 40 : 44));
    const limits = processLimits([...old, ...recent])!;
    expect(limits.points).toBe(24);
    expect(limits.mean).toBe(42);
    expect(limits.movingRangeMean).toBe(4);
  });

  it('keeps narrow limits for a slow steady drift: point-to-point noise, not the spread of the whole series', () => {
    const drifting = Array.from({ length: 24 }, (_, i) => 50 + i); // moving range 1 throughout
    const limits = processLimits(drifting)!;
    expect(limits.movingRangeMean).toBe(1);
    expect(limits.upper - limits.lower).toBeCloseTo(5.32, 10);
  });

  it('collapses to the mean for a series that never changes', () => {
    const limits = processLimits(Array.from({ length: 20 }, () => 7))!;
    expect([limits.lower, limits.mean, limits.upper]).toEqual([7, 7, 7]);
  });
});

describe('what the limits are computed over', () => {
  const months = (values: number[], from = monthPeriod(2025, 4)) => values.map((value, i) => ({ period: shiftPeriod(from, i), value }));

  it('is the values themselves, in time order, for every aggregation but CUMULATIVE', () => {
    const points = months([3, 1, 2]).reverse();
    for (const aggregation of ['SNAPSHOT', 'AVERAGE', 'SUM', 'ROLLING12'] as const) {
      expect(variationSeries(aggregation, points).map((p) => [periodKey(p.period), p.value])).toEqual([['2025-04', 3], ['2025-05', 1], ['2025-06', 2]]);
    }
  });

  it('is what a cumulative figure added each month, April adding its whole value', () => {
    // Council Tax collected so far this year: Feb 2026 90, Mar 2026 97, Apr 2026 9, May 2026 18.
    const points = months([90, 97, 9, 18], monthPeriod(2026, 2));
    expect(variationSeries('CUMULATIVE', points).map((p) => [periodKey(p.period), p.value])).toEqual([
      ['2026-03', 7], ['2026-04', 9], ['2026-05', 9],
    ]);
  });

  it('leaves out a cumulative month whose month before, in the same year, is missing (what it added is unknown)', () => {
    const points = [{ period: monthPeriod(2026, 5), value: 18 }, { period: monthPeriod(2026, 7), value: 30 }];
    expect(variationSeries('CUMULATIVE', points).map((p) => periodKey(p.period))).toEqual([]);
    expect(addedInPeriod({ period: monthPeriod(2026, 7), value: 30 }, new Map([['2026-06', 26]]))).toBe(4);
  });

  it('takes a cumulative quarter\'s Q1 and a whole year as adding their own value', () => {
    expect(addedInPeriod({ period: quarterPeriod(2026, 1), value: 25 }, new Map([['2025/26 Q4', 100]]))).toBe(25);
    expect(addedInPeriod({ period: quarterPeriod(2026, 2), value: 51 }, new Map([['2026/27 Q1', 25]]))).toBe(26);
    expect(addedInPeriod({ period: yearPeriod(2026), value: 400 }, new Map([['2025/26', 380]]))).toBe(400);
  });
});
