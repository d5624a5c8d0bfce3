import { describeStatus, rateValue, type RatingInput } from '../../../src/domain/status';
import type { IndicatorKind, Polarity, Status, Tolerance } from '../../../src/domain/types';

const percent = (p: number): Tolerance => ({ kind: 'PERCENT_OF_TARGET', percent: p });
const absolute = (amount: number): Tolerance => ({ kind: 'ABSOLUTE', amount });

/** A rated KPI before its deadline, unless the case says otherwise. */
function rate(overrides: Partial<RatingInput> & Pick<RatingInput, 'value' | 'target' | 'polarity'>): Status {
  return rateValue({ tolerance: percent(10), kind: 'KPI', decimals: 0, deadlinePassed: false, ...overrides });
}

describe('the CAMMS worked example: benefit claims, target 20 days, actual 22, lower is better', () => {
  it('is AMBER with a 10% tolerance (22 is exactly on the 2-day edge)', () => {
    expect(rate({ value: 22, target: 20, polarity: 'LOWER', tolerance: percent(10) })).toBe('AMBER');
  });
  it('is RED with a 5% tolerance (1 day allowed, 2 over)', () => {
    expect(rate({ value: 22, target: 20, polarity: 'LOWER', tolerance: percent(5) })).toBe('RED');
  });
});

type Case = [string, number, number, Tolerance, number, Status];

describe('HIGHER is better', () => {
  it.each<Case>([
    ['above target', 65, 60, percent(10), 0, 'GREEN'],
    ['exactly on target', 60, 60, percent(10), 0, 'GREEN'],
    ['inside the 10% band', 57, 60, percent(10), 0, 'AMBER'],
    ['exactly on the 10% edge (54)', 54, 60, percent(10), 0, 'AMBER'],
    ['just past the 10% edge', 53.9, 60, percent(10), 1, 'RED'],
    ['well below', 40, 60, percent(10), 0, 'RED'],
    ['a tenth below, absolute 2.5', 59.9, 60, absolute(2.5), 1, 'AMBER'],
    ['exactly on the absolute edge', 57.5, 60, absolute(2.5), 1, 'AMBER'],
    ['just past the absolute edge', 57.4, 60, absolute(2.5), 1, 'RED'],
    ['recycling rate above 52.5%', 53.1, 52.5, percent(5), 1, 'GREEN'],
    ['Council Tax collected 0.1 short of a 98.6 profile, absolute 0.5', 98.5, 98.6, absolute(0.5), 1, 'AMBER'],
    ['Council Tax collected exactly 0.5 short, absolute 0.5', 98.1, 98.6, absolute(0.5), 1, 'AMBER'],
    ['Council Tax collected 0.6 short, absolute 0.5', 98.0, 98.6, absolute(0.5), 1, 'RED'],
    ['zero tolerance, a fraction short', 59.9, 60, absolute(0), 1, 'RED'],
  ])('%s: value %d, target %d, tolerance %j, %i dp → %s', (_, value, target, tolerance, decimals, expected) => {
    expect(rate({ value, target, tolerance, decimals, polarity: 'HIGHER' })).toBe(expected);
  });
});

describe('LOWER is better', () => {
  it.each<Case>([
    ['below target', 18, 20, percent(10), 0, 'GREEN'],
    ['exactly on target', 20, 20, percent(10), 0, 'GREEN'],
    ['inside the band', 21, 20, percent(10), 0, 'AMBER'],
    ['exactly on the 10% edge', 22, 20, percent(10), 0, 'AMBER'],
    ['just past the 10% edge', 22.1, 20, percent(10), 1, 'RED'],
    ['well over', 30, 20, percent(10), 0, 'RED'],
    ['exactly on the absolute edge', 11, 9, absolute(2), 0, 'AMBER'],
    ['just past the absolute edge', 11.01, 9, absolute(2), 2, 'RED'],
    ['fly-tips cleared in 2.4 days against 2, absolute 0.5', 2.4, 2, absolute(0.5), 1, 'AMBER'],
    ['missed bins 0.03% on a 0.03 target', 0.03, 0.03, percent(10), 2, 'GREEN'],
    ['missed bins 0.04% on a 0.03 target: the 10% band is only 0.003', 0.04, 0.03, percent(10), 2, 'RED'],
    ['missed bins 0.033% exactly on the 0.003 edge (3 dp)', 0.033, 0.03, percent(10), 3, 'AMBER'],
    ['missed bins 0.034% past the 0.003 edge (3 dp)', 0.034, 0.03, percent(10), 3, 'RED'],
    ['sickness 10.3 days against 10.3', 10.3, 10.3, percent(5), 1, 'GREEN'],
  ])('%s: value %d, target %d, tolerance %j, %i dp → %s', (_, value, target, tolerance, decimals, expected) => {
    expect(rate({ value, target, tolerance, decimals, polarity: 'LOWER' })).toBe(expected);
  });
});

describe('GOALPOST: stay close to the target', () => {
  it.each<Case>([
    ['exactly on target', 100, 100, percent(5), 0, 'GREEN'],
    ['inside the band above', 103, 100, percent(5), 0, 'GREEN'],
    ['exactly one band above', 105, 100, percent(5), 0, 'GREEN'],
    ['exactly one band below', 95, 100, percent(5), 0, 'GREEN'],
    ['just past one band above', 106, 100, percent(5), 0, 'AMBER'],
    ['just past one band below', 94, 100, percent(5), 0, 'AMBER'],
    ['exactly two bands above', 110, 100, percent(5), 0, 'AMBER'],
    ['exactly two bands below', 90, 100, percent(5), 0, 'AMBER'],
    ['just past two bands above', 111, 100, percent(5), 0, 'RED'],
    ['just past two bands below', 89, 100, percent(5), 0, 'RED'],
    ['absolute band, one away', 5, 4, absolute(1), 1, 'GREEN'],
    ['absolute band, two away', 2, 4, absolute(1), 1, 'AMBER'],
    ['absolute band, just past two', 6.1, 4, absolute(1), 1, 'RED'],
    ['zero tolerance, on target', 4, 4, absolute(0), 0, 'GREEN'],
    ['zero tolerance, off target', 5, 4, absolute(0), 0, 'RED'],
  ])('%s: value %d, target %d, tolerance %j, %i dp → %s', (_, value, target, tolerance, decimals, expected) => {
    expect(rate({ value, target, tolerance, decimals, polarity: 'GOALPOST' })).toBe(expected);
  });
});

describe('a zero target', () => {
  it.each<[Polarity, number, Tolerance, number, Status]>([
    ['HIGHER', 0, percent(10), 0, 'GREEN'],
    ['HIGHER', 1, percent(10), 0, 'GREEN'],
    ['HIGHER', -1, percent(10), 0, 'RED'],
    ['HIGHER', -2, absolute(2), 0, 'AMBER'],
    ['HIGHER', -3, absolute(2), 0, 'RED'],
    ['LOWER', 0, percent(10), 0, 'GREEN'],
    ['LOWER', 0.1, percent(10), 1, 'RED'],
    ['LOWER', 1, percent(50), 0, 'RED'],
    ['LOWER', 2, absolute(2), 0, 'AMBER'],
    ['LOWER', 3, absolute(2), 0, 'RED'],
    ['GOALPOST', 0, percent(10), 0, 'GREEN'],
    ['GOALPOST', 1, percent(10), 0, 'RED'],
    ['GOALPOST', -1, percent(10), 0, 'RED'],
    ['GOALPOST', -1, absolute(1), 0, 'GREEN'],
    ['GOALPOST', 2, absolute(1), 0, 'AMBER'],
    ['GOALPOST', -3, absolute(1), 0, 'RED'],
  ])('%s, value %d, tolerance %j, %i dp → %s (a percentage of zero is a zero band)', (polarity, value, tolerance, decimals, expected) => {
    expect(rate({ value, target: 0, tolerance, decimals, polarity })).toBe(expected);
  });
});

describe('negative values and targets', () => {
  it.each<[string, Polarity, number, number, Tolerance, Status]>([
    ['budget variance on a -£50,000 limit', 'HIGHER', -50000, -50000, percent(10), 'GREEN'],
    ['variance better than the limit', 'HIGHER', -40000, -50000, percent(10), 'GREEN'],
    ['variance exactly 10% of |target| worse', 'HIGHER', -55000, -50000, percent(10), 'AMBER'],
    ['variance just past 10% worse', 'HIGHER', -55001, -50000, percent(10), 'RED'],
    ['lower is better, below a negative target', 'LOWER', -12, -10, absolute(2), 'GREEN'],
    ['lower is better, exactly on the edge above a negative target', 'LOWER', -8, -10, absolute(2), 'AMBER'],
    ['lower is better, past the edge above a negative target', 'LOWER', -7, -10, absolute(2), 'RED'],
    ['lower is better, negative target with a percentage band', 'LOWER', -9, -10, percent(10), 'AMBER'],
    ['goal-post around a negative target, one band away', 'GOALPOST', -11, -10, percent(10), 'GREEN'],
    ['goal-post around a negative target, two bands away', 'GOALPOST', -8, -10, percent(10), 'AMBER'],
    ['goal-post around a negative target, past two bands', 'GOALPOST', -7, -10, percent(10), 'RED'],
    ['a negative value against a positive target', 'HIGHER', -1, 5, absolute(1), 'RED'],
  ])('%s: %s, value %d, target %d, %j → %s', (_, polarity, value, target, tolerance, expected) => {
    expect(rate({ value, target, tolerance, polarity })).toBe(expected);
  });
});

describe('float noise and precision never flip a status', () => {
  it.each<[string, Polarity, number, number, Tolerance, number, Status]>([
    ['0.1 + 0.2 against a 0.3 lower-is-better target, no tolerance', 'LOWER', 0.1 + 0.2, 0.3, absolute(0), 1, 'GREEN'],
    ['0.1 + 0.2 against a 0.3 goal-post, no tolerance', 'GOALPOST', 0.1 + 0.2, 0.3, absolute(0), 2, 'GREEN'],
    ['0.3 - 0.1 against a 0.2 higher-is-better target, no tolerance', 'HIGHER', 0.3 - 0.1, 0.2, absolute(0), 1, 'GREEN'],
    ['0.8 on a 0.7 lower target with 0.1 tolerance (0.7 + 0.1 < 0.8 in floats)', 'LOWER', 0.8, 0.7, absolute(0.1), 1, 'AMBER'],
    ['0.6 on a 0.7 higher target with 0.1 tolerance', 'HIGHER', 0.6, 0.7, absolute(0.1), 1, 'AMBER'],
    ['1.1 on a 1.0 goal-post with 0.1 tolerance', 'GOALPOST', 1.1, 1.0, absolute(0.1), 1, 'GREEN'],
    ['19.6 days shows as 20 at 0 dp, so it meets a 20-day target', 'LOWER', 19.6, 20, absolute(0), 0, 'GREEN'],
    ['20.04 shows as 20.0 at 1 dp', 'LOWER', 20.04, 20, absolute(0), 1, 'GREEN'],
    ['20.05 shows as 20.1 at 1 dp', 'LOWER', 20.05, 20, absolute(0), 1, 'RED'],
    ['a 52.45 target is held as 52.5 at 1 dp, so 52.4 misses it', 'HIGHER', 52.4, 52.45, absolute(0), 1, 'RED'],
    ['a 52.45 target is held as 52.5 at 1 dp, so 52.46 meets it', 'HIGHER', 52.46, 52.45, absolute(0), 1, 'GREEN'],
    ['0.33 is on the 10% edge of 0.3, though 0.3 + 0.03 is 0.32999999999999996 in floats', 'LOWER', 0.33, 0.3, percent(10), 2, 'AMBER'],
    ['1.87 is on the 10% edge of 1.7, though 1.7 + 0.17 is 1.8699999999999999 in floats', 'LOWER', 1.87, 1.7, percent(10), 2, 'AMBER'],
    ['0.99 is on the 10% edge of 1.1, though 1.1 - 0.11 is 0.9900000000000001 in floats', 'HIGHER', 0.99, 1.1, percent(10), 2, 'AMBER'],
    ['0.72 is on the 10% edge of 0.8, though 0.8 - 0.08 is 0.7200000000000001 in floats', 'HIGHER', 0.72, 0.8, percent(10), 2, 'AMBER'],
    ['1.045 is on the 5% edge of 1.1 (3 dp)', 'HIGHER', 1.045, 1.1, percent(5), 3, 'AMBER'],
    ['1.044 is past the 5% edge of 1.1 (3 dp)', 'HIGHER', 1.044, 1.1, percent(5), 3, 'RED'],
  ])('%s (%s, value %d, target %d, %j, %i dp) → %s', (_, polarity, value, target, tolerance, decimals, expected) => {
    expect(rate({ value, target, tolerance, decimals, polarity })).toBe(expected);
  });
});

describe('not rated: data only, missing and due', () => {
  it.each<[string, IndicatorKind, number | null, number | null, boolean, Status]>([
    ['data only with a value', 'DATA_ONLY', 212, null, false, 'DATA_ONLY'],
    ['data only with a value after the deadline', 'DATA_ONLY', 212, null, true, 'DATA_ONLY'],
    ['data only with a target set is still not rated', 'DATA_ONLY', 212, 100, true, 'DATA_ONLY'],
    ['data only, no value yet', 'DATA_ONLY', null, null, false, 'DUE'],
    ['data only, no value after the deadline: still owed', 'DATA_ONLY', null, null, true, 'MISSING'],
    ['a KPI with no target this period', 'KPI', 85, null, false, 'DATA_ONLY'],
    ['a KPI with no target and no value after the deadline', 'KPI', null, null, true, 'MISSING'],
    ['a KPI with no target and no value before the deadline', 'KPI', null, null, false, 'DUE'],
    ['a KPI with no value before the deadline', 'KPI', null, 85, false, 'DUE'],
    ['a KPI with no value after the deadline', 'KPI', null, 85, true, 'MISSING'],
    ['a PI with no value after the deadline', 'PI', null, 85, true, 'MISSING'],
    ['a PI is rated like a KPI', 'PI', 84, 85, true, 'AMBER'],
    ['a zero value is a value, not a missing one', 'KPI', 0, 85, true, 'RED'],
  ])('%s (%s, value %j, target %j, deadline passed %s) → %s', (_, kind, value, target, deadlinePassed, expected) => {
    expect(rate({ kind, value, target, deadlinePassed, polarity: 'HIGHER', tolerance: percent(10) })).toBe(expected);
  });

  it('the deadline does not change the colour of a value that has been given', () => {
    const before = rate({ value: 22, target: 20, polarity: 'LOWER', deadlinePassed: false });
    const after = rate({ value: 22, target: 20, polarity: 'LOWER', deadlinePassed: true });
    expect([before, after]).toEqual(['AMBER', 'AMBER']);
  });
});

describe('describeStatus', () => {
  it.each<[Status, string]>([
    ['GREEN', 'On target'],
    ['AMBER', 'Within tolerance'],
    ['RED', 'Off target'],
    ['DATA_ONLY', 'Data only'],
    ['MISSING', 'Missing'],
    ['DUE', 'Due'],
  ])('%s reads %j', (status, text) => {
    expect(describeStatus(status)).toBe(text);
  });
});
