/**
 * Long steps outside the turn, end to end: the real server over HTTP with the Teams stand-ins (real
 * tokens both ways), on both databases, with a register of OWNERS owners (each with the app
 * installed) written straight into the database.
 *
 * The admin types "open 2026-10": the turn answers at once with the progress card (in the HTTP
 * request's own turn) and records a job; Teams sending the same activity again starts nothing new.
 * The server is then killed (SIGKILL) in the middle of the job, while the card shows it under way,
 * and a second server is started on the same database: once the dead server's lease has run out it
 * takes the job over and finishes it, and every owner receives their prompt exactly once, the card
 * (the same one) ending with what the step did. "close 2026-10" is answered the same way and ends
 * with the figures still missing.
 *
 * The first server runs without its dispatcher: a prompt whose request is out when a process dies
 * is rightly sent again (README, Delivery: at least once for those), so the kill must not land
 * mid-send for "exactly once" to be the right expectation; it is what the job does that is killed.
 */
import { startServer, type RunningServer } from '../support/child-process';
import { killTree, signalScript } from '../support/process-tree';
import { postActivity } from '../support/teams/post-activity';
import { TeamsStandIns, TENANT_ID } from '../support/teams/teams-stand-ins';
import { message, personalConversationId, priyaShah as admin } from '../support/teams/activities';
import { BACKENDS, serverDatabase } from '../support/test-database';
import { CLOCK_START_ENV, OPEN_MONTH } from '../support/clock-start';
import { until } from '../support/until';
import { jobCardToTheEnd, jobCardsIn, type SeenJobCard } from '../support/job-cards';
import { openDatabase } from '../../src/db/open-database';
import { periodKey } from '../../src/domain/periods';
import { ownerConversationId, seedRegisterAtScale } from '../../bench/fixtures/register-at-scale';

const OWNERS = 60;
const MONTH = periodKey(OPEN_MONTH);
const ADMIN_CHAT = personalConversationId(admin);

describe.each(BACKENDS)('long steps run as background jobs, through a restart [%s]', (backend) => {
  const teams = new TeamsStandIns();
  let server: RunningServer | null = null;
  let databaseUrl: string;
  let closeDatabase: () => Promise<void> = async () => {};
  let openCard: SeenJobCard | null = null;

  const post = (activity: Record<string, unknown>) => postActivity(server!.baseUrl, teams, activity);
  const env = () => ({
    ...teams.serverEnv(), ...CLOCK_START_ENV, DATABASE_URL: databaseUrl,
    CYCLE_SCHEDULER_ENABLED: 'false', LOAD_DEMO_DATA: 'false', MicrosoftAppTenantId: TENANT_ID,
  });
  const promptsTo = (i: number) => teams.connector.calls.filter((c) => c.conversationId === ownerConversationId(i) && c.kind === 'send');

  beforeAll(async () => {
    await teams.start();
    teams.connector.addMember({ id: admin.teamsId, name: admin.name, aadObjectId: admin.aadObjectId, email: admin.email });
    ({ url: databaseUrl, close: closeDatabase } = await serverDatabase(backend, 'jobs'));
    await seedRegisterAtScale(databaseUrl, { owners: OWNERS, indicatorsPerOwner: 1, serviceUrl: teams.connector.serviceUrl, tenantId: TENANT_ID, admin });
  }, 180_000);
  afterAll(async () => {
    if (server) killTree(server.process);
    await teams.stop();
    await closeDatabase();
  });

  it('answers "open" at once with its progress card, starts nothing new for a retried activity, and dies mid-job', async () => {
    server = await startServer({ ...env(), DELIVERY_DISPATCHER_ENABLED: 'false' });
    const since = teams.connector.calls.length;
    const command = message(admin, teams.connector.serviceUrl, `open ${MONTH}`);
    const reply = await post(command);
    expect(reply.status).toBe(200);
    // The card is the turn's own answer: there by the time the HTTP request has been answered.
    const [first] = jobCardsIn(teams.connector.calls.slice(since), ADMIN_CHAT);
    expect(first).toMatchObject({ state: 'Starting…', call: { kind: 'reply' } });
    expect(first!.text).toMatch(/Open October 2026/);
    expect(first!.text).toMatch(/open 2026-10 · asked for by Priya Shah/);
    openCard = first!;

    // Teams sends the same activity again (it thought the bot too slow): no second job, no second card.
    const retried = await post(command);
    expect(retried.status).toBe(200);
    expect(String(teams.connector.messagesIn(ADMIN_CHAT).at(-1)?.text)).toMatch(/already under way: its progress card above shows how far it has got/);
    expect(jobCardsIn(teams.connector.calls.slice(since), ADMIN_CHAT).filter((c) => c.call.kind !== 'update')).toHaveLength(1);

    // The card is updated in place while the job runs; it is killed there, the step unfinished.
    const underWay = await until('the card to show the job under way', () =>
      jobCardsIn(teams.connector.calls.slice(since), ADMIN_CHAT).find((c) => c.call.kind === 'update' && /^(Recording prompts|Sending prompts)/.test(c.state)));
    expect(underWay.call.activityId).toBe(first!.call.activityId);
    await killHard(server);
    server = null;
    expect(teams.connector.calls.filter((c) => c.kind === 'send' && c.conversationId.startsWith('a:personal-29:owner-'))).toEqual([]);
  });

  it('after a restart, takes the job over and finishes it: each prompt once, none lost, the same card ends with the outcome', async () => {
    expect(openCard).not.toBeNull();
    const since = teams.connector.calls.indexOf(openCard!.call);
    server = await startServer(env());
    const seen = await jobCardToTheEnd(teams.connector.calls, ADMIN_CHAT, since);
    const end = seen.at(-1)!;
    expect(end.call.kind).toBe('update');
    expect(end.call.activityId).toBe(openCard!.call.activityId);
    expect(end.state).toBe('Done');
    expect(end.text).toMatch(new RegExp(`open ${MONTH}\\*\\* \\(${MONTH}\\): \\d+ messages? queued, \\d+ already sent or queued earlier`));
    const [, queued, already] = /(\d+) messages? queued, (\d+) already/.exec(end.text)!.map(Number) as [number, number, number];
    expect(queued + already).toBe(OWNERS);
    expect(end.text).toMatch(new RegExp(`Sent\\n${OWNERS}\\n`));
    expect(end.text).toMatch(/resumed after an interruption; nothing is sent twice/);

    const counts = Array.from({ length: OWNERS }, (_, i) => promptsTo(i).length);
    expect(counts.filter((n) => n !== 1)).toEqual([]);
    expect(promptsTo(0)[0]!.activity!.text).toMatch(/October 2026 performance figures are due by/);
  });

  it('answers "close" with its card, which ends with the figures still missing', async () => {
    const since = teams.connector.calls.length;
    await post(message(admin, teams.connector.serviceUrl, `close ${MONTH}`));
    expect(jobCardsIn(teams.connector.calls.slice(since), ADMIN_CHAT)[0]).toMatchObject({ state: 'Starting…', call: { kind: 'reply' } });
    const end = (await jobCardToTheEnd(teams.connector.calls, ADMIN_CHAT, since)).at(-1)!;
    expect(end.state).toBe('Done');
    expect(end.text).toMatch(new RegExp(`close ${MONTH}\\*\\* \\(${MONTH}\\): 0 messages queued`));
    expect(end.text).toMatch(new RegExp(`Closed ${MONTH}; missing: IND00000-1 ${MONTH}, .* and ${OWNERS - 50} more\\.`));
  });

  it('kept both jobs, the open one taken over once, and opened the month once', async () => {
    expect(await server!.stop()).toBe(0);
    server = null;
    const database = await openDatabase(databaseUrl, { purpose: 'checking the jobs test' });
    try {
      const jobs = await database.sql.query<{ kind: string; status: string; attempts: number; card_activity_id: string | null }>(
        `SELECT kind, status, attempts, card_activity_id FROM background_job ORDER BY created_at`,
      );
      expect(jobs).toEqual([
        { kind: 'open', status: 'DONE', attempts: 2, card_activity_id: openCard!.call.activityId },
        { kind: 'close', status: 'DONE', attempts: 1, card_activity_id: expect.any(String) },
      ]);
      const prompts = await database.sql.query<{ status: string; n: number }>(
        `SELECT status::text, count(*)::int AS n FROM outbox_message WHERE purpose = 'prompt' GROUP BY status`,
      );
      expect(prompts).toEqual([{ status: 'SENT', n: OWNERS }]);
      const opened = await database.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'period.opened'`);
      expect(opened).toEqual([{ n: 1 }]);
    } finally {
      await database.close();
    }
  });
});

/**
 * kill -9 of the server itself (the script tsx runs), then waits for tsx to see it die and exit:
 * by then the dead server has been reaped, so its lock on the embedded database is seen as stale.
 */
async function killHard(server: RunningServer): Promise<void> {
  const exited = new Promise<void>((resolve) => {
    if (server.process.exitCode !== null || server.process.signalCode !== null) resolve();
    else server.process.once('exit', () => resolve());
  });
  signalScript(server.process, 'SIGKILL');
  await exited;
  killTree(server.process);
}
