import { formatPlainNumber, formatUkNumber, formatValue, parseUkNumber, roundTo } from '../../../src/domain/numbers';
import type { Result } from '../../../src/domain/result';

const errorOf = (result: Result<unknown>): string => (result.ok ? 'accepted' : result.error);

describe('parseUkNumber accepts what people type', () => {
  it.each([
    ['1,234.5', 1234.5, false, false, 1],
    ['1234.5', 1234.5, false, false, 1],
    [' 12 ', 12, false, false, 0],
    ['-3', -3, false, false, 0],
    ['\u22123', -3, false, false, 0],
    ['\u20133.5', -3.5, false, false, 1],
    ['+7', 7, false, false, 0],
    ['95%', 95, true, false, 0],
    ['95 %', 95, true, false, 0],
    ['52.5%', 52.5, true, false, 1],
    ['0.03%', 0.03, true, false, 2],
    ['£1,200.50', 1200.5, false, true, 2],
    ['£ 1,200', 1200, false, true, 0],
    ['-£50', -50, false, true, 0],
    ['£-50', -50, false, true, 0],
    ['1,234,567', 1234567, false, false, 0],
    ['12,500', 12500, false, false, 0],
    ['0', 0, false, false, 0],
    ['-0', 0, false, false, 0],
    ['.5', 0.5, false, false, 1],
    ['5.', 5, false, false, 0],
    ['12.50', 12.5, false, false, 2],
    ['\u00a0 98.6 \u00a0', 98.6, false, false, 1],
    ['- 4', -4, false, false, 0],
  ])('reads %j as %d (percent sign %s, pound sign %s, %i decimals given)', (text, value, percent, pound, decimals) => {
    expect(parseUkNumber(text)).toEqual({
      ok: true,
      value: { value, hadPercentSign: percent, hadPoundSign: pound, decimalsGiven: decimals },
    });
  });

  it('never returns negative zero', () => {
    const result = parseUkNumber('-0.0');
    expect(result.ok && Object.is(result.value.value, 0)).toBe(true);
  });
});

describe('parseUkNumber refuses what it cannot be sure of', () => {
  it.each([
    ['', 'Enter a number such as 1,234.5 — nothing was entered'],
    ['   ', 'Enter a number such as 1,234.5 — nothing was entered'],
    ['abc', 'Enter a number such as 1,234.5 — got "abc"'],
    ['NaN', 'Enter a number such as 1,234.5 — got "NaN"'],
    ['Infinity', 'Enter a number such as 1,234.5 — got "Infinity"'],
    ['-Infinity', 'Enter a number such as 1,234.5 — got "-Infinity"'],
    ['1e5', 'Enter a number such as 1,234.5 — got "1e5"'],
    ['12 days', 'Enter a number such as 1,234.5 — got "12 days"'],
    ['1 234', 'Enter a number such as 1,234.5 — got "1 234"'],
    ['--3', 'Enter a number such as 1,234.5 — got "--3"'],
    ['+-3', 'Enter a number such as 1,234.5 — got "+-3"'],
    ['%', 'Enter a number such as 1,234.5 — got "%"'],
    ['95%%', 'Enter a number such as 1,234.5 — got "95%%"'],
    ['.', 'Enter a number such as 1,234.5 — got "."'],
    ['1.2.3', '"1.2.3" has more than one decimal point; use a full stop only for decimals, as in 1,234.5'],
    ['1.234.567', '"1.234.567" has more than one decimal point'],
    ['1,23', '"1,23" looks like a decimal comma: use a full stop for decimals, as in 12.5 (commas can only separate thousands, in groups of three digits, as in 1,234,567)'],
    ['12,5', '"12,5" looks like a decimal comma: use a full stop for decimals, as in 12.5'],
    ['1,2345', '"1,2345" has a comma in the wrong place: commas can only separate thousands, in groups of three digits, as in 1,234,567'],
    ['12,34,567', '"12,34,567" has a comma in the wrong place'],
    [',123', '",123" has a comma in the wrong place'],
    ['1,234,5', '"1,234,5" has a comma in the wrong place'],
    ['1.234,5', 'Use a full stop for decimals and commas only for thousands, as in 1,234.5 — got "1.234,5"'],
    ['£95%', 'Use either £ or %, not both — got "£95%"'],
    ['9'.repeat(400), 'is too large to store; check the figure'],
  ])('refuses %j with a message that says what to fix', (text, expected) => {
    expect(errorOf(parseUkNumber(text))).toContain(expected);
  });

  it('a misplaced thousands comma is explained as groups of three digits', () => {
    expect(errorOf(parseUkNumber('1,23'))).toContain('groups of three digits');
  });

  it('names the indicator when told which one it is', () => {
    expect(errorOf(parseUkNumber('abc', { indicatorLabel: 'HB01 Days to process new claims' }))).toBe(
      'HB01 Days to process new claims: enter a number such as 1,234.5 — got "abc"',
    );
  });
});

describe('roundTo rounds half away from zero, despite binary floats', () => {
  it.each([
    [1.005, 2, 1.01],
    [1.004, 2, 1],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [0.5, 0, 1],
    [-0.5, 0, -1],
    [1.45, 1, 1.5],
    [-1.45, 1, -1.5],
    [0.285, 2, 0.29],
    [98.625, 2, 98.63],
    [0.1 + 0.2, 1, 0.3],
    [0.1 + 0.2, 2, 0.3],
    [1234.5678, 0, 1235],
    [1234.5678, 3, 1234.568],
    [22, 0, 22],
    [1e20, 2, 1e20],
    [0.0000001, 6, 0],
  ])('roundTo(%d, %i) is %d', (value, decimals, expected) => {
    expect(roundTo(value, decimals)).toBe(expected);
  });

  it('gives plain zero, not negative zero, when a small negative rounds away', () => {
    expect(Object.is(roundTo(-0.001, 2), 0)).toBe(true);
  });

  it('leaves NaN and infinities alone', () => {
    expect(roundTo(Number.NaN, 2)).toBeNaN();
    expect(roundTo(Number.POSITIVE_INFINITY, 2)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('formatUkNumber', () => {
  it.each([
    [1234.5, 2, '1,234.50'],
    [1234.5, 0, '1,235'],
    [1234567.891, 1, '1,234,567.9'],
    [0, 2, '0.00'],
    [999, 0, '999'],
    [1000, 0, '1,000'],
    [-1234.5, 1, '-1,234.5'],
    [-0.001, 2, '0.00'],
    [1.005, 2, '1.01'],
    [0.1 + 0.2, 3, '0.300'],
    [0.03, 2, '0.03'],
  ])('formatUkNumber(%d, %i) is %s', (value, decimals, expected) => {
    expect(formatUkNumber(value, decimals)).toBe(expected);
  });
});

describe('formatValue', () => {
  it.each([
    [95, 'PERCENT', 1, '95.0%'],
    [52.5, 'PERCENT', 1, '52.5%'],
    [0.03, 'PERCENT', 2, '0.03%'],
    [1234, 'CURRENCY', 0, '£1,234'],
    [1200.5, 'CURRENCY', 2, '£1,200.50'],
    [-50, 'CURRENCY', 0, '-£50'],
    [12.5, 'DAYS', 1, '12.5 days'],
    [1, 'DAYS', 0, '1 day'],
    [1, 'DAYS', 1, '1.0 days'],
    [22, 'DAYS', 0, '22 days'],
    [4, 'MINUTES', 1, '4.0 minutes'],
    [1, 'MINUTES', 0, '1 minute'],
    [1234, 'NUMBER', 0, '1,234'],
    [3.24, 'RATE', 1, '3.2'],
    [1.5, 'RATIO', 2, '1.50'],
  ] as const)('formatValue(%d, %s, %i) is %s', (value, unit, decimals, expected) => {
    expect(formatValue(value, unit, decimals)).toBe(expected);
  });
});

describe('formatPlainNumber', () => {
  it.each([
    [2.5, '2.5'],
    [1500, '1500'],
    [0, '0'],
    [-3, '-3'],
    [0.0000001, '0.0000001'],
  ])('formatPlainNumber(%d) is %s and reads back', (value, expected) => {
    expect(formatPlainNumber(value)).toBe(expected);
    const back = parseUkNumber(expected);
    expect(back.ok && back.value.value).toBe(value);
  });
});
