import {
  cycleMonthDue, deadlinePeriodOf, isCollectedIn, isValidLag, lagNote, lagText, latestPeriodDueBy, periodDueIn, periodShownFor,
  periodsCollectedIn,
} from '../../../src/domain/reporting-lag';
import { monthPeriod, periodKey, quarterPeriod, yearPeriod } from '../../../src/domain/periods';

const key = (p: ReturnType<typeof periodDueIn>) => (p === null ? null : periodKey(p));

describe('reporting lag: which period a cycle asks for', () => {
  it('asks a monthly indicator without lag for the cycle month itself', () => {
    expect(key(periodDueIn(monthPeriod(2026, 10), 'MONTHLY', 0))).toBe('2026-10');
  });

  it('asks a monthly indicator a month late for the month before', () => {
    expect(key(periodDueIn(monthPeriod(2026, 10), 'MONTHLY', 1))).toBe('2026-09');
  });

  it('asks a monthly indicator three months late across the year end', () => {
    expect(key(periodDueIn(monthPeriod(2027, 2), 'MONTHLY', 3))).toBe('2026-11');
    expect(key(periodDueIn(monthPeriod(2026, 4), 'MONTHLY', 1))).toBe('2026-03');
  });

  it('collects quarterly recycling (a quarter late) for Q1 in September\'s cycle, which runs in October', () => {
    expect(key(periodDueIn(monthPeriod(2026, 9), 'QUARTERLY', 3))).toBe('2026/27 Q1');
    expect(key(periodDueIn(monthPeriod(2026, 6), 'QUARTERLY', 3))).toBe('2025/26 Q4');
    expect(key(periodDueIn(monthPeriod(2027, 3), 'QUARTERLY', 3))).toBe('2026/27 Q3');
  });

  it('asks a quarterly indicator for nothing in the months between', () => {
    for (const month of [7, 8, 10, 11]) expect(periodDueIn(monthPeriod(2026, month), 'QUARTERLY', 3)).toBeNull();
    expect(periodDueIn(monthPeriod(2026, 6), 'QUARTERLY', 1)).toBeNull();
    expect(key(periodDueIn(monthPeriod(2026, 7), 'QUARTERLY', 1))).toBe('2026/27 Q1');
  });

  it('keeps the unlagged quarter and year in the month they end', () => {
    expect(key(periodDueIn(monthPeriod(2026, 6), 'QUARTERLY', 0))).toBe('2026/27 Q1');
    expect(key(periodDueIn(monthPeriod(2027, 3), 'ANNUAL', 0))).toBe('2026/27');
    expect(periodDueIn(monthPeriod(2027, 2), 'ANNUAL', 0)).toBeNull();
  });

  it('asks an annual indicator three months late for the year just gone in June', () => {
    expect(key(periodDueIn(monthPeriod(2027, 6), 'ANNUAL', 3))).toBe('2026/27');
    expect(periodDueIn(monthPeriod(2027, 3), 'ANNUAL', 3)).toBeNull();
  });

  it('names the cycle month that collects a period', () => {
    expect(periodKey(cycleMonthDue(quarterPeriod(2026, 1), 3))).toBe('2026-09');
    expect(periodKey(cycleMonthDue(quarterPeriod(2026, 4), 3))).toBe('2027-06');
    expect(periodKey(cycleMonthDue(monthPeriod(2026, 12), 1))).toBe('2027-01');
    expect(periodKey(cycleMonthDue(yearPeriod(2026), 0))).toBe('2027-03');
  });
});

describe('reporting lag: the latest figure due by a month', () => {
  it('is the last quarter collected, not the current one', () => {
    expect(periodKey(latestPeriodDueBy(monthPeriod(2026, 10), 'QUARTERLY', 3))).toBe('2026/27 Q1');
    expect(periodKey(latestPeriodDueBy(monthPeriod(2026, 9), 'QUARTERLY', 3))).toBe('2026/27 Q1');
    expect(periodKey(latestPeriodDueBy(monthPeriod(2026, 8), 'QUARTERLY', 3))).toBe('2025/26 Q4');
  });

  it('reaches into last year in April', () => {
    expect(periodKey(latestPeriodDueBy(monthPeriod(2026, 4), 'QUARTERLY', 3))).toBe('2025/26 Q3');
    expect(periodKey(latestPeriodDueBy(monthPeriod(2026, 4), 'MONTHLY', 1))).toBe('2026-03');
    expect(periodKey(latestPeriodDueBy(monthPeriod(2026, 4), 'ANNUAL', 3))).toBe('2024/25');
  });

  it('without lag shows the period containing the month for monthly figures', () => {
    expect(periodKey(periodShownFor(monthPeriod(2026, 10), 'MONTHLY', 0))).toBe('2026-10');
    expect(periodKey(periodShownFor(monthPeriod(2026, 10), 'QUARTERLY', 3))).toBe('2026/27 Q1');
  });
});

describe('reporting lag: what people read', () => {
  it('says how late in words', () => {
    expect([0, 1, 2, 3, 12].map(lagText)).toEqual(['', 'a month late', '2 months late', 'a quarter late', 'a year late']);
  });

  it('notes which period a lagged figure is for', () => {
    expect(lagNote(quarterPeriod(2026, 1), 3)).toBe('figure for Q1 2026/27, reported a quarter late');
  });

  it('says nothing for a figure on time for the report\'s own period, and names another period', () => {
    expect(lagNote(monthPeriod(2026, 10), 0, monthPeriod(2026, 10))).toBe('');
    expect(lagNote(monthPeriod(2026, 10), 0)).toBe('');
    expect(lagNote(quarterPeriod(2026, 2), 0, monthPeriod(2026, 10))).toBe('figure for Q2 2026/27');
  });

  it('accepts whole months from 0 to 12', () => {
    expect([0, 3, 12].map(isValidLag)).toEqual([true, true, true]);
    expect([-1, 1.5, 13, Number.NaN].map(isValidLag)).toEqual([false, false, false, false]);
  });
});

describe('reporting lag: what a month\'s cycle collects', () => {
  const recycling = { frequency: 'QUARTERLY' as const, lagMonths: 3 };
  const planning = { frequency: 'QUARTERLY' as const, lagMonths: 0 };
  const missedBins = { frequency: 'MONTHLY' as const, lagMonths: 0 };

  it('adds the lagged quarter to September\'s month and quarter', () => {
    expect(periodsCollectedIn(monthPeriod(2026, 9), [recycling, planning, missedBins]).map(periodKey))
      .toEqual(['2026/27 Q1', '2026/27 Q2', '2026-09']);
  });

  it('collects recycling\'s Q1 in September, not in June, and planning\'s Q1 in June only', () => {
    expect(isCollectedIn(monthPeriod(2026, 9), recycling, quarterPeriod(2026, 1))).toBe(true);
    expect(isCollectedIn(monthPeriod(2026, 6), recycling, quarterPeriod(2026, 1))).toBe(false);
    expect(isCollectedIn(monthPeriod(2026, 6), planning, quarterPeriod(2026, 1))).toBe(true);
    expect(isCollectedIn(monthPeriod(2026, 9), planning, quarterPeriod(2026, 1))).toBe(false);
    expect(isCollectedIn(monthPeriod(2026, 9), missedBins, monthPeriod(2026, 9))).toBe(true);
    expect(isCollectedIn(monthPeriod(2026, 9), missedBins, quarterPeriod(2026, 2))).toBe(false);
  });

  it('follows the collecting month\'s window for the deadline of a lagged figure', () => {
    expect(periodKey(deadlinePeriodOf(quarterPeriod(2026, 1), 3))).toBe('2026-09');
    expect(periodKey(deadlinePeriodOf(quarterPeriod(2026, 1), 0))).toBe('2026/27 Q1');
  });
});
