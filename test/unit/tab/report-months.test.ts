import { reportMonths } from '../../../src/app/scorecard/report-months';
import { periodKey } from '../../../src/domain/periods';
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
  });
});
