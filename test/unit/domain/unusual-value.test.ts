import { unusualValue, type UnusualValueInput } from '../../../src/domain/unusual-value';
import { monthPeriod, quarterPeriod, shiftPeriod } from '../../../src/domain/periods';

/** 24 months to September 2026 of a percentage hovering 57 to 61 (moving range 2, mean 59). */
const steadyHistory = Array.from({ length: 24 }, (_, i) => ({ period: shiftPeriod(monthPeriod(2026, 9), i - 23), value: i % 2 === 0 ? 58 : 60 }));

const indicator = {
  code: 'HB02', title: 'Claims decided within 20 days', unit: 'PERCENT', decimals: 1, aggregation: 'SNAPSHOT', maxChangePercent: null,
} as const satisfies UnusualValueInput['indicator'];

const october = monthPeriod(2026, 10);
const check = (value: number, overrides: Partial<UnusualValueInput> = {}) =>
  unusualValue({ indicator, period: october, value, history: steadyHistory, ...overrides });

describe('an unusual figure, asked about before it is stored', () => {
  it('lets a figure within the process limits through with no question, the limits read at its decimal places', () => {
    // mean 59, MR-bar 2: limits 53.68 to 64.32, shown as 53.7% to 64.3%.
    expect(check(64.3).reasons).toEqual([]);
    expect(check(53.7).reasons).toEqual([]);
    expect(check(64.4).reasons).toHaveLength(1);
    expect(check(53.6).reasons).toHaveLength(1);
  });

  it('asks about 95 typed for 59: above what it usually reports, with the range and what to do', () => {
    const result = check(95);
    expect(result.reasons).toEqual([expect.objectContaining({ kind: 'BEYOND_PROCESS_LIMITS', side: 'ABOVE' })]);
    expect(result.messages).toEqual([
      'HB02 Claims decided within 20 days: 95.0% is above what it usually reports (53.7% to 64.3%, from its last 24 figures): check it, then confirm it or correct it.',
    ]);
  });

  it('asks about a figure below the lower limit', () => {
    expect(check(50).reasons).toEqual([expect.objectContaining({ kind: 'BEYOND_PROCESS_LIMITS', side: 'BELOW' })]);
  });

  it('shows a count\'s lower limit as 0 when its limits reach below zero, as nobody reports less than nothing', () => {
    // Complaints escalated: 0, 4, 0, 4, ... mean 2, MR-bar 4: limits -8.64 to 12.64.
    const counts = steadyHistory.map((p, i) => ({ period: p.period, value: i % 2 === 0 ? 0 : 4 }));
    const count = { ...indicator, code: 'CUS09', title: 'Complaints escalated', unit: 'NUMBER', decimals: 0 } as const;
    expect(unusualValue({ indicator: count, period: october, value: 13, history: counts }).reasons).toEqual([]); // 12.64 shows as 13
    expect(unusualValue({ indicator: count, period: october, value: 14, history: counts }).messages).toEqual([
      'CUS09 Complaints escalated: 14 is above what it usually reports (0 to 13, from its last 24 figures): check it, then confirm it or correct it.',
    ]);
  });

  it('asks nothing from the limits with fewer than 15 earlier figures', () => {
    expect(check(95, { history: steadyHistory.slice(-14) }).reasons).toEqual([]);
  });

  it('judges only earlier periods of the same kind: a later month or a quarter in the history counts for nothing', () => {
    const noise = [{ period: monthPeriod(2026, 11), value: 95 }, { period: quarterPeriod(2026, 2), value: 95 }];
    const withNoise = check(95, { history: [...steadyHistory, ...noise] });
    expect(withNoise.reasons).toEqual(check(95).reasons);
  });

  it('asks about a jump larger than the register allows from the period before, and not a smaller one', () => {
    const capped = { ...indicator, maxChangePercent: 10 };
    // September was 60: 63 is 5% away (no question from the jump), 67 is 11.7% away.
    expect(check(63, { indicator: capped }).reasons).toEqual([]);
    const jump = check(67, { indicator: capped, history: steadyHistory.slice(-14) });
    expect(jump.reasons).toEqual([{ kind: 'IMPLAUSIBLE_JUMP', previous: 60, changePercent: expect.closeTo(11.667, 2), maxChangePercent: 10 }]);
    expect(jump.messages[0]).toBe('HB02 Claims decided within 20 days: 67.0% is 12% away from the period before (60.0%), more than the 10% the register expects at most: check it, then confirm it or correct it.');
  });

  it('asks nothing about a jump without a figure for the period before, or from zero', () => {
    const capped = { ...indicator, maxChangePercent: 10 };
    expect(check(67, { indicator: capped, history: [] }).reasons).toEqual([]);
    expect(check(67, { indicator: capped, history: [{ period: monthPeriod(2026, 9), value: 0 }] }).reasons).toEqual([]);
  });

  it('asks about more days than a year has, more minutes than a day, and a percentage allowed above 100 beyond 1,000', () => {
    const days = unusualValue({ indicator: { ...indicator, unit: 'DAYS', title: 'Days to process new claims' }, period: october, value: 400, history: [] });
    expect(days.reasons).toEqual([{ kind: 'ABOVE_PLAUSIBLE_CEILING', ceiling: 366 }]);
    expect(days.messages[0]).toBe('HB02 Days to process new claims: 400.0 days is more than 366.0 days, which is rarely possible for this unit: check it, then confirm it or correct it.');
    expect(unusualValue({ indicator: { ...indicator, unit: 'MINUTES' }, period: october, value: 1_441, history: [] }).reasons).toHaveLength(1);
    expect(unusualValue({ indicator: { ...indicator, unit: 'MINUTES' }, period: october, value: 1_440, history: [] }).reasons).toEqual([]);
    expect(unusualValue({ indicator, period: october, value: 1_200, history: [] }).reasons).toEqual([{ kind: 'ABOVE_PLAUSIBLE_CEILING', ceiling: 1_000 }]);
    expect(unusualValue({ indicator: { ...indicator, unit: 'CURRENCY' }, period: october, value: 9e9, history: [] }).reasons).toEqual([]);
  });

  it('gives every reason that applies, each with its own message', () => {
    const result = unusualValue({ indicator: { ...indicator, unit: 'DAYS', maxChangePercent: 50 }, period: october, value: 400, history: steadyHistory });
    expect(result.reasons.map((r) => r.kind)).toEqual(['BEYOND_PROCESS_LIMITS', 'IMPLAUSIBLE_JUMP', 'ABOVE_PLAUSIBLE_CEILING']);
    expect(result.messages).toHaveLength(3);
  });
});

describe('an unusual cumulative figure is judged by what it added', () => {
  // Council Tax collected so far this year (%): about 9.5 added a month, every year from April.
  const cumulative = { ...indicator, code: 'FIN01', title: 'Council Tax collected', aggregation: 'CUMULATIVE', maxChangePercent: 50 } as const;
  const history = Array.from({ length: 30 }, (_, i) => {
    const period = shiftPeriod(monthPeriod(2026, 9), i - 29);
    const monthInYear = ((period.month + 8) % 12) + 1; // April 1 .. March 12
    return { period, value: monthInYear * 9.5 + (i % 2) * 0.4 };
  });

  it('lets the usual climb through, although the running total is far above any month\'s addition', () => {
    // September 2026 held 6 x 9.5 (+0.4 on odd i); October adds 9.5 or so.
    const september = history[history.length - 1]!.value;
    expect(unusualValue({ indicator: cumulative, period: october, value: september + 9.5, history }).reasons).toEqual([]);
  });

  it('asks when the month added far more than usual, in words about what it added', () => {
    const september = history[history.length - 1]!.value;
    const result = unusualValue({ indicator: cumulative, period: october, value: september + 30, history });
    expect(result.reasons.map((r) => r.kind)).toEqual(['BEYOND_PROCESS_LIMITS', 'IMPLAUSIBLE_JUMP']);
    expect(result.messages[0]).toMatch(/^FIN01 Council Tax collected: \d+\.\d% adds an amount that is above what it usually reports \(.* added a period, from its last 24 figures\)/);
  });

  it('takes April\'s figure as what April added, never as a fall from March', () => {
    const april = monthPeriod(2027, 4);
    const upToMarch = [...history, ...[10, 11, 12, 1, 2, 3].map((m, k) => ({ period: monthPeriod(m >= 4 ? 2026 : 2027, m), value: (7 + k) * 9.5 }))];
    expect(unusualValue({ indicator: cumulative, period: april, value: 9.7, history: upToMarch }).reasons).toEqual([]);
  });
});
