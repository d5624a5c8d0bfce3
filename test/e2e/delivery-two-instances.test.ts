/**
 * Two dispatcher processes on one PostgreSQL database (the product's multi-instance set-up) share
 * 200 pending prompts: every message arrives exactly once. The guard is the database's: claims are
 * taken with FOR UPDATE SKIP LOCKED and settled only by their holder.
 *
 * PostgreSQL only (the embedded database belongs to one process), so this needs TEST_DATABASE_URL;
 * without it the suite is reported as skipped, never as passed. .ci/run always sets it.
 */
import { BACKENDS } from '../support/test-database';
import { TeamsStandIns } from '../support/teams/teams-stand-ins';
import { arrivals, finished, messageText, preparedDatabase, startWorker, type WorkerReport } from '../support/delivery/dispatch-workers';

const MESSAGES = 200;
const withPostgres = BACKENDS.includes('postgres') ? describe : describe.skip;

withPostgres('two dispatcher processes on one PostgreSQL database [postgres; skipped without TEST_DATABASE_URL]', () => {
  const teams = new TeamsStandIns();
  let database: { url: string; drop(): Promise<void> };

  beforeAll(async () => {
    await teams.start();
    database = await preparedDatabase('postgres', MESSAGES, teams.connector.serviceUrl);
  });
  afterAll(async () => {
    await teams.stop();
    await database?.drop();
  });

  it('send each of 200 messages exactly once between them', async () => {
    // 25 a second each: together within Teams' 50 (pacing is per process; README, Delivery).
    teams.connector.limitRate(50);
    const env = { ...teams.serverEnv(), DATABASE_URL: database.url, DELIVERY_MESSAGES_PER_SECOND: '25', LOG_LEVEL: 'warn' };
    // Both start dispatching together, however long each takes to boot.
    const workers = [startWorker(env, { instanceId: 'instance-A', waitForGo: true }), startWorker(env, { instanceId: 'instance-B', waitForGo: true })];
    await Promise.race([Promise.all(workers.map((w) => w.ready)), ...workers.map((w) => w.exited)]);
    for (const worker of workers) worker.go();
    const [a, b] = await Promise.all(workers.map(finished)) as [WorkerReport, WorkerReport];
    expect(a.counts).toEqual({ PENDING: 0, SENDING: 0, SENT: MESSAGES, BLOCKED: 0, DEAD: 0 });
    expect(b.counts).toEqual(a.counts);

    const counts = arrivals(teams.connector.calls);
    const notOnce = Array.from({ length: MESSAGES }, (_, i) => messageText(i)).filter((text) => counts.get(text) !== 1);
    expect(notOnce).toEqual([]);
    expect(teams.connector.calls).toHaveLength(MESSAGES);

    const byInstance = (instance: string) => b.rows.filter((m) => m.claimedBy === instance).length;
    expect(byInstance('instance-A') + byInstance('instance-B')).toBe(MESSAGES);
    expect(byInstance('instance-A')).toBeGreaterThan(MESSAGES / 4);
    expect(byInstance('instance-B')).toBeGreaterThan(MESSAGES / 4);
  });
});
