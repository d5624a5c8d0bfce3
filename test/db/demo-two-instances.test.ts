/**
 * Two server instances starting together on one empty PostgreSQL with LOAD_DEMO_DATA=true: one
 * loads the demo register, the other waits for it and finds it there; neither fails. PostgreSQL
 * only (the embedded database belongs to one process), so this needs TEST_DATABASE_URL.
 */
import { loadDemoDataOnce } from '../../src/demo/load-demo-data';
import { openDatabase } from '../../src/db/open-database';
import { Store } from '../../src/db/store';
import { BACKENDS, openTestDatabase, type TestDatabase } from '../support/test-database';

const TODAY = new Date('2026-11-23T10:00:00Z');
const withPostgres = BACKENDS.includes('postgres') ? describe : describe.skip;

withPostgres('the demo register, two instances starting together [postgres; skipped without TEST_DATABASE_URL]', () => {
  let first: TestDatabase | null = null;
  afterEach(async () => {
    await first?.close();
    first = null;
  });

  it('is loaded by one of them, once, and neither fails', async () => {
    first = await openTestDatabase('postgres');
    // The second instance: its own pool on the same database, as another process would have.
    const second = await openDatabase(first.url!, { purpose: 'second instance', postgres: { poolSize: 2, caPem: null } });
    try {
      const outcomes = await Promise.all([
        loadDemoDataOnce(first.database, first.store, TODAY),
        loadDemoDataOnce(second, new Store(second.prisma), TODAY),
      ]);
      expect(outcomes.map((outcome) => outcome.loaded).sort()).toEqual([false, true]);
    } finally {
      await second.close();
    }
    const [counts] = await first.database.sql.query<{ indicators: number; loads: number; values: number }>(
      `SELECT (SELECT count(*)::int FROM indicator) AS indicators,
              (SELECT count(*)::int FROM audit_log WHERE action = 'demo.loaded') AS loads,
              (SELECT count(*)::int FROM indicator_value) AS values`,
    );
    expect(counts).toMatchObject({ indicators: 22, loads: 1 });
    // Every figure once: a second load would have added each one again as a new version.
    const [single] = await first.database.sql.query<{ values: number }>(
      `SELECT count(*)::int AS values FROM (SELECT DISTINCT indicator_id, period, value FROM indicator_value) AS distinct_values`,
    );
    expect(single!.values).toBe(counts!.values);
  });
});
