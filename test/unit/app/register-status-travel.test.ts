import { rateStatuses, type StatusInputs } from '../../../src/app/register-status';
import type { IndicatorRecord } from '../../../src/db/repositories/indicator-repository';
import type { ValueVersion } from '../../../src/db/repositories/value-repository';
import type { Aggregation } from '../../../src/domain/types';
import { monthPeriod } from '../../../src/domain/periods';

const NOW = new Date('2026-11-23T10:00:00Z');

function indicator(aggregation: Aggregation, overrides: Partial<IndicatorRecord> = {}): IndicatorRecord {
  return {
    id: `ind-${aggregation}`, code: aggregation, title: aggregation, definition: '', kind: 'KPI', unit: 'PERCENT', decimals: 1,
    polarity: 'HIGHER', frequency: 'MONTHLY', aggregation, lens: 'FINANCE', allowAboveHundred: false, lagMonths: 0, public: true, maxChangePercent: null, variationApplies: true, variationBaselineFrom: null, variationBaselinePoints: null, tolerance: null,
    directorateId: 'd', directorateName: 'Resources', serviceId: null, priorityId: null, ownerId: 'p', verifierId: null,
    directorId: null, delegateIds: [], active: true, ...overrides,
  };
}

function values(id: string, byPeriod: Record<string, number>): ValueVersion[] {
  return Object.entries(byPeriod).map(([period, value]) => ({
    id: `${id}-${period}`, indicatorId: id, period, financialYear: Number(period.slice(0, 4)) - (Number(period.slice(5)) < 4 ? 1 : 0),
    version: 1, value, note: '', source: 'IMPORT', estimated: false, unusualConfirmed: false, enteredById: null, enteredAt: NOW,
  }));
}

function rate(inputs: StatusInputs, month: number) {
  return rateStatuses(inputs, { periods: [monthPeriod(2026, month)], now: NOW, defaultTolerance: { kind: 'PERCENT_OF_TARGET', percent: 1 } })[0]![0]!;
}

describe('register status: travel and figures to date by aggregation', () => {
  const councilTax = indicator('CUMULATIVE');
  const collected = values(councilTax.id, {
    '2025-08': 48.5, '2025-09': 57.6, '2026-04': 10.7, '2026-05': 20.1, '2026-06': 29.0, '2026-07': 38.2, '2026-08': 47.9, '2026-09': 56.9,
  });
  const profiled = [
    { indicatorId: councilTax.id, period: '2026/27', financialYear: 2026, value: 98.6 },
    { indicatorId: councilTax.id, period: '2026-09', financialYear: 2026, value: 56.2 },
  ];
  const inputs: StatusInputs = { indicators: [councilTax], values: collected, targets: profiled, windows: new Map() };

  it('a cumulative figure above its profile but behind last September is green and worsened, not improved since August', () => {
    const september = rate(inputs, 9);
    expect(september.status).toBe('GREEN');
    expect(september.travel.short).toBe('WORSENED');
    expect(september.travel.comparisonText).toBe('0.7 points behind September last year; ahead of the profiled target of 56.2%');
    expect(september.yearToDate).toEqual({ figure: { value: 56.9, periodsCounted: 6, complete: true }, target: 56.2 });
    expect(september.quarterToDate).toEqual({ quarter: '2026/27 Q2', figure: { value: 56.9, periodsCounted: 3, complete: true }, target: 56.2 });
  });

  it('without a profile for the month the annual target is not compared with', () => {
    expect(rate(inputs, 8).travel.comparisonText).toBe('0.6 points behind August last year');
  });

  it('a SUM indicator\'s year to date and quarter add up, against the targets shared out by month', () => {
    const flyTips = indicator('SUM', { unit: 'NUMBER', decimals: 0, polarity: 'LOWER' });
    const sumInputs: StatusInputs = {
      indicators: [flyTips],
      values: values(flyTips.id, { '2026-04': 30, '2026-05': 25, '2026-06': 20, '2026-07': 22, '2026-08': 18, '2026-09': 21 }),
      targets: [{ indicatorId: flyTips.id, period: '2026/27', financialYear: 2026, value: 300 }],
      windows: new Map(),
    };
    const september = rate(sumInputs, 9);
    expect(september.travel.comparisonText).toBe('3 worse than Aug 2026');
    expect(september.yearToDate).toEqual({ figure: { value: 136, periodsCounted: 6, complete: true }, target: 150 });
    expect(september.quarterToDate).toEqual({ quarter: '2026/27 Q2', figure: { value: 61, periodsCounted: 3, complete: true }, target: 75 });
  });
});
