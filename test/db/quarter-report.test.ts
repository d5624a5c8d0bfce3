/**
 * The quarterly report's model (#15) on the demo register, on each database: for 2026/27 Q2 its
 * counts are the Scorecard tab's quarter view's and the Board digest's for the quarter's last month,
 * every indicator's status and figure are the tab row's, an action plan reaches the exceptions, and
 * the public edition keeps the indicators the register marks public and no staff names.
 */
import { loadDemoData } from '../../src/demo/load-demo-data';
import { DEMO_ADMINS, DEMO_PEOPLE } from '../../src/demo/demo-people';
import { AdminPolicy } from '../../src/app/admin-policy';
import { PeopleService } from '../../src/app/people-service';
import { TenantPolicy } from '../../src/app/tenant-policy';
import { Refusals } from '../../src/app/refusals';
import { ScorecardService } from '../../src/app/scorecard/scorecard-service';
import { TabViewers, type Viewer } from '../../src/app/scorecard/tab-viewer';
import { loadBoardSnapshot } from '../../src/app/board/board-snapshot';
import { buildDigestView, countStatuses } from '../../src/app/board/digest-view';
import { loadQuarterReport } from '../../src/app/report/load-quarter-report';
import { publicEdition } from '../../src/app/report/public-edition';
import type { QuarterReport, ReportStatusCounts } from '../../src/app/report/quarter-report-model';
import { monthPeriod, quarterPeriod } from '../../src/domain/periods';
import type { Tolerance } from '../../src/domain/types';
import { BoardService } from '../../src/app/board/board-service';
import { ActionPlanService } from '../../src/app/board/action-plan-service';
import { createLogger } from '../../src/logging/logger';
import { BACKENDS, openTestDatabase, type TestDatabase } from '../support/test-database';

const TENANT = '9d8c7b6a-5f4e-4d3c-8b2a-1e0f9d8c7b6a';
const TODAY = new Date('2026-11-23T10:00:00Z');
const defaultTolerance: Tolerance = { kind: 'PERCENT_OF_TARGET', percent: 10 };
const Q2 = quarterPeriod(2026, 2);

/** The model's counts in the digest's shape. */
const asDigest = (c: ReportStatusCounts) => ({ green: c.GREEN, amber: c.AMBER, red: c.RED, dataOnly: c.DATA_ONLY, missing: c.MISSING, due: c.DUE, awaiting: c.AWAITING_VERIFICATION });

describe.each(BACKENDS)('the quarterly report model [%s]', (backend) => {
  let db: TestDatabase;
  let admin: Viewer;
  let report: QuarterReport;

  beforeAll(async () => {
    db = await openTestDatabase(backend);
    await loadDemoData(db.store, TODAY);
    const viewers = new TabViewers(db.store, new PeopleService(db.store), new AdminPolicy(db.store, []), new TenantPolicy(TENANT), new Refusals(db.store), 'register');
    admin = (await viewers.identify({ aadObjectId: DEMO_ADMINS[0]!.aadObjectId, username: null, name: null, tenantId: TENANT }))!;
    report = await loadQuarterReport(db.store, Q2, { now: TODAY, defaultTolerance, organisation: 'Fenmarsh District Council' });
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });

  it('names the quarter, the month it is shown as at and the last quarter', () => {
    expect(report).toMatchObject({
      edition: 'committee', organisation: 'Fenmarsh District Council', quarter: '2026/27 Q2', quarterLabel: 'Q2 2026/27 (Jul–Sep 2026)',
      lastQuarterLabel: 'Q1 2026/27', financialYear: '2026/27', asAtMonth: '2026-09', generatedAt: TODAY.toISOString(),
    });
    expect(report.generatedText).toBe('Generated 23 Nov 2026 at 10:00 from the figures held then.');
  });

  it('counts overall and by lens as the Scorecard tab\'s quarter view does, and shows each indicator as its row', async () => {
    const tab = await new ScorecardService(db.store, { now: () => TODAY }, { defaultTolerance }).scorecard(admin, Q2);
    expect(report.indicators).toHaveLength(tab.indicators.length);
    expect(report.overall.quarter.total).toBe(tab.indicators.length);
    for (const lens of tab.lenses) {
      const mine = report.byLens.find((g) => g.key === lens.lens)!;
      expect({ lens: lens.lens, total: mine.quarter.total, ...Object.fromEntries(lens.counts.map((c) => [c.status, mine.quarter[c.status]])) })
        .toEqual({ lens: lens.lens, total: lens.total, ...Object.fromEntries(lens.counts.map((c) => [c.status, c.count])) });
    }
    for (const row of tab.indicators) {
      const mine = report.indicators.find((x) => x.code === row.code)!;
      expect({ code: mine.code, period: mine.period, periodLabel: mine.periodLabel, status: mine.status, value: mine.figure.value, text: mine.figure.text, target: mine.target.value })
        .toEqual({ code: row.code, period: row.period, periodLabel: row.periodLabel, status: row.status, value: row.value, text: row.valueText ?? 'No figure', target: row.target });
    }
  });

  it('counts overall, by lens and by directorate as the Board digest does for the quarter\'s last month', async () => {
    const digest = buildDigestView(await loadBoardSnapshot(db.store, monthPeriod(2026, 9), TODAY, defaultTolerance));
    expect(asDigest(report.overall.quarter)).toEqual(digest.totals);
    expect(report.byLens.filter((g) => g.quarter.total > 0).map((g) => ({ name: g.label, counts: asDigest(g.quarter) }))).toEqual(digest.byLens);
    expect(report.byDirectorate.map((g) => ({ name: g.label, counts: asDigest(g.quarter) }))).toEqual(digest.byDirectorate);
  });

  it('counts the last quarter as the digest counts its own June', async () => {
    const june = await loadBoardSnapshot(db.store, monthPeriod(2026, 6), TODAY, defaultTolerance);
    expect(asDigest(report.overall.lastQuarter!)).toEqual(countStatuses(june.current));
    expect(report.overall.changeText).toMatch(/than Q1 2026\/27$|^No change since Q1 2026\/27$/);
  });

  it('gives every indicator a twelve-period sparkline ending with its period, and its year to date', () => {
    for (const x of report.indicators) {
      expect(x.sparkline).toHaveLength(12);
      expect(x.sparkline.at(-1)).toMatchObject({ period: x.period, value: x.figure.value, status: x.status });
    }
    // Council Tax is cumulative and monthly: its quarter figure and year to date are September's figure.
    const councilTax = report.indicators.find((x) => x.code === 'FIN01')!;
    expect(councilTax.quarterFigure.value).toBe(councilTax.figure.value);
    expect(councilTax.yearToDate.value).toBe(councilTax.figure.value);
    // The quarter against the same quarter last year, since a cumulative figure grows all year.
    expect(councilTax.travelText).toMatch(/ (ahead of|behind|level with) Q2 last year$/);
  });

  it('lists the data-only and missing indicators apart, and the exceptions with their plans', async () => {
    expect(report.dataOnly.map((x) => x.code)).toEqual(report.indicators.filter((x) => x.status === 'DATA_ONLY').map((x) => x.code));
    expect(report.dataOnly.map((x) => x.code)).toContain('SRV06');
    expect(report.exceptions.map((e) => e.code).sort())
      .toEqual(report.indicators.filter((x) => x.status === 'RED' || x.status === 'AMBER').map((x) => x.code).sort());
    expect(report.exceptions.length).toBeGreaterThan(0);

    // An approved plan for a published exception reaches the report with its actions and their lead.
    const first = report.exceptions.find((e) => report.indicators.find((x) => x.id === e.indicatorId)!.public)!;
    const indicator = report.indicators.find((x) => x.id === first.indicatorId)!;
    const lead = await db.store.repos.people.findByAadObjectId(DEMO_PEOPLE.performanceOfficer.aadObjectId);
    const { plan } = await db.store.repos.actionPlans.request({
      indicatorId: first.indicatorId, period: indicator.period, ownerId: lead!.id, requestedAt: TODAY, requestedBy: lead!.id,
    });
    const version = await db.store.repos.actionPlans.addVersion({
      planId: plan.id, version: 1, expectedRecovery: '2026-12', likelySufficient: 'YES', submittedById: lead!.id, submittedAt: TODAY,
      actions: [{ leadId: lead!.id, dueDate: new Date('2026-12-15T00:00:00Z'), description: 'Clear the backlog with agency staff' }],
    });
    await db.store.repos.actionPlans.decide(version.id, { state: 'APPROVED', decidedById: lead!.id, decidedAt: new Date('2026-11-20T12:00:00Z'), comment: null });
    const again = await loadQuarterReport(db.store, Q2, { now: TODAY, defaultTolerance });
    expect(again.organisation).toBe('The council');
    expect(again.exceptions.find((e) => e.indicatorId === first.indicatorId)).toMatchObject({
      planStateText: 'Approved 20 Nov 2026',
      recoveryText: 'Expected to recover by Dec 2026',
      actions: [{ description: 'Clear the backlog with agency staff', leadName: lead!.displayName, dueText: '15 Dec 2026', done: false }],
    });
    // The public edition keeps the action and its date, not who leads it.
    expect(publicEdition(again).exceptions.find((e) => e.indicatorId === first.indicatorId)).toMatchObject({
      narrative: null, commentary: null, actions: [{ description: 'Clear the backlog with agency staff', leadName: null, dueText: '15 Dec 2026' }],
    });
  });

  it('keeps in the public edition only what the register marks public, recounted, with no staff names', async () => {
    const stored = new Map((await db.store.repos.indicators.active()).map((i) => [i.code, i.public]));
    expect(stored.get('PPL02')).toBe(false); // an internal HR figure
    expect(stored.get('ENV03')).toBe(true); // a service PI the demo council publishes
    expect(stored.get('FIN01')).toBe(true); // a KPI, public by default

    const published = publicEdition(report);
    expect(published.edition).toBe('public');
    expect(published.indicators.map((x) => x.code)).toEqual(report.indicators.filter((x) => stored.get(x.code)).map((x) => x.code));
    expect(published.overall.quarter.total).toBe(published.indicators.length);
    expect(published.overall.quarter.total).toBeLessThan(report.overall.quarter.total);
    const owners = new Set(report.indicators.map((x) => x.ownerName).filter((n): n is string => n !== null));
    expect(owners.size).toBeGreaterThan(3);
    const text = JSON.stringify(published);
    for (const name of owners) expect(text).not.toContain(name);
  });
  // Last: it changes the database (a Board channel, the September digest's exceptions and a reply).
  it('brings the Board\'s exceptions, their threads\' commentary and the plans they asked for into the exceptions', async () => {
    const { store } = db;
    const clock = { now: () => TODAY };
    const plans = new ActionPlanService(store, clock, { defaultTolerance, adminIds: async () => [] });
    const board = new BoardService(store, clock, { defaultTolerance }, { members: async () => [] }, plans, createLogger({ logLevel: 'silent' }));
    const lead = (await store.repos.people.findByEmail(DEMO_PEOPLE.performanceLead.email))!;
    const channel = '19:board@thread.tacv2';
    await board.setChannel({ actorId: lead.id, actorLabel: lead.displayName }, { teamId: '19:team@thread.tacv2', channelId: channel, serviceUrl: 'https://smba.example/', tenantId: 'tenant' });
    await board.digest({ month: monthPeriod(2026, 9), trigger: 'chat', actor: 'test' });

    const first = report.exceptions[0]!;
    const indicator = report.indicators.find((x) => x.id === first.indicatorId)!;
    const exception = (await store.repos.exceptions.latestFor([first.indicatorId])).get(first.indicatorId)!;
    expect(exception).toMatchObject({ lastPeriod: indicator.period });
    // The dispatcher posts the thread; a Board member replies in it.
    const root = (await store.repos.outbox.list({ purpose: 'board-thread' })).find((m) => m.dedupeKey.includes(first.indicatorId))!;
    await store.repos.outbox.claimDue('dispatcher', TODAY, new Date(TODAY.getTime() + 60_000), 1000);
    await store.repos.outbox.markSent(root.id, 'dispatcher', { activityId: '1700', conversationId: `${channel};messageid=1700`, at: TODAY });
    const reply = { conversationId: `${channel};messageid=1700`, teamsMessageId: '1701', text: 'Agency cover starts Monday.', postedAt: TODAY, author: { person: lead, name: lead.displayName, aadObjectId: lead.aadObjectId } };
    expect(await board.recordReply(reply)).toMatchObject({ kind: 'stored', code: first.code });

    const after = await loadQuarterReport(store, Q2, { now: TODAY, defaultTolerance });
    expect(after.exceptions.find((e) => e.indicatorId === first.indicatorId)).toMatchObject({
      commentary: `1 comment from the Board; the latest, from ${lead.displayName} on 23 Nov 2026: Agency cover starts Monday.`,
    });
    expect(JSON.stringify(publicEdition(after))).not.toContain('Agency cover starts Monday.');
  });
});
