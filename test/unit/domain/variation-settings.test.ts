import {
  DEFAULT_RUN_LENGTHS, MIN_BASELINE_POINTS, SHIFT_RANGE, TREND_RANGE, checkBaselinePoints, checkRunLengths,
} from '../../../src/domain/variation-settings';

describe('run lengths of the special-cause rules', () => {
  it('defaults to the NHS Making Data Count rules: a shift of 7 points, a trend of 6', () => {
    expect(DEFAULT_RUN_LENGTHS).toEqual({ shift: 7, trend: 6 });
    expect(Object.isFrozen(DEFAULT_RUN_LENGTHS)).toBe(true);
    expect(checkRunLengths(DEFAULT_RUN_LENGTHS)).toEqual({ ok: true, value: { shift: 7, trend: 6 } });
  });

  it('accepts every whole number within the bounds, ends included', () => {
    for (let shift = SHIFT_RANGE.min; shift <= SHIFT_RANGE.max; shift++) {
      for (let trend = TREND_RANGE.min; trend <= TREND_RANGE.max; trend++) {
        expect(checkRunLengths({ shift, trend }).ok).toBe(true);
      }
    }
    expect([SHIFT_RANGE.min, SHIFT_RANGE.max, TREND_RANGE.min, TREND_RANGE.max]).toEqual([6, 9, 5, 8]);
  });

  it('refuses a shift outside 6 to 9, saying what the bounds are', () => {
    expect(checkRunLengths({ shift: 5, trend: 6 })).toEqual({
      ok: false, error: 'A shift must be a whole number of points from 6 to 9 (the NHS uses 7), not 5.',
    });
    expect(checkRunLengths({ shift: 10, trend: 6 }).ok).toBe(false);
    expect(checkRunLengths({ shift: 7.5, trend: 6 }).ok).toBe(false);
    expect(checkRunLengths({ shift: Number.NaN, trend: 6 }).ok).toBe(false);
  });

  it('refuses a trend outside 5 to 8, saying what the bounds are', () => {
    expect(checkRunLengths({ shift: 7, trend: 4 })).toEqual({
      ok: false, error: 'A trend must be a whole number of points from 5 to 8 (the NHS uses 6), not 4.',
    });
    expect(checkRunLengths({ shift: 7, trend: 9 }).ok).toBe(false);
    expect(checkRunLengths({ shift: 7, trend: 6.2 }).ok).toBe(false);
  });
});

describe('the points a baseline is fixed from', () => {
  it('is all of them (null) or a whole number of at least 12', () => {
    expect(checkBaselinePoints(null)).toEqual({ ok: true, value: null });
    expect(checkBaselinePoints(MIN_BASELINE_POINTS)).toEqual({ ok: true, value: 12 });
    expect(checkBaselinePoints(20)).toEqual({ ok: true, value: 20 });
    expect(checkBaselinePoints(11)).toEqual({
      ok: false, error: 'Limits must be fixed from a whole number of at least 12 points, or from all of them, not 11.',
    });
    expect(checkBaselinePoints(14.5).ok).toBe(false);
  });
});
