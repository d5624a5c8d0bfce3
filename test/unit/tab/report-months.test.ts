import { asAtMonth, reportMonths } from '../../../src/app/scorecard/report-months';
import { parsePeriod, periodKey, type QuarterPeriod } from '../../../src/domain/periods';
import type { ReportingPeriodRecord } from '../../../src/db/repositories/period-repository';

const window = (period: string, opened: string | null, closed: string | null): ReportingPeriodRecord => ({
  period,
  openedAt: opened ? new Date(opened) : null,
  deadline: null,
  closedAt: closed ? new Date(closed) : null,
});

describe('the months the scorecard offers', () => {
  const now = new Date('2026-11-23T10:00:00Z');

  it('opens on the latest month whose window has closed, and offers the open month too, newest first', () => {
    const { months, defaultMonth } = reportMonths(
      [
        window('2026-08', '2026-09-03', '2026-09-28'),
        window('2026-09', '2026-10-03', '2026-10-28'),
        window('2026-10', '2026-11-03', null),
        window('2026/27 Q2', '2026-10-03', '2026-10-28'), // quarters are not months
        window('2026-11', '2026-12-03', null), // not opened yet
      ],
      now,
    );
    expect(months.map(periodKey)).toEqual(['2026-10', '2026-09', '2026-08']);
    expect(periodKey(defaultMonth)).toBe('2026-09');
  });

  it('falls back to the open month, and with no windows at all to last month', () => {
    expect(periodKey(reportMonths([window('2026-10', '2026-11-03', null)], now).defaultMonth)).toBe('2026-10');
    const none = reportMonths([], now);
    expect(periodKey(none.defaultMonth)).toBe('2026-10');
    expect(none.months.map(periodKey)).toEqual(['2026-10']);
    expect(none.quarters).toEqual([]);
  });
});

describe('the months and quarters of an imported register (figures, no windows)', () => {
  // Monthly figures April 2025 to November 2026, quarterly ones to Q2 2026/27, an annual one for 2025/26.
  const months = Array.from({ length: 20 }, (_, i) => {
    const ordinal = 2025 * 12 + 3 + i;
    return `${Math.floor(ordinal / 12)}-${String((ordinal % 12) + 1).padStart(2, '0')}`;
  });
  const values = [...months, '2025/26 Q1', '2025/26 Q2', '2025/26 Q3', '2025/26 Q4', '2026/27 Q1', '2026/27 Q2', '2025/26'];

  it('opens on the latest month whose implied deadline (the end of the month after) has passed', () => {
    // 5 December: November's figures are still coming in; October's deadline, 30 November, has passed.
    expect(periodKey(reportMonths([], new Date('2026-12-05T09:00:00Z'), values).defaultMonth)).toBe('2026-10');
    // The deadline is midnight at the end of the month after: 30 November 23:59 is still October's window.
    expect(periodKey(reportMonths([], new Date('2026-11-30T23:59:00Z'), values).defaultMonth)).toBe('2026-09');
    expect(periodKey(reportMonths([], new Date('2026-12-01T00:00:00Z'), values).defaultMonth)).toBe('2026-10');
  });

  it('offers every month and every quarter with figures, newest first', () => {
    const offered = reportMonths([], new Date('2026-12-05T09:00:00Z'), values);
    expect(offered.months.map(periodKey)).toEqual([...months].reverse());
    expect(offered.quarters.map(periodKey)).toEqual([
      '2026/27 Q3', '2026/27 Q2', '2026/27 Q1', '2025/26 Q4', '2025/26 Q3', '2025/26 Q2', '2025/26 Q1',
    ]);
  });

  it('counts a quarterly or annual figure for the month it ends in, and for its quarter', () => {
    const offered = reportMonths([], new Date('2026-12-05T09:00:00Z'), ['2025/26 Q3', '2024/25']);
    expect(offered.months.map(periodKey)).toEqual(['2025-12', '2025-03']);
    expect(offered.quarters.map(periodKey)).toEqual(['2025/26 Q3', '2024/25 Q4']);
    expect(periodKey(offered.defaultMonth)).toBe('2025-12');
  });

  it('lets a recorded window decide where there is one', () => {
    const offered = reportMonths([window('2026-11', '2026-12-03', null), window('2026-10', '2026-11-03', '2026-12-10')], new Date('2026-12-05T09:00:00Z'), values);
    // October's window is still open on 5 December, though its implied deadline has passed.
    expect(periodKey(offered.defaultMonth)).toBe('2026-09');
  });

  it('shows a quarter as at its last month', () => {
    const q = (text: string) => {
      const parsed = parsePeriod(text);
      if (!parsed.ok) throw new Error(parsed.error);
      return parsed.value as QuarterPeriod;
    };
    expect(periodKey(asAtMonth(q('2026/27 Q2')))).toBe('2026-09');
    expect(periodKey(asAtMonth(q('2025/26 Q4')))).toBe('2026-03');
  });
});
