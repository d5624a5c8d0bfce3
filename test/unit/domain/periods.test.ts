import {
  comparePeriods,
  endDate,
  financialQuarterOfCalendarMonth,
  financialYearLabel,
  financialYearOf,
  frequencyOfPeriod,
  isPeriodKind,
  monthPeriod,
  monthsOfPeriod,
  monthsOfQuarter,
  nextPeriod,
  parsePeriod,
  periodContaining,
  periodIndexInYear,
  periodKey,
  periodKindOfFrequency,
  periodLabel,
  periodShortLabel,
  periodsEqual,
  periodsInYearOf,
  periodsOfYear,
  periodsOfYearUpTo,
  previousPeriod,
  quarterOfMonth,
  quarterPeriod,
  samePeriodLastYear,
  shiftPeriod,
  startDate,
  trailingPeriods,
  yearPeriod,
  type Period,
} from '../../../src/domain/periods';
import type { Result } from '../../../src/domain/result';

const keyOf = (result: Result<Period>): string => (result.ok ? periodKey(result.value) : `error: ${result.error}`);
const errorOf = (result: Result<unknown>): string => (result.ok ? 'accepted' : result.error);
const keys = (periods: readonly Period[]): string[] => periods.map(periodKey);

describe('parsePeriod', () => {
  it.each([
    ['2026-10', '2026-10'],
    ['2026-1', '2026-01'],
    ['2027-03', '2027-03'],
    ['  2026-04  ', '2026-04'],
    ['2026 - 04', '2026-04'],
    ['2026/27 Q3', '2026/27 Q3'],
    ['2026/27 q3', '2026/27 Q3'],
    ['2026/27Q1', '2026/27 Q1'],
    ['  2026/27    Q4 ', '2026/27 Q4'],
    ['2026 / 27 Q 2', '2026/27 Q2'],
    ['2026/2027 Q3', '2026/27 Q3'],
    ['Q3 2026/27', '2026/27 Q3'],
    ['q1 2026/2027', '2026/27 Q1'],
    ['2026/27', '2026/27'],
    [' 2026/2027 ', '2026/27'],
    ['2099/00', '2099/00'],
    ['2099/2100', '2099/00'],
    ['2026\u00a0/\u00a027', '2026/27'],
  ])('reads %j as %s', (text, key) => {
    expect(keyOf(parsePeriod(text))).toBe(key);
  });

  it('returns the structured period, not only the key', () => {
    expect(parsePeriod('2026-10')).toEqual({ ok: true, value: { kind: 'MONTH', year: 2026, month: 10 } });
    expect(parsePeriod('2026/27 Q3')).toEqual({ ok: true, value: { kind: 'QUARTER', fyStart: 2026, quarter: 3 } });
    expect(parsePeriod('2026/27')).toEqual({ ok: true, value: { kind: 'YEAR', fyStart: 2026 } });
  });

  it.each([
    ['2026/28', '"2026/28" is not a financial year'],
    ['2026/2028', 'the second year must be the one after the first'],
    ['2026/26', 'not a financial year'],
    ['2026/27 Q5', 'There is no quarter 5'],
    ['2026/27 Q0', 'There is no quarter 0'],
    ['2026/28 Q1', 'not a financial year'],
    ['2026-13', 'There is no month 13'],
    ['2026-00', 'There is no month 0'],
    ['2026-123', 'got "2026-123"'],
    ['', 'got ""'],
    ['October 2026', 'got "October 2026"'],
    ['26/27', 'got "26/27"'],
    ['2026', 'got "2026"'],
    ['2026/27 Q', 'got "2026/27 Q"'],
  ])('refuses %j, saying %j', (text, expected) => {
    const message = errorOf(parsePeriod(text));
    expect(message).toContain(expected);
  });

  it.each(['2026/28', '2026-13', '2026/27 Q5', 'rubbish'])('shows the accepted forms when refusing %j', (text) => {
    const message = errorOf(parsePeriod(text));
    expect(message).toContain('"2026-10"');
    expect(message).toContain('"2026/27 Q3"');
    expect(message).toContain('"2026/27"');
  });

  it.each(['2026-10', '2026/27 Q3', '2026/27', '2027-01', '2026/27 Q4'])('round-trips the key %s', (key) => {
    expect(keyOf(parsePeriod(key))).toBe(key);
  });
});

describe('keys and labels', () => {
  it.each<[Period, string, string, string]>([
    [monthPeriod(2026, 10), '2026-10', 'October 2026', 'Oct 2026'],
    [monthPeriod(2027, 1), '2027-01', 'January 2027', 'Jan 2027'],
    [monthPeriod(2026, 4), '2026-04', 'April 2026', 'Apr 2026'],
    [quarterPeriod(2026, 1), '2026/27 Q1', 'Q1 2026/27 (Apr–Jun 2026)', 'Q1 2026/27'],
    [quarterPeriod(2026, 3), '2026/27 Q3', 'Q3 2026/27 (Oct–Dec 2026)', 'Q3 2026/27'],
    [quarterPeriod(2026, 4), '2026/27 Q4', 'Q4 2026/27 (Jan–Mar 2027)', 'Q4 2026/27'],
    [yearPeriod(2026), '2026/27', '2026/27 (Apr 2026–Mar 2027)', '2026/27'],
    [yearPeriod(1999), '1999/00', '1999/00 (Apr 1999–Mar 2000)', '1999/00'],
  ])('%j has key %s, label %s and short label %s', (period, key, label, short) => {
    expect(periodKey(period)).toBe(key);
    expect(periodLabel(period)).toBe(label);
    expect(periodShortLabel(period)).toBe(short);
  });

  it.each([
    [2026, '2026/27'],
    [2009, '2009/10'],
    [2099, '2099/00'],
  ])('financialYearLabel(%i) is %s', (fyStart, label) => {
    expect(financialYearLabel(fyStart)).toBe(label);
  });
});

describe('financial year and quarter of a month', () => {
  it.each([
    [2026, 4, 2026, 1, 1],
    [2026, 6, 2026, 1, 3],
    [2026, 7, 2026, 2, 4],
    [2026, 9, 2026, 2, 6],
    [2026, 10, 2026, 3, 7],
    [2026, 12, 2026, 3, 9],
    [2027, 1, 2026, 4, 10],
    [2027, 3, 2026, 4, 12],
    [2026, 3, 2025, 4, 12],
  ])('%i-%i is in financial year %i, Q%i, month %i of the year', (year, month, fy, quarter, index) => {
    const p = monthPeriod(year, month);
    expect(financialYearOf(p)).toBe(fy);
    expect(financialQuarterOfCalendarMonth(month)).toBe(quarter);
    expect(quarterOfMonth(p)).toEqual(quarterPeriod(fy, quarter as 1 | 2 | 3 | 4));
    expect(periodIndexInYear(p)).toBe(index);
  });

  it('puts March and April either side of the financial year end', () => {
    expect(financialYearOf(monthPeriod(2027, 3))).toBe(2026);
    expect(financialYearOf(monthPeriod(2027, 4))).toBe(2027);
  });

  it.each<[Period, number]>([
    [quarterPeriod(2026, 3), 2026],
    [yearPeriod(2026), 2026],
  ])('financialYearOf(%j) is %i', (period, fy) => {
    expect(financialYearOf(period)).toBe(fy);
  });

  it.each<[Period, number]>([
    [quarterPeriod(2026, 1), 1],
    [quarterPeriod(2026, 4), 4],
    [yearPeriod(2026), 1],
  ])('periodIndexInYear(%j) is %i', (period, index) => {
    expect(periodIndexInYear(period)).toBe(index);
  });
});

describe('months of a period and periods of a year', () => {
  it.each([
    [1, ['2026-04', '2026-05', '2026-06']],
    [2, ['2026-07', '2026-08', '2026-09']],
    [3, ['2026-10', '2026-11', '2026-12']],
    [4, ['2027-01', '2027-02', '2027-03']],
  ] as const)('Q%i 2026/27 has months %j', (quarter, months) => {
    expect(keys(monthsOfQuarter(quarterPeriod(2026, quarter)))).toEqual(months);
  });

  it('a month is its own only month, a year has twelve from April to March', () => {
    expect(keys(monthsOfPeriod(monthPeriod(2026, 10)))).toEqual(['2026-10']);
    expect(keys(monthsOfPeriod(yearPeriod(2026)))).toEqual([
      '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09',
      '2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03',
    ]);
  });

  it('periodsOfYear lists the periods for each frequency in order', () => {
    expect(keys(periodsOfYear(2026, 'MONTHLY'))).toEqual([
      '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09',
      '2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03',
    ]);
    expect(keys(periodsOfYear(2026, 'QUARTERLY'))).toEqual(['2026/27 Q1', '2026/27 Q2', '2026/27 Q3', '2026/27 Q4']);
    expect(keys(periodsOfYear(2026, 'ANNUAL'))).toEqual(['2026/27']);
  });

  it.each([
    ['MONTH', 12],
    ['QUARTER', 4],
    ['YEAR', 1],
  ] as const)('periodsInYearOf(%s) is %i', (kind, count) => {
    expect(periodsInYearOf(kind)).toBe(count);
  });

  it.each<[Period, string[]]>([
    [monthPeriod(2026, 4), ['2026-04']],
    [monthPeriod(2026, 6), ['2026-04', '2026-05', '2026-06']],
    [monthPeriod(2027, 2), ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02']],
    [quarterPeriod(2026, 3), ['2026/27 Q1', '2026/27 Q2', '2026/27 Q3']],
    [yearPeriod(2026), ['2026/27']],
  ])('periodsOfYearUpTo(%j) is %j', (period, expected) => {
    expect(keys(periodsOfYearUpTo(period))).toEqual(expected);
  });

  it('trailingPeriods crosses the year end', () => {
    expect(keys(trailingPeriods(monthPeriod(2026, 5), 3))).toEqual(['2026-03', '2026-04', '2026-05']);
    expect(keys(trailingPeriods(quarterPeriod(2026, 2), 4))).toEqual(['2025/26 Q3', '2025/26 Q4', '2026/27 Q1', '2026/27 Q2']);
    expect(trailingPeriods(monthPeriod(2026, 5), 12)).toHaveLength(12);
    expect(periodKey(trailingPeriods(monthPeriod(2026, 5), 12)[0] as Period)).toBe('2025-06');
  });
});

describe('moving between periods', () => {
  it.each<[Period, string, string, string]>([
    [monthPeriod(2026, 4), '2026-03', '2026-05', '2025-04'],
    [monthPeriod(2026, 1), '2025-12', '2026-02', '2025-01'],
    [monthPeriod(2026, 12), '2026-11', '2027-01', '2025-12'],
    [monthPeriod(2027, 3), '2027-02', '2027-04', '2026-03'],
    [quarterPeriod(2026, 1), '2025/26 Q4', '2026/27 Q2', '2025/26 Q1'],
    [quarterPeriod(2026, 4), '2026/27 Q3', '2027/28 Q1', '2025/26 Q4'],
    [yearPeriod(2026), '2025/26', '2027/28', '2025/26'],
  ])('%j: previous %s, next %s, same period last year %s', (period, previous, next, lastYear) => {
    expect(periodKey(previousPeriod(period))).toBe(previous);
    expect(periodKey(nextPeriod(period))).toBe(next);
    expect(periodKey(samePeriodLastYear(period))).toBe(lastYear);
  });

  it('the month before April 2026 is in the previous financial year', () => {
    const march = previousPeriod(monthPeriod(2026, 4));
    expect(march).toEqual(monthPeriod(2026, 3));
    expect(financialYearOf(march)).toBe(2025);
  });

  it('shiftPeriod moves by many periods either way', () => {
    expect(periodKey(shiftPeriod(monthPeriod(2026, 10), 15))).toBe('2028-01');
    expect(periodKey(shiftPeriod(monthPeriod(2026, 10), -22))).toBe('2024-12');
    expect(periodKey(shiftPeriod(quarterPeriod(2026, 3), -7))).toBe('2024/25 Q4');
    expect(periodKey(shiftPeriod(yearPeriod(2026), 0))).toBe('2026/27');
  });
});

describe('comparePeriods', () => {
  it.each<[Period, Period, number]>([
    [monthPeriod(2026, 3), monthPeriod(2026, 4), -1],
    [monthPeriod(2027, 1), monthPeriod(2026, 12), 1],
    [monthPeriod(2026, 10), monthPeriod(2026, 10), 0],
    [quarterPeriod(2025, 4), quarterPeriod(2026, 1), -1],
    [quarterPeriod(2026, 3), quarterPeriod(2026, 2), 1],
    [yearPeriod(2025), yearPeriod(2026), -1],
  ])('compares %j with %j as %i', (a, b, sign) => {
    expect(Math.sign(comparePeriods(a, b))).toBe(sign);
  });

  it('sorts periods of one kind into time order', () => {
    const sorted = [monthPeriod(2027, 1), monthPeriod(2026, 4), monthPeriod(2026, 12), monthPeriod(2025, 12)].sort(comparePeriods);
    expect(keys(sorted)).toEqual(['2025-12', '2026-04', '2026-12', '2027-01']);
  });

  it('orders mixed kinds by start date, then shorter first, rather than failing', () => {
    const sorted = [yearPeriod(2026), quarterPeriod(2026, 1), monthPeriod(2026, 4), monthPeriod(2026, 3)].sort(comparePeriods);
    expect(keys(sorted)).toEqual(['2026-03', '2026-04', '2026/27 Q1', '2026/27']);
  });

  it('periodsEqual compares by value', () => {
    expect(periodsEqual(monthPeriod(2026, 10), { kind: 'MONTH', year: 2026, month: 10 })).toBe(true);
    expect(periodsEqual(monthPeriod(2026, 10), monthPeriod(2026, 11))).toBe(false);
    expect(periodsEqual(yearPeriod(2026), quarterPeriod(2026, 1))).toBe(false);
  });
});

describe('dates', () => {
  it.each<[Period, string, string]>([
    [monthPeriod(2026, 10), '2026-10-01', '2026-10-31'],
    [monthPeriod(2026, 4), '2026-04-01', '2026-04-30'],
    [monthPeriod(2027, 2), '2027-02-01', '2027-02-28'],
    [monthPeriod(2028, 2), '2028-02-01', '2028-02-29'],
    [monthPeriod(2100, 2), '2100-02-01', '2100-02-28'],
    [monthPeriod(2000, 2), '2000-02-01', '2000-02-29'],
    [quarterPeriod(2026, 1), '2026-04-01', '2026-06-30'],
    [quarterPeriod(2026, 2), '2026-07-01', '2026-09-30'],
    [quarterPeriod(2026, 3), '2026-10-01', '2026-12-31'],
    [quarterPeriod(2026, 4), '2027-01-01', '2027-03-31'],
    [yearPeriod(2026), '2026-04-01', '2027-03-31'],
  ])('%j runs from %s to %s inclusive', (period, start, end) => {
    expect(startDate(period)).toBe(start);
    expect(endDate(period)).toBe(end);
  });
});

describe('frequencies', () => {
  it.each([
    [2026, 10, 'MONTHLY', '2026-10'],
    [2026, 10, 'QUARTERLY', '2026/27 Q3'],
    [2026, 10, 'ANNUAL', '2026/27'],
    [2027, 3, 'QUARTERLY', '2026/27 Q4'],
    [2027, 3, 'ANNUAL', '2026/27'],
    [2027, 4, 'ANNUAL', '2027/28'],
  ] as const)('periodContaining(%i-%i, %s) is %s', (year, month, frequency, key) => {
    expect(periodKey(periodContaining({ year, month }, frequency))).toBe(key);
  });

  it.each([
    ['MONTHLY', 'MONTH'],
    ['QUARTERLY', 'QUARTER'],
    ['ANNUAL', 'YEAR'],
  ] as const)('%s maps to %s periods and back', (frequency, kind) => {
    expect(periodKindOfFrequency(frequency)).toBe(kind);
    const [first] = periodsOfYear(2026, frequency);
    expect(first?.kind).toBe(kind);
    expect(frequencyOfPeriod(first as Period)).toBe(frequency);
  });

  it.each([
    ['MONTH', true],
    ['QUARTER', true],
    ['YEAR', true],
    ['month', false],
    ['WEEK', false],
    ['', false],
  ])('isPeriodKind(%j) is %s', (text, expected) => {
    expect(isPeriodKind(text)).toBe(expected);
  });
});
