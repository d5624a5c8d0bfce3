/**
 * The Scorecard tab's use cases on the demo register, on each database: the month's scorecard
 * against an independent count, the trend against the register's read model period by period, the
 * indicator page's history and who may see names in it, "my indicators", and signing people in.
 */
import { AdminPolicy } from '../../src/app/admin-policy';
import { loadDemoData } from '../../src/demo/load-demo-data';
import { DEMO_ADMINS, DEMO_PEOPLE } from '../../src/demo/demo-people';
import { DEMO_EVENTS } from '../../src/demo/demo-indicators';
import { registerStatus } from '../../src/app/register-status';
import { ScorecardService } from '../../src/app/scorecard/scorecard-service';
import { IndicatorPageService, PeriodNotOfIndicatorError, TREND_LENGTH } from '../../src/app/scorecard/indicator-page-service';
import { MyPageService } from '../../src/app/scorecard/my-page-service';
import { indicatorTrend } from '../../src/app/scorecard/indicator-trend';
import { TabViewers, type Viewer } from '../../src/app/scorecard/tab-viewer';
import { MyWorkService } from '../../src/app/my-work-service';
import { PeopleService } from '../../src/app/people-service';
import { endDate, parsePeriod, periodContaining, periodKey, previousPeriod, trailingPeriods, type MonthPeriod, type Period } from '../../src/domain/periods';
import { FREQUENCIES, LENSES, type Tolerance } from '../../src/domain/types';
import { latestPeriodDueBy } from '../../src/domain/reporting-lag';
import { BACKENDS, openTestDatabase, type TestDatabase } from '../support/test-database';
import { TenantPolicy } from '../../src/app/tenant-policy';
import { Refusals } from '../../src/app/refusals';

const TENANT = '9d8c7b6a-5f4e-4d3c-8b2a-1e0f9d8c7b6a';

const TODAY = new Date('2026-11-23T10:00:00Z');
const clock = { now: () => TODAY };
const settings: { defaultTolerance: Tolerance } = { defaultTolerance: { kind: 'PERCENT_OF_TARGET', percent: 10 } };
const period = (text: string): Period => {
  const parsed = parsePeriod(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};

describe.each(BACKENDS)('the Scorecard tab\'s use cases [%s]', (backend) => {
  let db: TestDatabase;
  let viewers: TabViewers;
  let admin: Viewer;
  let gareth: Viewer;
  let olivia: Viewer;

  beforeAll(async () => {
    db = await openTestDatabase(backend);
    await loadDemoData(db.store, TODAY);
    viewers = new TabViewers(db.store, new PeopleService(db.store), new AdminPolicy(db.store, []), new TenantPolicy(TENANT), new Refusals(db.store), 'register');
    admin = (await viewers.identify({ aadObjectId: DEMO_ADMINS[0]!.aadObjectId, username: null, name: null, tenantId: TENANT }))!;
    gareth = (await viewers.identify({ aadObjectId: DEMO_PEOPLE.benefitsManager.aadObjectId, username: null, name: null, tenantId: TENANT }))!;
    olivia = (await viewers.identify({ aadObjectId: DEMO_PEOPLE.financeManager.aadObjectId, username: null, name: null, tenantId: TENANT }))!;
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });

  describe('the balanced scorecard', () => {
    it('opens on the latest closed month and counts each lens\'s statuses as the register rates them', async () => {
      const view = await new ScorecardService(db.store, clock, settings).scorecard(admin, null);
      expect(view.month).toBe('2026-09'); // October is still open for entry on 23 November
      expect(view.months[0]).toEqual({ value: '2026-10', label: 'October 2026' });
      expect(view.indicators).toHaveLength(22);
      // Recycling arrives a quarter late: September shows its Q1, and says so.
      expect(view.indicators.find((r) => r.code === 'ENV01')).toMatchObject({ period: '2026/27 Q1', periodLabel: 'Q1 2026/27 (reported a quarter late)' });

      // Independently: each indicator at the latest period of its frequency ended by 30 September, or,
      // for a figure reported late by design (recycling, a quarter late), the latest collected by then.
      const month = period('2026-09') as MonthPeriod;
      const expected = new Map<string, number>();
      for (const frequency of FREQUENCIES) {
        let at = periodContaining(month, frequency);
        while (endDate(at) > endDate(month)) at = previousPeriod(at);
        for (const s of await registerStatus(db.store, { period: at, now: TODAY, ...settings })) {
          if (s.indicator.lagMonths > 0) continue;
          expected.set(`${s.indicator.lens} ${s.status}`, (expected.get(`${s.indicator.lens} ${s.status}`) ?? 0) + 1);
        }
      }
      for (const indicator of (await db.store.repos.indicators.active()).filter((i) => i.lagMonths > 0)) {
        const at = latestPeriodDueBy(month, indicator.frequency, indicator.lagMonths);
        const [s] = await registerStatus(db.store, { period: at, now: TODAY, ...settings, indicatorIds: [indicator.id] });
        expected.set(`${s!.indicator.lens} ${s!.status}`, (expected.get(`${s!.indicator.lens} ${s!.status}`) ?? 0) + 1);
      }
      const shown = new Map(view.lenses.flatMap((lens) => lens.counts.filter((c) => c.count > 0).map((c) => [`${lens.lens} ${c.status}`, c.count] as const)));
      expect(shown).toEqual(expected);
      expect(view.lenses.map((l) => [l.lens, l.total])).toEqual([['PEOPLE', 2], ['FINANCE', 3], ['CUSTOMERS', 4], ['ENVIRONMENT', 6], ['SERVICES', 7]]);
      expect(view.lenses.map((l) => l.lens)).toEqual([...LENSES]);
    });

    it('shows each frequency at its period as at the month, formatted for people, with the filter choices', async () => {
      const view = await new ScorecardService(db.store, clock, settings).scorecard(admin, period('2026-06') as MonthPeriod);
      const row = (code: string) => view.indicators.find((r) => r.code === code)!;
      expect(row('SRV01')).toMatchObject({ period: '2026-06', periodLabel: 'Jun 2026', ownerName: 'Gareth Lewis', directorate: 'Resources' });
      expect(row('SRV01').valueText).toMatch(/^\d+\.\d days$/);
      expect(row('SRV03')).toMatchObject({ period: '2026/27 Q1', periodLabel: 'Q1 2026/27' });
      expect(row('PPL02')).toMatchObject({ period: '2025/26' });
      expect(row(DEMO_EVENTS.missing.code)).toMatchObject({ status: 'MISSING', statusLabel: 'Missing', valueText: null });
      expect(row('SRV06')).toMatchObject({ status: 'DATA_ONLY', targetText: null });
      expect(view.filters.statuses.map((s) => s.label)).toEqual(['Red', 'Amber', 'Green', 'Data only', 'Missing', 'Due']);
      expect(view.filters.directorates.map((d) => d.label)).toEqual(['Customers and Communities', 'Place and Environment', 'Resources']);
      expect(view.filters.owners.map((o) => o.label)).toContain('Gareth Lewis');
      expect(view.monthLabel).toBe('June 2026');
    });
  });

  describe('an indicator\'s page', () => {
    const pages = () => new IndicatorPageService(db.store, clock, settings);

    it('rates every one of the last 24 periods exactly as the register does', async () => {
      const indicators = await db.store.repos.indicators.active();
      const windows = await db.store.repos.periods.list();
      const values = await db.store.repos.values.currentFor(indicators.map((i) => i.id));
      const targets = await db.store.repos.targets.forIndicators(indicators.map((i) => i.id));
      const ends: Record<string, Period> = { MONTHLY: period('2026-09'), QUARTERLY: period('2026/27 Q2'), ANNUAL: period('2025/26') };
      let compared = 0;
      for (const frequency of FREQUENCIES) {
        const periods = trailingPeriods(ends[frequency]!, TREND_LENGTH);
        const byPeriod = new Map<string, Map<string, { figure: number | null; target: number | null; status: string }>>();
        for (const p of periods) {
          const statuses = await registerStatus(db.store, { period: p, now: TODAY, ...settings });
          byPeriod.set(periodKey(p), new Map(statuses.map((s) => [s.indicator.id, { figure: s.figure, target: s.target, status: s.status }])));
        }
        for (const indicator of indicators.filter((i) => i.frequency === frequency)) {
          const trend = indicatorTrend({ indicator, values, targets, windows, now: TODAY, ...settings }, periods);
          for (const point of trend) {
            expect({ code: indicator.code, period: periodKey(point.period), figure: point.figure, target: point.target, status: point.status }).toEqual({
              code: indicator.code, period: periodKey(point.period), ...byPeriod.get(periodKey(point.period))!.get(indicator.id),
            });
            compared++;
          }
        }
      }
      expect(compared).toBe(22 * TREND_LENGTH);
    });

    it('shows the definition, people, the figure against target, the trend and every version of a corrected value', async () => {
      const page = (await pages().page(admin, 'FIN03', period('2026-08')))!;
      expect(page).toMatchObject({
        code: 'FIN03', period: '2026-08', periodLabel: 'August 2026', lensLabel: 'Finance', polarityLabel: 'Higher is better',
        people: { owner: 'Olivia Bennett', delegates: [], verifier: null, director: 'Marcus Webb' },
        current: { targetText: '90.0%', toleranceText: 'Within 5% of the target' },
        commentary: [], actionPlan: null,
      });
      expect(page.trend).toHaveLength(24);
      expect(page.trend.at(-1)).toMatchObject({ period: '2026-08', label: 'Aug 2026' });
      expect(page.trend[0]).toMatchObject({ period: '2024-09' });
      expect(page.history.namesShown).toBe(true);
      expect(page.history.versions).toEqual([
        expect.objectContaining({ version: 1, valueText: '79.2%', changeText: null, enteredBy: 'demo data', sourceText: 'Demo data' }),
        expect.objectContaining({ version: 2, changeText: 'Corrected from 79.2%', enteredBy: 'demo data', note: DEMO_EVENTS.correction.note }),
      ]);
      expect(page.history.versions[0]!.enteredAtText).toMatch(/^\d{1,2} [A-Z][a-z]{2,3} 2026, \d{2}:\d{2}$/);
    });

    it('compares Council Tax collected (cumulative) with the same month last year, and shows the quarter and year to date', async () => {
      const page = (await pages().page(admin, 'FIN01', period('2026-09')))!;
      expect(page.current).toMatchObject({ status: 'GREEN', travel: 'WORSENED', travelText: '▼ worsened' });
      expect(page.current.comparisonText).toMatch(/behind September last year; ahead of the profiled target of 56\.2%$/);
      // A cumulative figure already is the year (and quarter) to date.
      expect(page.current.yearToDateText).toBe(`${page.current.valueText} against 56.2%`);
      expect(page.current.quarterToDate).toEqual({ label: 'Q2 2026/27', text: `${page.current.valueText} against 56.2%` });

      // An average's year to date is the mean of the months so far, against the annual target.
      const srv01 = (await pages().page(admin, 'SRV01', period('2026-09')))!;
      const months = srv01.trend.slice(-6).map((p) => p.value!);
      const mean = months.reduce((a, b) => a + b, 0) / months.length;
      expect(srv01.current.yearToDateText).toBe(`${mean.toFixed(1)} days against 20.0 days`);
      expect(srv01.current.comparisonText).toMatch(/^\d+\.\d days (better|worse) than Aug 2026$|^the same as Aug 2026$/);
      // A quarterly indicator has no quarter-so-far of its own.
      expect((await pages().page(admin, 'SRV03', period('2026/27 Q2')))!.current.quarterToDate).toBeNull();
    });

    it('opens at the default month\'s period, refuses a period of another frequency and knows no unknown code', async () => {
      expect((await pages().page(admin, 'SRV03', null))!.period).toBe('2026/27 Q2');
      await expect(pages().page(admin, 'SRV03', period('2026-09'))).rejects.toBeInstanceOf(PeriodNotOfIndicatorError);
      expect(await pages().page(admin, 'NOPE', null)).toBeNull();
    });

    it('shows who entered each version to the owner, the director and admins, and to nobody else', async () => {
      const fin03 = (await db.store.repos.indicators.findByCode('FIN03'))!;
      const director = (await viewers.identify({ aadObjectId: DEMO_PEOPLE.resourcesDirector.aadObjectId, username: null, name: null, tenantId: TENANT }))!;
      for (const viewer of [admin, olivia, director]) expect((await pages().page(viewer, 'FIN03', period('2026-08')))!.history.namesShown).toBe(true);
      const hidden = (await pages().page(gareth, 'FIN03', period('2026-08')))!;
      expect(hidden.history.namesShown).toBe(false);
      expect(hidden.history.versions.map((v) => v.enteredBy)).toEqual([null, null]);
      expect(hidden.history.versions).toHaveLength(2); // the versions themselves are not hidden
      expect(fin03.ownerId).toBe(olivia.personId);

      // An admin by configuration (ADMIN_AAD_OBJECT_IDS) sees names too.
      const configuredAdmins = new TabViewers(db.store, new PeopleService(db.store), new AdminPolicy(db.store, [DEMO_PEOPLE.benefitsManager.aadObjectId]), new TenantPolicy(TENANT), new Refusals(db.store), 'register');
      const garethAsAdmin = (await configuredAdmins.identify({ aadObjectId: DEMO_PEOPLE.benefitsManager.aadObjectId, username: null, name: null, tenantId: TENANT }))!;
      expect(garethAsAdmin.isAdmin).toBe(true);
      expect((await pages().page(garethAsAdmin, 'FIN03', period('2026-08')))!.history.namesShown).toBe(true);
    });

    it('shows the owner\'s narratives with who gave them, and a correction entered by a person under their name', async () => {
      const srv01 = (await db.store.repos.indicators.findByCode('SRV01'))!;
      const before = (await db.store.repos.values.latest(srv01.id, '2026-09'))!;
      const corrected = await db.store.repos.values.append({
        indicatorId: srv01.id, period: '2026-09', financialYear: 2026, value: 26.4, note: 'Backlog recount', source: 'CARD', enteredById: gareth.personId,
      });
      await db.store.repos.narratives.add({
        valueId: corrected.id, remedialAction: 'Two agency assessors from 1 December.', likelyToRecover: 'YES', recoveryPeriod: '2027-01', enteredById: gareth.personId!,
      });
      const page = (await pages().page(admin, 'SRV01', period('2026-09')))!;
      expect(page.narratives).toEqual([
        expect.objectContaining({ remedialAction: 'Two agency assessors from 1 December.', likelyToRecoverText: 'Yes', recoveryPeriod: 'January 2027', givenBy: 'Gareth Lewis', valueVersion: corrected.version }),
      ]);
      expect(page.history.versions.at(-1)).toMatchObject({ version: before.version + 1, valueText: '26.4 days', enteredBy: 'Gareth Lewis', sourceText: 'Teams card' });
      expect(page.current).toMatchObject({ valueText: '26.4 days', status: 'RED', statusText: 'Off target' });
    });
  });

  describe('"my indicators"', () => {
    it('lists what the person owns or covers and what is outstanding in the open period', async () => {
      const page = await new MyPageService(new MyWorkService(db.store, clock, settings)).page(gareth);
      expect(page.viewer).toEqual({ name: 'Gareth Lewis', email: DEMO_PEOPLE.benefitsManager.email, isAdmin: false });
      expect(page.indicators.map((i) => i.code)).toEqual(['SRV01', 'SRV02']);
      expect(page.indicators[1]).toMatchObject({ periodLabel: 'Sep 2026', targetText: '9.0 days', statusLabel: expect.any(String) });
      expect(page.openPeriodLabel).toBe('October 2026');
      expect(page.outstanding.map((o) => o.code)).toEqual(['SRV01', 'SRV02']);
      for (const item of page.outstanding) expect(item.what).toMatch(/^Value due by \d{1,2} [A-Z][a-z]{2,3} 2026$/);
    });
  });

  describe('signing in', () => {
    it('knows people by Entra object id, links someone known only by email, and knows nobody else', async () => {
      expect(admin).toMatchObject({ name: DEMO_ADMINS[0]!.name, isAdmin: true });
      expect(gareth.isAdmin).toBe(false);

      const chloe = await db.store.repos.people.findByEmail(DEMO_PEOPLE.benefitsOfficer.email);
      const newId = '11111111-2222-4333-8444-555555555555';
      await db.store.repos.people.update(chloe!.id, { aadObjectId: null });
      const linked = await viewers.identify({ aadObjectId: newId, username: DEMO_PEOPLE.benefitsOfficer.email.toUpperCase(), name: 'Chloe Evans', tenantId: TENANT });
      expect(linked).toMatchObject({ personId: chloe!.id, name: 'Chloe Evans' });
      expect((await db.store.repos.people.findById(chloe!.id))!.aadObjectId).toBe(newId);

      expect(await viewers.identify({ aadObjectId: '0f0e0d0c-0b0a-4909-8807-060504030201', username: 'sam@elsewhere.gov.uk', name: 'Sam', tenantId: TENANT })).toBeNull();
    });

    it('in development mode acts as the named person, or the first admin', async () => {
      expect(await viewers.developer(null)).toMatchObject({ isAdmin: true, name: 'Nadia Rahman' });
      expect(await viewers.developer(DEMO_PEOPLE.benefitsManager.email)).toMatchObject({ name: 'Gareth Lewis', isAdmin: false });
      expect(await viewers.developer('nobody@fenmarsh.gov.uk')).toBeNull();
    });
  });
});
