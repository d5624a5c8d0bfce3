/**
 * SIGTERM in the middle of a fan-out, as a platform sends it to restart or scale in an instance.
 *
 * The real server (from source, run as startServer runs it) against the Teams stand-ins, on both
 * databases, with OWNERS owners written straight into the database. The admin types "open 2026-10";
 * the dispatcher sends the prompts at RATE a second, the connector answering each after LATENCY_MS,
 * so when the signal comes sends are out, rows are claimed and waiting for their turn, and many
 * rows are still pending. The server must exit 0 in under 10 s, leaving no row claimed (a claim
 * held but not sent is released; a send out is waited for and recorded), and the job handed back.
 * A second server on the same database then finishes the fan-out: every owner's prompt arrives
 * exactly once, and the same progress card ends Done.
 */
import { startServer, type RunningServer } from '../support/child-process';
import { killTree } from '../support/process-tree';
import { postActivity } from '../support/teams/post-activity';
import { TeamsStandIns, TENANT_ID } from '../support/teams/teams-stand-ins';
import { message, personalConversationId, priyaShah as admin } from '../support/teams/activities';
import { BACKENDS, serverDatabase } from '../support/test-database';
import { CLOCK_START_ENV, OPEN_MONTH } from '../support/clock-start';
import { until } from '../support/until';
import { jobCardToTheEnd, jobCardsIn } from '../support/job-cards';
import { openDatabase } from '../../src/db/open-database';
import { periodKey } from '../../src/domain/periods';
import { ownerConversationId, seedRegisterAtScale } from '../../bench/fixtures/register-at-scale';

const OWNERS = 60;
const RATE = 8;
const LATENCY_MS = 150;
const SIGNAL_AFTER = 12;
const STOP_LIMIT_MS = 10_000;
const MONTH = periodKey(OPEN_MONTH);
const ADMIN_CHAT = personalConversationId(admin);

describe.each(BACKENDS)('SIGTERM mid fan-out, then a restart [%s]', (backend) => {
  const teams = new TeamsStandIns();
  let server: RunningServer | null = null;
  let databaseUrl: string;
  let closeDatabase: () => Promise<void> = async () => {};

  const env = () => ({
    ...teams.serverEnv(), ...CLOCK_START_ENV, DATABASE_URL: databaseUrl, DELIVERY_MESSAGES_PER_SECOND: String(RATE),
    CYCLE_SCHEDULER_ENABLED: 'false', LOAD_DEMO_DATA: 'false', MicrosoftAppTenantId: TENANT_ID,
  });
  const prompts = () => teams.connector.calls.filter((c) => c.kind === 'send' && c.conversationId.startsWith('a:personal-29:owner-'));

  beforeAll(async () => {
    await teams.start();
    teams.connector.addMember({ id: admin.teamsId, name: admin.name, aadObjectId: admin.aadObjectId, email: admin.email });
    teams.connector.latencyMs = LATENCY_MS;
    ({ url: databaseUrl, close: closeDatabase } = await serverDatabase(backend, 'graceful_stop'));
    await seedRegisterAtScale(databaseUrl, { owners: OWNERS, indicatorsPerOwner: 1, serviceUrl: teams.connector.serviceUrl, tenantId: TENANT_ID, admin });
  }, 180_000);
  afterAll(async () => {
    if (server) killTree(server.process);
    await teams.stop();
    await closeDatabase();
  });

  it('exits 0 within 10 s of SIGTERM mid fan-out, every claim released and the job handed back; a restart delivers each prompt exactly once', async () => {
    server = await startServer(env());
    const since = teams.connector.calls.length;
    const reply = await postActivity(server.baseUrl, teams, message(admin, teams.connector.serviceUrl, `open ${MONTH}`));
    expect(reply.status).toBe(200);
    const [card] = jobCardsIn(teams.connector.calls.slice(since), ADMIN_CHAT);
    expect(card).toBeDefined();

    await until('the fan-out to be under way', () => prompts().length >= SIGNAL_AFTER);
    const first = server;
    const signalledAt = Date.now();
    const code = await first.stop(); // SIGTERM to the server, as a process manager sends it
    const stopMs = Date.now() - signalledAt;
    server = null;
    expect(code).toBe(0);
    expect(stopMs).toBeLessThan(STOP_LIMIT_MS);
    expect(first.output()).toMatch(/"signal":"SIGTERM".*"msg":"shutting down"/);
    expect(first.output()).toMatch(/"msg":"stopped"/);
    expect(first.output()).not.toMatch(/shutdown did not finish in time|still stopping when the grace ran out/);
    const sentBeforeStop = prompts().length;
    expect(sentBeforeStop).toBeLessThan(OWNERS); // it was stopped mid fan-out

    // What the stopped server left: nothing claimed, every prompt sent (and recorded) or pending.
    const left = await outboxAndJobs(databaseUrl);
    expect(left.outbox.SENDING ?? 0).toBe(0);
    expect(left.outbox.SENT).toBe(sentBeforeStop);
    expect((left.outbox.SENT ?? 0) + (left.outbox.PENDING ?? 0)).toBe(OWNERS);
    expect(left.jobs).toEqual([{ kind: 'open', status: 'QUEUED' }]);

    server = await startServer(env());
    const end = (await jobCardToTheEnd(teams.connector.calls, ADMIN_CHAT, since)).at(-1)!;
    expect(end.state).toBe('Done');
    expect(end.call.activityId).toBe(card!.call.activityId);
    await until('every owner\'s prompt', () => new Set(prompts().map((c) => c.conversationId)).size >= OWNERS);

    const perOwner = Array.from({ length: OWNERS }, (_, i) => prompts().filter((c) => c.conversationId === ownerConversationId(i)).length);
    expect(perOwner.filter((n) => n !== 1)).toEqual([]);
    expect(prompts()).toHaveLength(OWNERS);
    expect(prompts().every((c) => c.authorised)).toBe(true);
    expect(await server.stop()).toBe(0);
    server = null;
    expect((await outboxAndJobs(databaseUrl)).outbox).toEqual({ SENT: OWNERS });
  });
});

async function outboxAndJobs(url: string): Promise<{ outbox: Record<string, number>; jobs: { kind: string; status: string }[] }> {
  const database = await openDatabase(url, { purpose: 'reading what the stopped server left' });
  try {
    const rows = await database.sql.query<{ status: string; n: number }>(
      `SELECT status::text, count(*)::int AS n FROM outbox_message WHERE purpose = 'prompt' GROUP BY status`,
    );
    const jobs = await database.sql.query<{ kind: string; status: string }>(`SELECT kind::text, status::text FROM background_job ORDER BY created_at`);
    return { outbox: Object.fromEntries(rows.map((r) => [r.status, r.n])), jobs };
  } finally {
    await database.close();
  }
}
