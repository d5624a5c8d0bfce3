import type { Result } from '../../../src/domain/result';
import {
  describeTolerance,
  formatTolerance,
  parseTolerance,
  resolveTolerance,
  toleranceBand,
} from '../../../src/domain/tolerance';
import type { Tolerance } from '../../../src/domain/types';

const errorOf = (result: Result<unknown>): string => (result.ok ? 'accepted' : result.error);
const percent = (p: number): Tolerance => ({ kind: 'PERCENT_OF_TARGET', percent: p });
const absolute = (amount: number): Tolerance => ({ kind: 'ABSOLUTE', amount });

describe('parseTolerance', () => {
  it.each<[string, Tolerance | null]>([
    ['', null],
    ['   ', null],
    ['5%', percent(5)],
    [' 10 % ', percent(10)],
    ['2.5%', percent(2.5)],
    ['0%', percent(0)],
    ['±5%', percent(5)],
    ['+/- 5%', percent(5)],
    ['+/-5%', percent(5)],
    ['2.5', absolute(2.5)],
    ['0', absolute(0)],
    ['1,000', absolute(1000)],
    ['£500', absolute(500)],
    ['± 0.5', absolute(0.5)],
    ['+2', absolute(2)],
  ])('reads %j as %j', (text, expected) => {
    expect(parseTolerance(text)).toEqual({ ok: true, value: expected });
  });

  it.each(['-5%', '-2.5', '\u22121', '£-10'])('refuses the negative tolerance %j', (text) => {
    const message = errorOf(parseTolerance(text));
    expect(message).toContain('Tolerance cannot be negative');
    expect(message).toContain(`got "${text}"`);
  });

  it.each([
    ['abc', 'Tolerance: enter a number such as 1,234.5 — got "abc"'],
    ['five percent', 'got "five percent"'],
    ['12,5%', 'decimal comma'],
  ])('refuses %j, explaining the accepted forms', (text, expected) => {
    const message = errorOf(parseTolerance(text));
    expect(message).toContain(expected);
    expect(message).toContain('"5%"');
    expect(message).toContain('"2.5"');
    expect(message).toContain('leave it blank to use the organisation default');
  });
});

describe('toleranceBand', () => {
  it.each<[number, Tolerance, number]>([
    [20, percent(10), 2],
    [20, percent(5), 1],
    [20, absolute(3), 3],
    [98.6, absolute(0.5), 0.5],
    [-50000, percent(10), 5000],
    [-50000, absolute(1000), 1000],
    [0, percent(10), 0],
    [0, absolute(2), 2],
    [60, percent(0), 0],
  ])('target %d with %j is %d wide', (target, tolerance, band) => {
    expect(toleranceBand(target, tolerance)).toBeCloseTo(band, 12);
  });
});

describe('resolveTolerance', () => {
  it("uses the indicator's own tolerance when it has one", () => {
    expect(resolveTolerance(absolute(2), percent(10))).toEqual(absolute(2));
  });
  it('falls back to the organisation default', () => {
    expect(resolveTolerance(null, percent(10))).toEqual(percent(10));
  });
});

describe('describeTolerance', () => {
  it.each<[Tolerance, 'PERCENT' | 'DAYS' | 'CURRENCY' | 'NUMBER', number, string]>([
    [percent(5), 'DAYS', 0, 'within 5% of the target'],
    [percent(2.5), 'PERCENT', 1, 'within 2.5% of the target'],
    [absolute(2.5), 'DAYS', 1, 'within 2.5 days of the target'],
    [absolute(2), 'DAYS', 0, 'within 2 days of the target'],
    [absolute(0.5), 'PERCENT', 1, 'within 0.5% of the target'],
    [absolute(1000), 'CURRENCY', 0, 'within £1,000 of the target'],
    [absolute(0.005), 'PERCENT', 2, 'within 0.005% of the target'],
    [absolute(3), 'NUMBER', 0, 'within 3 of the target'],
  ])('%j for %s with %i decimals reads %j', (tolerance, unit, decimals, expected) => {
    expect(describeTolerance(tolerance, unit, decimals)).toBe(expected);
  });
});

describe('formatTolerance', () => {
  it.each<[Tolerance | null, string]>([
    [percent(5), '5%'],
    [percent(2.5), '2.5%'],
    [absolute(2.5), '2.5'],
    [absolute(1500), '1500'],
    [null, ''],
  ])('%j is written %j and reads back the same', (tolerance, text) => {
    expect(formatTolerance(tolerance)).toBe(text);
    expect(parseTolerance(text)).toEqual({ ok: true, value: tolerance });
  });
});
