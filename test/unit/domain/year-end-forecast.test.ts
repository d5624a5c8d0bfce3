import {
  PROFILE_MIN_YEARS, RUN_RATE_MIN_MOVING_RANGES, describeForecast, forecastYearEnd, type ForecastPoint, type YearEndForecast,
} from '../../../src/domain/year-end-forecast';
import { formatUkNumber } from '../../../src/domain/numbers';
import { monthPeriod, periodsOfYear, quarterPeriod, yearPeriod, type Period } from '../../../src/domain/periods';
import { AGGREGATIONS } from '../../../src/domain/types';

/** Monthly figures of financial year fyStart from April; null leaves a month out. */
function months(fyStart: number, values: readonly (number | null)[]): ForecastPoint[] {
  const periods = periodsOfYear(fyStart, 'MONTHLY');
  return values.flatMap((value, i) => (value === null ? [] : [{ period: periods[i] as Period, value }]));
}

/** Quarterly figures of financial year fyStart from Q1; null leaves a quarter out. */
function quarters(fyStart: number, values: readonly (number | null)[]): ForecastPoint[] {
  const periods = periodsOfYear(fyStart, 'QUARTERLY');
  return values.flatMap((value, i) => (value === null ? [] : [{ period: periods[i] as Period, value }]));
}

/** Only the months named, by index from April (1) to March (12). */
function someMonths(fyStart: number, byIndex: Readonly<Record<number, number>>): ForecastPoint[] {
  const periods = periodsOfYear(fyStart, 'MONTHLY');
  return Object.entries(byIndex).map(([index, value]) => ({ period: periods[Number(index) - 1] as Period, value }));
}

function forecastOf(result: YearEndForecast) {
  if (result.kind !== 'FORECAST') throw new Error(`expected a forecast, got ${result.kind}`);
  return result;
}

const whole = (n: number) => formatUkNumber(n, 0);
const SEPTEMBER_2026 = monthPeriod(2026, 9);

describe('forecastYearEnd: PROFILE from the same point in previous years', () => {
  it('projects from the mean share of 3 previous years, the range from the years alone (the header example)', () => {
    // Council Tax collected (£m), CUMULATIVE: only September (month 6) and March (month 12) matter.
    // 2023/24: 50 / 100 = 0.5; 2024/25: 60 / 150 = 0.4; 2025/26: 60 / 100 = 0.6. Mean share 0.5.
    // 2022/23 has a March but no September, so it is skipped.
    // This year's running total at September: 120.
    // central 120 / 0.5 = 240; per year 120 / 0.5 = 240, 120 / 0.4 = 300, 120 / 0.6 = 200: range 200 to 300.
    const points = [
      ...someMonths(2022, { 12: 90 }),
      ...someMonths(2023, { 6: 50, 12: 100 }),
      ...someMonths(2024, { 6: 60, 12: 150 }),
      ...someMonths(2025, { 6: 60, 12: 100 }),
      ...months(2026, [20, 40, 60, 80, 100, 120]),
    ];
    const forecast = forecastYearEnd({ aggregation: 'CUMULATIVE', period: SEPTEMBER_2026, points });
    expect(forecast).toEqual({
      kind: 'FORECAST', method: 'PROFILE', central: 240, low: 200, high: 300, basedOnYears: 3,
      periodsElapsed: 6, periodsInYear: 12, missingPeriods: [], yearToDate: 120,
    });
    expect(describeForecast(forecast, whole)).toBe('Forecast year-end 240 (range 200 to 300), from the same point in 3 previous years');
  });

  it('uses the mean share, not the mean of the projections', () => {
    // Shares 0.5 and 0.25 (mean 0.375): 30 / 0.375 = 80, where the projections 60 and 120 average 90.
    const points = [
      ...someMonths(2024, { 6: 50, 12: 100 }),
      ...someMonths(2025, { 6: 25, 12: 100 }),
      ...someMonths(2026, { 6: 30 }),
    ];
    const forecast = forecastOf(forecastYearEnd({ aggregation: 'CUMULATIVE', period: SEPTEMBER_2026, points }));
    expect([forecast.central, forecast.low, forecast.high]).toEqual([80, 60, 120]);
  });

  it(`falls back to the run rate with only 1 previous year (${PROFILE_MIN_YEARS} needed)`, () => {
    // 2025/26 gives one share (50 / 100); one year is not a profile.
    // This year's running totals 10, 22, 32, 44, 54, 66: increments 10, 12, 10, 12, 10, 12.
    // Mean 66 / 6 = 11 a month; central 66 + 6 x 11 = 132.
    // Moving ranges 2, 2, 2, 2, 2 (5, at least 3, so this year's): MR-bar 2.
    // Spread 2.66 x 2 x sqrt(6) = 5.32 x 2.449490 = 13.0313: 118.9687 to 145.0313.
    const points = [...someMonths(2025, { 6: 50, 12: 100 }), ...months(2026, [10, 22, 32, 44, 54, 66])];
    const forecast = forecastOf(forecastYearEnd({ aggregation: 'CUMULATIVE', period: SEPTEMBER_2026, points }));
    expect(forecast.method).toBe('RUN_RATE');
    expect(forecast.basedOnYears).toBe(0);
    expect(forecast.central).toBe(132);
    expect(forecast.low).toBeCloseTo(132 - 5.32 * Math.sqrt(6), 10);
    expect(forecast.high).toBeCloseTo(132 + 5.32 * Math.sqrt(6), 10);
    expect(forecast.low).toBeCloseTo(118.9687, 4);
    expect(describeForecast(forecast, whole)).toBe('Forecast year-end 132 (range 119 to 145) at the run rate so far');
  });

  it('skips a previous year missing the year end, and then has too few years', () => {
    // 2024/25 has September but no March: skipped, leaving only 2025/26.
    const points = [
      ...someMonths(2024, { 6: 50 }),
      ...someMonths(2025, { 6: 50, 12: 100 }),
      ...someMonths(2026, { 6: 60 }),
    ];
    expect(forecastOf(forecastYearEnd({ aggregation: 'CUMULATIVE', period: SEPTEMBER_2026, points })).method).toBe('RUN_RATE');
  });
});

describe('forecastYearEnd: RUN_RATE', () => {
  it('gives a range from this year\'s moving ranges when there are too few, from the amounts across years', () => {
    // SUM, no history, at June 2026: 100, 130, 110. Sum 340, mean 113.333.
    // central 340 + 9 x 113.333 = 340 + 1,020 = 1,360.
    // Moving ranges 30, 20: only 2 (fewer than 3), so the latest amounts across years are used,
    // which here are the same three: MR-bar 25. Spread 2.66 x 25 x sqrt(9) = 66.5 x 3 = 199.5.
    const points = months(2026, [100, 130, 110]);
    const forecast = forecastYearEnd({ aggregation: 'SUM', period: monthPeriod(2026, 6), points });
    expect(forecast).toEqual({
      kind: 'FORECAST', method: 'RUN_RATE', central: 1360, low: 1160.5, high: 1559.5, basedOnYears: 0,
      periodsElapsed: 3, periodsInYear: 12, missingPeriods: [], yearToDate: 340,
    });
    expect(RUN_RATE_MIN_MOVING_RANGES).toBe(3);
  });

  it('takes MR-bar from the latest amounts across years, across the year end, when this year has few', () => {
    // SUM. 2025/26 alternates 10, 14, ... 14 (12 months); 2026/27 April 10, May 14.
    // This year: 1 moving range. Across years: 14 amounts, 13 moving ranges all 4 (March 14 to April 10
    // is 4 too): MR-bar 4. Mean this year 12; central 24 + 10 x 12 = 144.
    // Spread 2.66 x 4 x sqrt(10) = 10.64 x 3.162278 = 33.6466: 110.3534 to 177.6466.
    const alternating = Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? 10 : 14));
    const points = [...months(2025, alternating), ...months(2026, [10, 14])];
    const forecast = forecastOf(forecastYearEnd({ aggregation: 'SUM', period: monthPeriod(2026, 5), points }));
    expect(forecast.method).toBe('RUN_RATE'); // one previous year only
    expect(forecast.central).toBe(144);
    expect(forecast.low).toBeCloseTo(110.3534, 4);
    expect(forecast.high).toBeCloseTo(177.6466, 4);
  });

  it('uses only this year\'s moving ranges once it has 3, ignoring a noisier past', () => {
    // 2025/26 swings 0 / 100 (moving ranges 100); 2026/27 10, 12, 10, 12 (moving ranges 2, 2, 2).
    // Mean 11; central 44 + 8 x 11 = 132; spread 2.66 x 2 x sqrt(8) = 15.0474.
    const swinging = Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? 0 : 100));
    const points = [...months(2025, swinging), ...months(2026, [10, 12, 10, 12])];
    const forecast = forecastOf(forecastYearEnd({ aggregation: 'SUM', period: monthPeriod(2026, 7), points }));
    expect(forecast.central).toBe(132);
    expect(forecast.high).toBeCloseTo(132 + 5.32 * Math.sqrt(8), 10);
  });

  it('ignores figures after the period asked about', () => {
    const points = months(2026, [100, 130, 110, 5_000]);
    const forecast = forecastOf(forecastYearEnd({ aggregation: 'SUM', period: monthPeriod(2026, 6), points }));
    expect(forecast.central).toBe(1360);
  });
});

describe('forecastYearEnd: missing periods this year', () => {
  it('SUM: a missing month is projected like a month to come and named', () => {
    // At July 2026: April 100, May 120, June missing, July 110. Given 3, sum 330, mean 110.
    // Remaining 12 - 3 = 9 (June among them): central 330 + 9 x 110 = 1,320.
    // Moving ranges: April-May 20 only (none across June): 1, so across years, the same: MR-bar 20.
    // Spread 2.66 x 20 x sqrt(9) = 159.6: 1,160.4 to 1,479.6.
    const points = months(2026, [100, 120, null, 110]);
    const forecast = forecastYearEnd({ aggregation: 'SUM', period: monthPeriod(2026, 7), points });
    expect(forecast).toEqual({
      kind: 'FORECAST', method: 'RUN_RATE', central: 1320, low: 1160.4, high: 1479.6, basedOnYears: 0,
      periodsElapsed: 4, periodsInYear: 12, missingPeriods: ['2026-06'], yearToDate: 330,
    });
    expect(describeForecast(forecast, whole)).toBe(
      'Forecast year-end 1,320 (range 1,160 to 1,480) at the run rate so far; no figure for Jun 2026, so it is projected like the months to come',
    );
  });

  it('SUM with a profile: the share is taken over the same months given, so the missing one is projected by it', () => {
    // At June 2026, May missing: this year April 30 + June 30 = 60.
    // 2024/25 months 10 each (year 120): April + June = 20, share 20 / 120 = 1/6.
    // 2025/26 April 20, June 20, other months 10 (year 140): April + June = 40, share 40 / 140 = 2/7.
    // Mean share (1/6 + 2/7) / 2 = (7 + 12) / 84 = 19/84; central 60 x 84 / 19 = 265.263.
    // Per year 60 x 6 = 360 and 60 x 7 / 2 = 210.
    const points = [
      ...months(2024, Array.from({ length: 12 }, () => 10)),
      ...months(2025, [20, 10, 20, 10, 10, 10, 10, 10, 10, 10, 10, 10]),
      ...months(2026, [30, null, 30]),
    ];
    const forecast = forecastOf(forecastYearEnd({ aggregation: 'SUM', period: monthPeriod(2026, 6), points }));
    expect(forecast.method).toBe('PROFILE');
    expect(forecast.central).toBeCloseTo((60 * 84) / 19, 10);
    expect([forecast.low, forecast.high]).toEqual([210, 360]);
    expect(forecast.missingPeriods).toEqual(['2026-05']);
  });

  it('CUMULATIVE: a missing month inside the running total changes nothing but the moving ranges', () => {
    // Running totals 10, 22, -, 44, 54, 66 at September: ytd 66 over 6 months, mean 11, central 132.
    // Increments April 10, May 12, June and July unknown, August 10, September 12.
    // Moving ranges: April-May 2 and August-September 2 (none across the gap): 2 of them, so across
    // years (the same two): MR-bar 2. Spread 2.66 x 2 x sqrt(6) = 13.0313.
    const points = months(2026, [10, 22, null, 44, 54, 66]);
    const forecast = forecastOf(forecastYearEnd({ aggregation: 'CUMULATIVE', period: SEPTEMBER_2026, points }));
    expect(forecast.central).toBe(132);
    expect(forecast.missingPeriods).toEqual([]);
    expect(forecast.high).toBeCloseTo(132 + 5.32 * Math.sqrt(6), 10);
  });

  it('CUMULATIVE: a missing latest month is projected from the running total before it', () => {
    // At September, no September figure: the latest running total is August's 54, over 5 months.
    // Mean 10.8; remaining 7; central 54 + 7 x 10.8 = 129.6.
    // Increments April 10, May 12, June unknown, July unknown (June missing), August 10: one moving
    // range (2). Spread 2.66 x 2 x sqrt(7) = 14.0754.
    const points = months(2026, [10, 22, null, 44, 54]);
    const forecast = forecastOf(forecastYearEnd({ aggregation: 'CUMULATIVE', period: SEPTEMBER_2026, points }));
    expect(forecast.central).toBe(129.6);
    expect(forecast.yearToDate).toBe(54);
    expect(forecast.periodsElapsed).toBe(6);
    expect(forecast.missingPeriods).toEqual(['2026-09']);
    expect(forecast.low).toBeCloseTo(129.6 - 5.32 * Math.sqrt(7), 10);
  });

  it('a later null withdraws a figure', () => {
    const points = [...months(2026, [100, 130, 110]), { period: monthPeriod(2026, 6), value: null }];
    const forecast = forecastOf(forecastYearEnd({ aggregation: 'SUM', period: monthPeriod(2026, 6), points }));
    expect(forecast.missingPeriods).toEqual(['2026-06']);
    expect(forecast.yearToDate).toBe(230);
  });
});

describe('forecastYearEnd: quarterly indicators', () => {
  it('profiles a quarterly SUM from 2 previous years', () => {
    // 2024/25: 20, 30, 25, 25 (year 100); Q1 + Q2 = 50: share 0.5.
    // 2025/26: 20, 20, 30, 30 (year 100); Q1 + Q2 = 40: share 0.4. Mean share 0.45.
    // 2026/27 at Q2: 45 + 45 = 90. Central 90 / 0.45 = 200; per year 180 and 225.
    const points = [...quarters(2024, [20, 30, 25, 25]), ...quarters(2025, [20, 20, 30, 30]), ...quarters(2026, [45, 45])];
    const forecast = forecastYearEnd({ aggregation: 'SUM', period: quarterPeriod(2026, 2), points });
    expect(forecast).toEqual({
      kind: 'FORECAST', method: 'PROFILE', central: 200, low: 180, high: 225, basedOnYears: 2,
      periodsElapsed: 2, periodsInYear: 4, missingPeriods: [], yearToDate: 90,
    });
  });

  it('runs a quarterly SUM at its rate with no history', () => {
    // Q1 100, Q2 120, Q3 110: sum 330, mean 110, central 330 + 1 x 110 = 440.
    // Moving ranges 20, 10 (2, fewer than 3; across years the same): MR-bar 15.
    // Spread 2.66 x 15 x sqrt(1) = 39.9: 400.1 to 479.9.
    const points = quarters(2026, [100, 120, 110]);
    const forecast = forecastOf(forecastYearEnd({ aggregation: 'SUM', period: quarterPeriod(2026, 3), points }));
    expect([forecast.central, forecast.low, forecast.high]).toEqual([440, 400.1, 479.9]);
    expect(forecast.periodsInYear).toBe(4);
  });

  it('names a missing quarter as a quarter', () => {
    const points = quarters(2026, [100, null, 110]);
    const forecast = forecastYearEnd({ aggregation: 'SUM', period: quarterPeriod(2026, 3), points });
    expect(describeForecast(forecast, whole)).toMatch(/no figure for Q2 2026\/27, so it is projected like the quarters to come$/);
  });
});

describe('forecastYearEnd: the ends of the year', () => {
  it('a complete CUMULATIVE year is its outturn, with no range', () => {
    const points = [...someMonths(2024, { 12: 999 }), ...someMonths(2025, { 6: 50, 11: 90, 12: 101.5 })];
    const forecast = forecastYearEnd({ aggregation: 'CUMULATIVE', period: monthPeriod(2026, 3), points });
    expect(forecast).toEqual({
      kind: 'FORECAST', method: 'OUTTURN', central: 101.5, low: null, high: null, basedOnYears: 0,
      periodsElapsed: 12, periodsInYear: 12, missingPeriods: [], yearToDate: 101.5,
    });
    expect(describeForecast(forecast, whole)).toBe('Forecast year-end 102: the outturn, as every month of the year is in');
  });

  it('a complete quarterly SUM year is the total of its quarters', () => {
    // 0.1 + 0.2 + 0.3 + 0.4 = 1, not 0.9999999999999999.
    const forecast = forecastOf(forecastYearEnd({ aggregation: 'SUM', period: quarterPeriod(2026, 4), points: quarters(2026, [0.1, 0.2, 0.3, 0.4]) }));
    expect([forecast.method, forecast.central, forecast.low]).toEqual(['OUTTURN', 1, null]);
  });

  it('a SUM year at March with a month missing is still a forecast, projecting that month', () => {
    // Eleven months of 10 (February missing): 110, mean 10, central 110 + 1 x 10 = 120.
    const points = months(2026, [10, 10, 10, 10, 10, 10, 10, 10, 10, 10, null, 10]);
    const forecast = forecastOf(forecastYearEnd({ aggregation: 'SUM', period: monthPeriod(2027, 3), points }));
    expect([forecast.method, forecast.central, forecast.missingPeriods]).toEqual(['RUN_RATE', 120, ['2027-02']]);
  });

  it('the first month of the year: a run rate with no range, said so', () => {
    // April 10: 10 a month, central 120. One increment, no moving range, so no range.
    const forecast = forecastYearEnd({ aggregation: 'CUMULATIVE', period: monthPeriod(2026, 4), points: months(2026, [10]) });
    expect(forecast).toEqual({
      kind: 'FORECAST', method: 'RUN_RATE', central: 120, low: null, high: null, basedOnYears: 0,
      periodsElapsed: 1, periodsInYear: 12, missingPeriods: [], yearToDate: 10,
    });
    expect(describeForecast(forecast, whole)).toBe('Forecast year-end 120 at the run rate so far; too few figures yet for a range');
  });

  it('the first month with last year behind it: a range from the amounts across the year end', () => {
    // CUMULATIVE 2025/26 February 80, March 90 (increment 10); 2026/27 April 12 (its whole value).
    // Moving ranges: March-April |12 - 10| = 2 (February's increment is unknown). MR-bar 2.
    // Central 12 x 12 = 144; spread 2.66 x 2 x sqrt(11).
    const points = [...someMonths(2025, { 11: 80, 12: 90 }), ...months(2026, [12])];
    const forecast = forecastOf(forecastYearEnd({ aggregation: 'CUMULATIVE', period: monthPeriod(2026, 4), points }));
    expect(forecast.central).toBe(144);
    expect(forecast.high).toBeCloseTo(144 + 5.32 * Math.sqrt(11), 10);
  });

  it('is too early with no figure this year, whatever last year held', () => {
    const points = months(2025, Array.from({ length: 12 }, () => 10));
    const forecast = forecastYearEnd({ aggregation: 'SUM', period: monthPeriod(2026, 5), points });
    expect(forecast).toEqual({ kind: 'TOO_EARLY', reason: 'no figure has been given for 2026/27 up to May 2026' });
    expect(describeForecast(forecast, whole)).toBe('No year-end forecast yet: no figure has been given for 2026/27 up to May 2026');
  });
});

describe('forecastYearEnd: not applicable', () => {
  const points = months(2026, [10, 20, 30]);

  it.each(AGGREGATIONS.filter((a) => a !== 'CUMULATIVE' && a !== 'SUM'))('%s does not add up to a year-end', (aggregation) => {
    const forecast = forecastYearEnd({ aggregation, period: monthPeriod(2026, 6), points });
    expect(forecast).toEqual({ kind: 'NOT_APPLICABLE' });
    expect(describeForecast(forecast, whole)).toMatch(/^No year-end forecast: /);
  });

  it('an annual indicator has no periods to forecast from', () => {
    const annual = [{ period: yearPeriod(2026), value: 50 }];
    expect(forecastYearEnd({ aggregation: 'SUM', period: yearPeriod(2026), points: annual })).toEqual({ kind: 'NOT_APPLICABLE' });
    expect(forecastYearEnd({ aggregation: 'CUMULATIVE', period: yearPeriod(2026), points: annual })).toEqual({ kind: 'NOT_APPLICABLE' });
  });

  it('a monthly series says nothing about a quarterly forecast', () => {
    expect(forecastYearEnd({ aggregation: 'SUM', period: quarterPeriod(2026, 1), points }).kind).toBe('TOO_EARLY');
  });
});

describe('forecastYearEnd: negative values and the floor', () => {
  it('clamps the low end at the year to date when every figure is non-negative', () => {
    // SUM April 0, May 100, June 0: sum 100, mean 33.333, central 100 + 9 x 33.333 = 400.
    // Moving ranges 100, 100: MR-bar 100; spread 2.66 x 100 x 3 = 798.
    // 400 - 798 = -398 is impossible when nothing is ever taken away: clamped to the 100 already in.
    const forecast = forecastOf(forecastYearEnd({ aggregation: 'SUM', period: monthPeriod(2026, 6), points: months(2026, [0, 100, 0]) }));
    expect([forecast.central, forecast.low, forecast.high]).toEqual([400, 100, 1198]);
  });

  it('does not clamp a net figure that goes below zero', () => {
    // SUM net change: -10, 5, -20, 5 at July. Sum -20, mean -5, central -20 + 8 x -5 = -60.
    // Moving ranges 15, 25, 25 (3: this year's): MR-bar 65 / 3 = 21.667.
    // Spread 2.66 x 21.667 x sqrt(8) = 163.01: -223.01 to 103.01, neither end clamped.
    const forecast = forecastOf(forecastYearEnd({ aggregation: 'SUM', period: monthPeriod(2026, 7), points: months(2026, [-10, 5, -20, 5]) }));
    const spread = 2.66 * (65 / 3) * Math.sqrt(8);
    expect(forecast.central).toBe(-60);
    expect(forecast.low).toBeCloseTo(-60 - spread, 10);
    expect(forecast.high).toBeCloseTo(-60 + spread, 10);
    expect(forecast.low).toBeCloseTo(-223.01, 2);
    expect(describeForecast(forecast, whole)).toBe('Forecast year-end -60 (range -223 to 103) at the run rate so far');
  });

  it('does not clamp a cumulative figure whose running total has fallen', () => {
    // Running totals 50, 40 (a refund in May): increments 50, -10. Mean 20, central 40 + 10 x 20 = 240.
    // One moving range, 60: spread 2.66 x 60 x sqrt(10) = 504.7; low 240 - 504.7 stays negative.
    const forecast = forecastOf(forecastYearEnd({ aggregation: 'CUMULATIVE', period: monthPeriod(2026, 5), points: months(2026, [50, 40]) }));
    expect(forecast.central).toBe(240);
    expect(forecast.low).toBeCloseTo(240 - 2.66 * 60 * Math.sqrt(10), 10);
  });

  it('profiles a negative cumulative figure, skipping a year that reversed direction', () => {
    // Net budget position (£k), CUMULATIVE. September / March:
    // 2023/24 -30 / -100 = 0.3; 2024/25 -40 / -100 = 0.4; 2025/26 +20 / -100 = -0.2: skipped.
    // This year -35 at September: central -35 / 0.35 = -100; per year -35 / 0.3 = -116.667, -35 / 0.4 = -87.5.
    const points = [
      ...someMonths(2023, { 6: -30, 12: -100 }),
      ...someMonths(2024, { 6: -40, 12: -100 }),
      ...someMonths(2025, { 6: 20, 12: -100 }),
      ...someMonths(2026, { 6: -35 }),
    ];
    const forecast = forecastOf(forecastYearEnd({ aggregation: 'CUMULATIVE', period: SEPTEMBER_2026, points }));
    expect(forecast.method).toBe('PROFILE');
    expect(forecast.basedOnYears).toBe(2);
    expect(forecast.central).toBeCloseTo(-100, 10);
    expect(forecast.low).toBeCloseTo(-35 / 0.3, 10);
    expect(forecast.high).toBeCloseTo(-87.5, 10);
  });

  it('skips a previous year whose year-end was zero', () => {
    const points = [
      ...someMonths(2023, { 6: 5, 12: 0 }),
      ...someMonths(2024, { 6: 50, 12: 100 }),
      ...someMonths(2025, { 6: 50, 12: 100 }),
      ...someMonths(2026, { 6: 60 }),
    ];
    const forecast = forecastOf(forecastYearEnd({ aggregation: 'CUMULATIVE', period: SEPTEMBER_2026, points }));
    expect([forecast.method, forecast.basedOnYears, forecast.central]).toEqual(['PROFILE', 2, 120]);
  });
});

describe('describeForecast', () => {
  it('lists several missing periods', () => {
    const forecast = forecastYearEnd({ aggregation: 'SUM', period: monthPeriod(2026, 7), points: months(2026, [100, null, null, 110]) });
    expect(describeForecast(forecast, whole)).toMatch(/; no figures for May 2026 and Jun 2026, so they are projected like the months to come$/);
  });

  it('always says "Forecast" for a forecast', () => {
    const forecast = forecastYearEnd({ aggregation: 'SUM', period: monthPeriod(2026, 6), points: months(2026, [1, 2, 3]) });
    expect(describeForecast(forecast, whole)).toMatch(/^Forecast year-end /);
  });
});
