/**
 * The reads people wait on, at a large council's size on PostgreSQL, never scan indicator_value
 * sequentially: the statuses behind the open step, an owner's entry card and submit, the Board's
 * digest and the Scorecard tab. Each read runs for real through the repositories; every SQL
 * statement Prisma sends is captured and EXPLAINed with its own parameters against 1,000
 * indicators with five years of monthly history, after ANALYZE. A plan that reads the whole table
 * is what made these reads slow as history grew, so it fails here with the statement named.
 */
import { Pool } from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../src/generated/prisma/client';
import { Store } from '../../src/db/store';
import { registerStatus } from '../../src/app/register-status';
import { loadEntrySnapshot, loadEntrySnapshots } from '../../src/app/entry/entry-snapshot';
import { loadBoardSnapshot } from '../../src/app/board/board-snapshot';
import { buildThreadViews } from '../../src/app/board/thread-views';
import { ScorecardService } from '../../src/app/scorecard/scorecard-service';
import { monthPeriod } from '../../src/domain/periods';
import { BACKENDS, openTestDatabase, type TestDatabase } from '../support/test-database';
import { writeLargeRegister } from '../support/large-register-sql';

const NOW = new Date('2026-11-17T10:00:00Z');
const tolerance = { kind: 'PERCENT_OF_TARGET' as const, percent: 10 };
const OCTOBER = monthPeriod(2026, 10);

interface Captured {
  readonly query: string;
  readonly params: string;
}

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; Plans?: PlanNode[] };

function sequentialScans(node: PlanNode): string[] {
  const own = node['Node Type'] === 'Seq Scan' && node['Relation Name'] ? [node['Relation Name']] : [];
  return [...own, ...(node.Plans ?? []).flatMap(sequentialScans)];
}

const describeOnPostgres = BACKENDS.includes('postgres') ? describe : describe.skip;

describeOnPostgres('hot reads at a large council size [postgres]', () => {
  let db: TestDatabase;
  let pool: Pool;
  let prisma: PrismaClient<'query'>;
  let store: Store;
  let captured: Captured[] = [];

  beforeAll(async () => {
    db = await openTestDatabase('postgres');
    await writeLargeRegister(db.database.sql, { indicators: 1_000, owners: 2_000, months: 60, lastMonth: '2026-10' });
    await db.database.sql.query(
      `INSERT INTO "reporting_period" ("period", "opened_at", "deadline") VALUES ('2026-10', $1, $2)`,
      [new Date('2026-11-02T09:00:00Z'), new Date('2026-11-13T17:00:00Z')],
    );
    pool = new Pool({ connectionString: db.url!, max: 4 });
    prisma = new PrismaClient({ adapter: new PrismaPg(pool), log: [{ emit: 'event', level: 'query' }] });
    prisma.$on('query', (event) => captured.push({ query: event.query, params: event.params }));
    store = new Store(prisma as unknown as PrismaClient);
  }, 120_000);

  afterAll(async () => {
    await prisma?.$disconnect();
    await pool?.end();
    await db?.close();
  });

  beforeEach(() => {
    captured = [];
  });

  /** Every captured statement that touches indicator_value, with the relations it scans whole. */
  async function scansOfValues(): Promise<{ query: string; scans: string[] }[]> {
    const touching = captured.filter((c) => c.query.includes('indicator_value'));
    expect(touching.length).toBeGreaterThan(0);
    const results = [];
    for (const statement of touching) {
      const params = JSON.parse(statement.params) as unknown[];
      const [{ 'QUERY PLAN': plans }] = (await pool.query(`EXPLAIN (FORMAT JSON) ${statement.query}`, params)).rows as [{ 'QUERY PLAN': { Plan: PlanNode }[] }];
      results.push({ query: statement.query, scans: sequentialScans(plans[0]!.Plan) });
    }
    return results;
  }

  async function expectNoSequentialScanOfValues(): Promise<void> {
    const offending = (await scansOfValues()).filter((r) => r.scans.includes('indicator_value'));
    expect(offending.map((o) => o.query)).toEqual([]);
  }

  it('rates the whole register for a month (the open step, reminders, escalations)', async () => {
    const statuses = await registerStatus(store, { period: OCTOBER, now: NOW, defaultTolerance: tolerance });
    expect(statuses).toHaveLength(1_000);
    expect(statuses.filter((s) => s.value === null)).toHaveLength(100);
    await expectNoSequentialScanOfValues();
  });

  it("builds one owner's entry card, as a submit does, from their indicators only", async () => {
    const snapshot = await loadEntrySnapshot(store, { personId: 'owner-7' }, OCTOBER, NOW, tolerance);
    expect(snapshot.rows.map((r) => r.indicator.code)).toEqual(['B0007']);
    expect(snapshot.rows[0]!.current.value).not.toBeNull();
    await expectNoSequentialScanOfValues();
  });

  it("builds every owner's prompt in one read", async () => {
    const owners = Array.from({ length: 1_000 }, (_, n) => ({ personId: `owner-${n}` }));
    const snapshots = await loadEntrySnapshots(store, owners, OCTOBER, NOW, tolerance);
    expect(snapshots.every((s) => s.rows.length === 1)).toBe(true);
    await expectNoSequentialScanOfValues();
  });

  it("reads the Board's digest and its threads' trends", async () => {
    const snapshot = await loadBoardSnapshot(store, OCTOBER, NOW, tolerance);
    expect(snapshot.current).toHaveLength(1_000);
    const attention = snapshot.current.filter((s): s is typeof s & { status: 'RED' | 'AMBER' } => s.status === 'RED' || s.status === 'AMBER');
    expect(attention.length).toBeGreaterThan(0);
    const threads = await buildThreadViews(store, attention, { now: NOW, defaultTolerance: tolerance, mentionIds: new Map(), plans: snapshot.plans });
    expect(threads.every((t) => t.history.length === 12)).toBe(true);
    await expectNoSequentialScanOfValues();
  });

  it("reads the Scorecard tab's page, with its month picker", async () => {
    const scorecard = new ScorecardService(store, { now: () => NOW }, { defaultTolerance: tolerance });
    const view = await scorecard.scorecard({ personId: null, name: 'Reader', email: 'reader@bench.gov.uk', isAdmin: false }, null);
    expect(view.indicators).toHaveLength(1_000);
    expect(view.months.length).toBeGreaterThanOrEqual(60);
    await expectNoSequentialScanOfValues();
  });
});
