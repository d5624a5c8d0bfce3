/**
 * The Scorecard tab on a register imported with its history, before the cycle has ever run (so
 * there are no reporting windows), on each database, with the clock fixed at 5 December 2026: it
 * opens on October (November's figures are still due until the end of December), and its picker
 * offers every month and quarter with figures.
 */
import { AdminPolicy } from '../../src/app/admin-policy';
import { importRegister } from '../../src/app/import-register';
import { PeopleService } from '../../src/app/people-service';
import { Refusals } from '../../src/app/refusals';
import { TenantPolicy } from '../../src/app/tenant-policy';
import { IndicatorPageService } from '../../src/app/scorecard/indicator-page-service';
import { ScorecardService } from '../../src/app/scorecard/scorecard-service';
import { TabViewers, type Viewer } from '../../src/app/scorecard/tab-viewer';
import { parsePeriod, type MonthPeriod, type QuarterPeriod } from '../../src/domain/periods';
import type { Tolerance } from '../../src/domain/types';
import { indicatorCells, registerFile } from '../support/register-fixtures';
import { describeEachDatabase } from '../support/test-database';

const NOW = new Date('2026-12-05T09:00:00Z');
const clock = { now: () => NOW };
const settings: { defaultTolerance: Tolerance } = { defaultTolerance: { kind: 'PERCENT_OF_TARGET', percent: 10 } };
const ADMIN = { email: 'robert.hughes@fenmarsh.gov.uk', aad: 'c3d2e5f4-3d6a-4e8c-9f4b-2a3c4d5e6f04' };

/** April 2025 to November 2026. */
const MONTHS = Array.from({ length: 20 }, (_, i) => {
  const ordinal = 2025 * 12 + 3 + i;
  return `${Math.floor(ordinal / 12)}-${String((ordinal % 12) + 1).padStart(2, '0')}`;
});
const QUARTERS = ['2025/26 Q1', '2025/26 Q2', '2025/26 Q3', '2025/26 Q4', '2026/27 Q1', '2026/27 Q2'];

function register() {
  return registerFile({
    Indicators: [
      indicatorCells(),
      indicatorCells({ code: 'SRV03', title: 'Major planning applications decided in time', unit: 'percent', polarity: 'higher', frequency: 'quarterly', target: '60' }),
      indicatorCells({ code: 'PPL02', title: 'Staff turnover', unit: 'percent', polarity: 'lower', frequency: 'annual', aggregation: 'snapshot', target: '12' }),
    ],
    Values: [
      ...MONTHS.map((period, i) => ({ code: 'SRV01', period, value: String(18 + (i % 5)), note: '' })),
      ...QUARTERS.map((period, i) => ({ code: 'SRV03', period, value: String(70 + i), note: '' })),
      { code: 'PPL02', period: '2025/26', value: '11.5', note: '' },
    ],
    People: [{ email: ADMIN.email, aad_object_id: ADMIN.aad, name: 'Robert Hughes', roles: 'admin' }],
  });
}

describeEachDatabase('the Scorecard tab on an imported register with history and no windows', (db) => {
  async function setUp(): Promise<{ scorecard: ScorecardService; admin: Viewer }> {
    const { store } = db();
    const imported = await importRegister(store, register(), { dryRun: false, actorLabel: 'import history.xlsx', currentFinancialYear: 2026 });
    expect(imported).toMatchObject({ ok: true, counts: { valuesCreated: 27 } });
    expect(await store.repos.periods.list()).toEqual([]);
    const viewers = new TabViewers(store, new PeopleService(store), new AdminPolicy(store, []), new TenantPolicy(null), new Refusals(store), 'register');
    const admin = (await viewers.identify({ aadObjectId: ADMIN.aad, username: null, name: null, tenantId: 'any-tenant' }))!;
    return { scorecard: new ScorecardService(store, clock, settings), admin };
  }

  it('opens on the latest reported month, October, with every month and quarter with figures in the picker', async () => {
    const { scorecard, admin } = await setUp();
    const view = await scorecard.scorecard(admin, null);

    expect(view).toMatchObject({ month: '2026-10', monthLabel: 'October 2026' });
    expect(view.months.slice(0, 3)).toEqual([
      { value: '2026-11', label: 'November 2026' },
      { value: '2026-10', label: 'October 2026' },
      { value: '2026-09', label: 'September 2026' },
    ]);
    expect(view.months.map((m) => m.value)).toEqual([...MONTHS].reverse());
    expect(view.quarters).toEqual([
      { value: '2026/27 Q3', label: 'Q3 2026/27 (Oct–Dec 2026)' },
      { value: '2026/27 Q2', label: 'Q2 2026/27 (Jul–Sep 2026)' },
      { value: '2026/27 Q1', label: 'Q1 2026/27 (Apr–Jun 2026)' },
      { value: '2025/26 Q4', label: 'Q4 2025/26 (Jan–Mar 2026)' },
      { value: '2025/26 Q3', label: 'Q3 2025/26 (Oct–Dec 2025)' },
      { value: '2025/26 Q2', label: 'Q2 2025/26 (Jul–Sep 2025)' },
      { value: '2025/26 Q1', label: 'Q1 2025/26 (Apr–Jun 2025)' },
    ]);
    const row = (code: string) => view.indicators.find((r) => r.code === code)!;
    expect(row('SRV01')).toMatchObject({ period: '2026-10', valueText: expect.stringMatching(/days$/) });
    expect(row('SRV03')).toMatchObject({ period: '2026/27 Q2', value: 75 });
    expect(row('PPL02')).toMatchObject({ period: '2025/26', value: 11.5 });

    // The indicator page, opened with no period, agrees.
    const page = await new IndicatorPageService(db().store, clock, settings).page(admin, 'SRV01', null);
    expect(page?.period).toBe('2026-10');
  });

  it('shows a quarter as at its last month, and still offers a month asked for by URL that has no figures', async () => {
    const { scorecard, admin } = await setUp();
    const q2 = parsePeriod('2026/27 Q2');
    if (!q2.ok) throw new Error(q2.error);
    const view = await scorecard.scorecard(admin, q2.value as QuarterPeriod);
    expect(view).toMatchObject({ month: '2026/27 Q2', monthLabel: 'Q2 2026/27 (Jul–Sep 2026)' });
    expect(view.asAtNote).toMatch(/as at its last month, September 2026/);
    const row = (code: string) => view.indicators.find((r) => r.code === code)!;
    expect(row('SRV01').period).toBe('2026-09');
    expect(row('SRV03')).toMatchObject({ period: '2026/27 Q2', value: 75 });

    const old = parsePeriod('2024-06');
    if (!old.ok) throw new Error(old.error);
    const empty = await scorecard.scorecard(admin, old.value as MonthPeriod);
    expect(empty.month).toBe('2024-06');
    expect(empty.months.at(-1)).toEqual({ value: '2024-06', label: 'June 2024' });
    expect(empty.quarters).toHaveLength(7);
  });
});
