import { rateStatuses, type StatusInputs } from '../../../src/app/register-status';
import { buildDigestView } from '../../../src/app/board/digest-view';
import type { BoardSnapshot } from '../../../src/app/board/board-snapshot';
import type { IndicatorRecord } from '../../../src/db/repositories/indicator-repository';
import type { ValueVersion } from '../../../src/db/repositories/value-repository';
import type { TargetRecord } from '../../../src/db/repositories/target-repository';
import type { Aggregation, Polarity } from '../../../src/domain/types';
import { monthPeriod, previousPeriod, type MonthPeriod } from '../../../src/domain/periods';

const NOW = new Date('2026-10-23T09:00:00Z');
const TOLERANCE = { kind: 'PERCENT_OF_TARGET', percent: 10 } as const;

function indicator(code: string, aggregation: Aggregation, polarity: Polarity = 'HIGHER'): IndicatorRecord {
  return {
    id: code, code, title: code, definition: '', kind: 'KPI', unit: 'PERCENT', decimals: 1, polarity, frequency: 'MONTHLY',
    aggregation, lens: 'FINANCE', allowAboveHundred: false, lagMonths: 0, public: true, maxChangePercent: null, variationApplies: true, variationBaselineFrom: null, variationBaselinePoints: null, tolerance: null, directorateId: 'd', directorateName: 'Resources',
    serviceId: null, priorityId: null, ownerId: 'owner', verifierId: null, directorId: null, delegateIds: [], active: true,
  };
}

function values(id: string, byPeriod: Record<string, number>): ValueVersion[] {
  return Object.entries(byPeriod).map(([period, value]) => ({
    id: `${id}-${period}`, indicatorId: id, period, financialYear: 2026, version: 1, value, note: '', source: 'IMPORT', estimated: false, unusualConfirmed: false, enteredById: null, enteredAt: NOW,
  }));
}

const annual = (id: string, value: number): TargetRecord => ({ indicatorId: id, period: '2026/27', financialYear: 2026, value });

// Council Tax: green against its September profile, up since August, but behind last September.
const councilTax = indicator('FIN01', 'CUMULATIVE');
// Sickness absence: green and better than August.
const absence = indicator('PPL01', 'SNAPSHOT', 'LOWER');
// Calls lost: better than August but still amber.
const callsLost = indicator('CUS04', 'AVERAGE', 'LOWER');
// Business rates: green, ahead of last September.
const rates = indicator('FIN02', 'CUMULATIVE');

const inputs: StatusInputs = {
  indicators: [councilTax, absence, callsLost, rates],
  values: [
    ...values('FIN01', { '2025-09': 57.6, '2026-07': 38.2, '2026-08': 47.9, '2026-09': 56.9 }),
    ...values('PPL01', { '2026-07': 9.0, '2026-08': 8.6, '2026-09': 8.1 }),
    ...values('CUS04', { '2026-07': 5.2, '2026-08': 5.3, '2026-09': 5.2 }),
    ...values('FIN02', { '2025-09': 55.0, '2026-08': 47.0, '2026-09': 56.5 }),
  ],
  targets: [
    annual('FIN01', 98.6), { indicatorId: 'FIN01', period: '2026-09', financialYear: 2026, value: 56.2 },
    annual('FIN02', 98.6), { indicatorId: 'FIN02', period: '2026-09', financialYear: 2026, value: 56.2 },
    { indicatorId: 'FIN02', period: '2026-08', financialYear: 2026, value: 46.9 },
    annual('PPL01', 8.5), annual('CUS04', 5.0),
  ],
  windows: new Map(),
};

function digestFor(month: MonthPeriod) {
  const [current, previous] = rateStatuses(inputs, { periods: [month, previousPeriod(month)], now: NOW, defaultTolerance: TOLERANCE });
  const snapshot: BoardSnapshot = {
    month, periods: [month], current: current!, previous: new Map(previous!.map((s) => [s.indicator.id, s])),
    names: new Map([['owner', 'Sarah Whitfield']]), plans: new Map(), overdueActions: [], narrativesOwed: new Set(), today: '2026-10-23', now: NOW,
  };
  return buildDigestView(snapshot);
}

describe('the digest celebrates by the rule that fits each aggregation', () => {
  const september = digestFor(monthPeriod(2026, 9));

  it('celebrates green figures that improved, never a cumulative one behind last year, never an amber', () => {
    expect(september.improvements.map((i) => i.code)).toEqual(['PPL01', 'FIN02']);
  });

  it('describes a cumulative success against the same month last year', () => {
    expect(september.improvements.find((i) => i.code === 'FIN02')).toMatchObject({
      statusChange: 'Green, improving',
      movement: '55.0% to 56.5% (Sep 2025 to Sep 2026)',
    });
    expect(september.improvements.find((i) => i.code === 'PPL01')).toMatchObject({ statusChange: 'Amber to Green', movement: '8.6% to 8.1% (Aug 2026 to Sep 2026)' });
  });

  it('says what an amber\'s trend compared with', () => {
    expect(september.attention).toEqual([expect.objectContaining({ code: 'CUS04', trend: 'IMPROVED', comparisonText: '0.1 points better than Aug 2026' })]);
  });

  it('at a quarter end shows quarter and year-to-date figures by aggregation; not in other months', () => {
    expect(september.quarter).toEqual({
      quarterLabel: 'Q2 2026/27',
      figures: [
        { code: 'CUS04', title: 'CUS04', quarterText: '5.2% against 5.0%', yearToDateText: '5.2% against 5.0% (not every period in)' },
        { code: 'FIN01', title: 'FIN01', quarterText: '56.9% against 56.2%', yearToDateText: '56.9% against 56.2% (not every period in)' },
        { code: 'FIN02', title: 'FIN02', quarterText: '56.5% against 56.2% (not every period in)', yearToDateText: '56.5% against 56.2% (not every period in)' },
        { code: 'PPL01', title: 'PPL01', quarterText: '8.1% against 8.5%', yearToDateText: '8.1% against 8.5% (not every period in)' },
      ],
    });
    expect(digestFor(monthPeriod(2026, 8)).quarter).toBeNull();
  });
});
