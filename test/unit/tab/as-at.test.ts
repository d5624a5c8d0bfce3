import { lastMonthOf, periodAsAt } from '../../../src/app/scorecard/as-at';
import { monthPeriod, parsePeriod, periodKey, type Period } from '../../../src/domain/periods';

const period = (text: string): Period => {
  const parsed = parsePeriod(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};

describe('which period each frequency shows as at a month', () => {
  it.each([
    ['2026-10', '2026-10', '2026/27 Q2', '2025/26'],
    ['2026-09', '2026-09', '2026/27 Q2', '2025/26'],
    ['2026-08', '2026-08', '2026/27 Q1', '2025/26'],
    ['2026-12', '2026-12', '2026/27 Q3', '2025/26'],
    ['2027-01', '2027-01', '2026/27 Q3', '2025/26'],
    ['2027-03', '2027-03', '2026/27 Q4', '2026/27'],
    ['2026-04', '2026-04', '2025/26 Q4', '2025/26'],
    ['2026-06', '2026-06', '2026/27 Q1', '2025/26'],
  ])('as at %s: month %s, quarter %s, year %s', (month, monthly, quarterly, annual) => {
    const m = period(month);
    if (m.kind !== 'MONTH') throw new Error('not a month');
    expect(periodKey(periodAsAt(m, 'MONTHLY'))).toBe(monthly);
    expect(periodKey(periodAsAt(m, 'QUARTERLY'))).toBe(quarterly);
    expect(periodKey(periodAsAt(m, 'ANNUAL'))).toBe(annual);
  });

  it('knows the last month of each kind of period', () => {
    expect(periodKey(lastMonthOf(period('2026/27 Q1')))).toBe('2026-06');
    expect(periodKey(lastMonthOf(period('2026/27 Q3')))).toBe('2026-12');
    expect(periodKey(lastMonthOf(period('2026/27 Q4')))).toBe('2027-03');
    expect(periodKey(lastMonthOf(period('2026/27')))).toBe('2027-03');
    expect(periodKey(lastMonthOf(monthPeriod(2026, 10)))).toBe('2026-10');
  });
});
