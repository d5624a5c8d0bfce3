import type { Result } from '../../../src/domain/result';
import type { Unit } from '../../../src/domain/types';
import { validateValue, type IndicatorForValidation } from '../../../src/domain/validation';

const CLAIMS: IndicatorForValidation = { code: 'HB01', title: 'Days to process new claims', unit: 'DAYS', decimals: 1 };
const RECYCLING: IndicatorForValidation = { code: 'ENV01', title: 'Household waste recycled', unit: 'PERCENT', decimals: 1 };
const MISSED_BINS: IndicatorForValidation = { code: 'ENV03', title: 'Missed bin collections', unit: 'PERCENT', decimals: 2 };
const HOUSEHOLDS: IndicatorForValidation = { code: 'HOU02', title: 'Households in temporary accommodation', unit: 'NUMBER', decimals: 0 };
const VARIANCE: IndicatorForValidation = { code: 'FIN09', title: 'Budget variance', unit: 'CURRENCY', decimals: 0 };
const WAIT: IndicatorForValidation = { code: 'CUS04', title: 'Average contact-centre wait', unit: 'MINUTES', decimals: 1 };

function check(indicator: IndicatorForValidation, raw: string, periodOpen = true): Result<number> {
  return validateValue({ indicator, raw, periodOpen, periodLabel: 'October 2026' });
}

const errorOf = (result: Result<unknown>): string => (result.ok ? 'accepted' : result.error);

describe('validateValue accepts', () => {
  it.each<[IndicatorForValidation, string, number]>([
    [CLAIMS, '22', 22],
    [CLAIMS, '21.5', 21.5],
    [CLAIMS, ' 21.50 ', 21.5],
    [CLAIMS, '0', 0],
    [RECYCLING, '52.5', 52.5],
    [RECYCLING, '52.5%', 52.5],
    [RECYCLING, '0', 0],
    [RECYCLING, '100', 100],
    [RECYCLING, '100.0 %', 100],
    [MISSED_BINS, '0.03', 0.03],
    [HOUSEHOLDS, '1,234', 1234],
    [HOUSEHOLDS, '212.0', 212],
    [VARIANCE, '-£50,000', -50000],
    [VARIANCE, '£1,200', 1200],
    [VARIANCE, '\u221212000', -12000],
    [WAIT, '4.0', 4],
    [{ ...RECYCLING, allowAboveHundred: true }, '104.5', 104.5],
    [{ ...HOUSEHOLDS, allowNegative: true }, '-3', -3],
    [{ ...RECYCLING, allowNegative: true }, '-2.5', -2.5],
    [{ code: 'PEO03', title: 'Staff turnover ratio', unit: 'RATIO', decimals: 2 }, '1.25', 1.25],
    [{ code: 'SAF01', title: 'Crimes per 1,000 population', unit: 'RATE', decimals: 1 }, '12.3', 12.3],
  ])('%j: %j → %d', (indicator, raw, expected) => {
    expect(check(indicator, raw)).toEqual({ ok: true, value: expected });
  });
});

describe('validateValue refuses, naming the indicator and the fix', () => {
  it.each<[string, IndicatorForValidation, string, string]>([
    ['nothing entered', CLAIMS, '', 'HB01 Days to process new claims: enter a number such as 1,234.5 — nothing was entered'],
    ['words', CLAIMS, 'twenty', 'HB01 Days to process new claims: enter a number such as 1,234.5 — got "twenty"'],
    ['a decimal comma', CLAIMS, '21,5', 'HB01 Days to process new claims: "21,5" looks like a decimal comma: use a full stop for decimals'],
    ['a misplaced thousands comma', HOUSEHOLDS, '1,23', 'HOU02 Households in temporary accommodation: "1,23"'],
    ['two decimal points', CLAIMS, '1.2.3', 'HB01 Days to process new claims: "1.2.3" has more than one decimal point'],
    ['a % sign on days', CLAIMS, '22%', 'HB01 Days to process new claims is entered as a number of days, not as a percentage: remove the % sign — got "22%"'],
    ['a % sign on a number', HOUSEHOLDS, '95%', 'HOU02 Households in temporary accommodation is entered as a plain number, not as a percentage: remove the % sign'],
    ['a % sign on money', VARIANCE, '5%', 'FIN09 Budget variance is entered as an amount in pounds, not as a percentage: remove the % sign'],
    ['a £ sign on days', CLAIMS, '£22', 'HB01 Days to process new claims is entered as a number of days, not as an amount in pounds: remove the £ sign — got "£22"'],
    ['a £ sign on a percentage', RECYCLING, '£52', 'ENV01 Household waste recycled is entered as a percentage, not as an amount in pounds: remove the £ sign'],
    ['a percentage above 100', RECYCLING, '120', 'ENV01 Household waste recycled: enter a percentage between 0 and 100 — got "120"'],
    ['a percentage just above 100', RECYCLING, '100.1', 'ENV01 Household waste recycled: enter a percentage between 0 and 100 — got "100.1"'],
    ['a negative percentage', RECYCLING, '-1', 'ENV01 Household waste recycled: enter a percentage between 0 and 100 — got "-1"'],
    ['a negative percentage where above 100 is allowed', { ...RECYCLING, allowAboveHundred: true }, '-1', 'ENV01 Household waste recycled: a percentage cannot be negative for this indicator — got "-1"'],
    ['above 100 where only negatives are allowed', { ...RECYCLING, allowNegative: true }, '101', 'ENV01 Household waste recycled: a percentage cannot be above 100 for this indicator — got "101"'],
    ['negative days', CLAIMS, '-3', 'HB01 Days to process new claims: a number of days cannot be negative for this indicator; enter 0 or more — got "-3"'],
    ['a negative count', HOUSEHOLDS, '-1', 'HOU02 Households in temporary accommodation: a plain number cannot be negative for this indicator; enter 0 or more — got "-1"'],
    ['negative minutes (Unicode minus)', WAIT, '\u22124', 'CUS04 Average contact-centre wait: a number of minutes cannot be negative'],
    ['a negative rate', { code: 'SAF01', title: 'Crimes per 1,000', unit: 'RATE', decimals: 1 }, '-0.5', 'SAF01 Crimes per 1,000: a rate cannot be negative'],
    ['a negative ratio', { code: 'PEO03', title: 'Turnover ratio', unit: 'RATIO', decimals: 2 }, '-1', 'PEO03 Turnover ratio: a ratio cannot be negative'],
    ['too many decimals', CLAIMS, '21.55', 'HB01 Days to process new claims: round to 1 decimal place (21.6) — got "21.55"'],
    ['too many decimals for two places', MISSED_BINS, '0.035', 'ENV03 Missed bin collections: round to 2 decimal places (0.04) — got "0.035"'],
    ['a fraction where a whole number is kept', HOUSEHOLDS, '212.5', 'HOU02 Households in temporary accommodation: enter a whole number — got "212.5"'],
    ['pence where whole pounds are kept', VARIANCE, '£1,200.50', 'FIN09 Budget variance: enter a whole number — got "£1,200.50"'],
  ])('%s', (_, indicator, raw, expected) => {
    expect(errorOf(check(indicator, raw))).toContain(expected);
  });

  it('refuses a closed period, saying who can reopen it', () => {
    expect(errorOf(check(CLAIMS, '22', false))).toBe(
      'HB01 Days to process new claims: October 2026 is closed for entry; ask the performance team to reopen it if this figure needs to change.',
    );
  });

  it('refuses a closed period before looking at the figure', () => {
    expect(errorOf(check(CLAIMS, 'rubbish', false))).toContain('is closed for entry');
  });

  it('uses the period label it is given', () => {
    const result = validateValue({ indicator: RECYCLING, raw: '50', periodOpen: false, periodLabel: 'Q3 2026/27' });
    expect(errorOf(result)).toContain('Q3 2026/27 is closed for entry');
  });

  it.each<[Unit, string]>([
    ['NUMBER', '-1'],
    ['DAYS', '-1'],
    ['MINUTES', '-1'],
    ['RATE', '-1'],
    ['RATIO', '-1'],
    ['PERCENT', '-1'],
  ])('refuses a negative %s value unless allowNegative is set', (unit, raw) => {
    const indicator: IndicatorForValidation = { code: 'X01', title: 'Example', unit, decimals: 0 };
    expect(check(indicator, raw).ok).toBe(false);
    expect(check({ ...indicator, allowNegative: true }, raw)).toEqual({ ok: true, value: -1 });
  });

  it('lets money go negative without allowNegative', () => {
    expect(check({ code: 'X01', title: 'Example', unit: 'CURRENCY', decimals: 0 }, '-1')).toEqual({ ok: true, value: -1 });
  });
});
