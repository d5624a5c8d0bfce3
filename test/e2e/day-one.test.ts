/**
 * Day one for the performance team, end to end: the real server over HTTP with the Teams stand-ins
 * (real tokens both ways), on both databases, with the server's clock fixed (CLOCK_START) so the
 * demo's months are the same on any day (October 2026 open for entry, September closed).
 *
 * A new council's first admin, listed in ADMIN_AAD_OBJECT_IDS and owning nothing (not even in the
 * register yet), asks for help, opens a month, sets the Board channel from inside it, posts the
 * digest and corrects a closed month's figure from the card; an owner's attempt at the same
 * correction is refused with nothing changed. Someone from another organisation's tenant is refused
 * by the bot (audited, nothing stored) and by the tab's API; a reader from the council's tenant who
 * is not in the register reads the Scorecard tab.
 */
import { startServer, type RunningServer } from '../support/child-process';
import { until } from '../support/until';
import { postActivity } from '../support/teams/post-activity';
import { TeamsStandIns, TENANT_ID } from '../support/teams/teams-stand-ins';
import { cardAction, channelMessage, installation, message, personalConversationId, priyaShah as priya, type ChannelPlace, type TeamsUser } from '../support/teams/activities';
import { EntraStandIn, type EntraUser } from '../support/teams/entra-stand-in';
import { cardOf, cardText, inputIds } from '../support/card-json';
import { DEMO_PEOPLE } from '../../src/demo/demo-people';
import { BACKENDS, serverDatabase } from '../support/test-database';
import { openDatabase } from '../../src/db/open-database';
import { periodKey } from '../../src/domain/periods';
import { CLOCK_START_ENV, OPEN_MONTH as OPEN_PERIOD, monthsBeforeOpen } from '../support/clock-start';
import { jobCardToTheEnd, jobCardsIn } from '../support/job-cards';

/** The month open for entry on the server's clock (October 2026), and the month before it, closed. */
const OPEN_MONTH = periodKey(OPEN_PERIOD);
const CLOSED_MONTH = monthsBeforeOpen(1);
const HOSTNAME = 'performance.fenmarsh.test';
const APP_ID = '6f0c8b1e-3a2d-4e5f-9a7b-1c2d3e4f5a6b';
const OTHER_TENANT = '11111111-2222-4333-8444-555555555555';

/** The council's first admin: in ADMIN_AAD_OBJECT_IDS, owns nothing, not in the register until first contact. */
const gareth: TeamsUser = { teamsId: '29:gareth-lewis', aadObjectId: DEMO_PEOPLE.benefitsManager.aadObjectId, name: 'Gareth Lewis', email: DEMO_PEOPLE.benefitsManager.email };
const outsider: TeamsUser = { teamsId: '29:olu-guest', aadObjectId: '22222222-3333-4444-8555-666666666666', name: 'Olu Guest', email: 'olu@neighbouring.gov.uk' };
const board: ChannelPlace = { teamId: '19:board-team@thread.tacv2', channelId: '19:board-channel@thread.tacv2', conversationId: '19:board-channel@thread.tacv2' };

describe.each(BACKENDS)('day one for the performance team [%s]', (backend) => {
  const teams = new TeamsStandIns();
  const entra = new EntraStandIn(`api://${HOSTNAME}/${APP_ID}`);
  let server: RunningServer;
  let databaseUrl: string;
  let closeDatabase: () => Promise<void> = async () => {};
  let corrected = '';

  const post = (activity: Record<string, unknown>) => postActivity(server.baseUrl, teams, activity);
  async function act(who: TeamsUser, verb: string, data: Record<string, unknown>) {
    const reply = await post(cardAction(who, teams.connector.serviceUrl, verb, data));
    expect(reply.status).toBe(200);
    return reply.body as { statusCode: number; type: string; value: unknown };
  }
  const messagesTo = (who: TeamsUser) => teams.connector.messagesIn(personalConversationId(who));
  const lastTo = (who: TeamsUser) => messagesTo(who).at(-1);
  const lastTextTo = (who: TeamsUser) => String(lastTo(who)?.text ?? '');
  const tab = async (pathAndQuery: string, user: EntraUser, tenantId = TENANT_ID) => {
    const token = await entra.accessToken(user, { tenantId });
    const response = await fetch(`${server.baseUrl}${pathAndQuery}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const database = await openDatabase(databaseUrl, { purpose: 'test check' });
    try {
      return await database.sql.query<T>(sql, params);
    } finally {
      await database.close();
    }
  }

  beforeAll(async () => {
    await Promise.all([teams.start(), entra.start()]);
    for (const u of [priya, gareth, outsider]) teams.connector.addMember({ id: u.teamsId, name: u.name, aadObjectId: u.aadObjectId, email: u.email });
    ({ url: databaseUrl, close: closeDatabase } = await serverDatabase(backend, 'day-one'));
    server = await startServer({
      ...teams.serverEnv(),
      DATABASE_URL: databaseUrl,
      LOAD_DEMO_DATA: 'true', // on PostgreSQL too, where it is off unless asked for
      ...CLOCK_START_ENV,
      CYCLE_SCHEDULER_ENABLED: 'false',
      MicrosoftAppTenantId: TENANT_ID,
      ADMIN_AAD_OBJECT_IDS: priya.aadObjectId,
      PUBLIC_HOSTNAME: HOSTNAME,
      TAB_OPENID_METADATA_URL: entra.openIdMetadataUrl,
    });
    expect((await post(installation(gareth, teams.connector.serviceUrl))).status).toBe(200);
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    await Promise.all([teams.stop(), entra.stop()]);
    await closeDatabase();
  });

  it('greets the first admin, who owns nothing, with the performance team\'s commands, and enrols them', async () => {
    expect((await post(installation(priya, teams.connector.serviceUrl))).status).toBe(200);
    const help = cardText(cardOf(lastTo(priya)));
    expect(help).toMatch(/Hello Priya/);
    for (const command of ['open 2026-10', 'remind 2026-10', 'escalate 2026-10', 'close 2026-10', 'cycle status 2026-10', 'set board channel', 'digest 2026-10', 'correct SRV01 2026-10', 'plan SRV01']) {
      expect(help).toContain(command);
    }
    await post(message(priya, teams.connector.serviceUrl, 'submit'));
    expect(lastTextTo(priya)).toMatch(/No period is open for entry for your indicators.*correct CODE PERIOD/);
  });

  it('lets the admin open the month: the owner gets the entry card through the outbox', async () => {
    const before = messagesTo(gareth).length;
    const since = teams.connector.calls.length;
    await post(message(priya, teams.connector.serviceUrl, `open ${OPEN_MONTH}`));
    // Answered at once with the step's progress card, which is updated until it says what the step did.
    expect(jobCardsIn(teams.connector.calls.slice(since), personalConversationId(priya))[0]?.state).toBe('Starting…');
    expect((await jobCardToTheEnd(teams.connector.calls, personalConversationId(priya), since)).at(-1)!.text).toMatch(new RegExp(`open ${OPEN_MONTH}.*1 message queued`));
    const prompt = await until('the entry card in Gareth\'s chat', () => messagesTo(gareth).length > before && messagesTo(gareth).at(-1));
    expect(prompt.text).toMatch(/performance figures are due by/);
    await post(message(priya, teams.connector.serviceUrl, `cycle status ${OPEN_MONTH}`));
    expect(lastTextTo(priya)).toMatch(new RegExp(`${OPEN_MONTH}: prompts 1 sent`));
  });

  it('refuses the same commands to an owner who is not an admin, and audits it', async () => {
    await post(message(gareth, teams.connector.serviceUrl, `open ${OPEN_MONTH}`));
    expect(lastTextTo(gareth)).toMatch(/Only the performance team can run the cycle/);
    await post(message(gareth, teams.connector.serviceUrl, `correct SRV01 ${CLOSED_MONTH}`));
    expect(lastTextTo(gareth)).toMatch(/Only the performance team can correct figures/);
  });

  it('lets the admin set the Board channel from inside it and post the digest there', async () => {
    await post(channelMessage(priya, teams.connector.serviceUrl, board, 'set board channel', { mentionBot: true }));
    // The bot's answers in the channel itself (the digest and its threads are posts of their own, sent by the dispatcher).
    const answersInChannel = () => teams.connector.calls.filter((c) => c.conversationId === board.conversationId && typeof c.activity?.text === 'string').map((c) => String(c.activity!.text));
    expect(answersInChannel().at(-1)).toMatch(/This channel is now the Performance Board's/);

    let since = teams.connector.calls.length;
    await post(channelMessage(priya, teams.connector.serviceUrl, board, `digest ${OPEN_MONTH}`, { mentionBot: true }));
    // Answered in the channel with the digest's progress card, updated until it says what was posted.
    expect((await jobCardToTheEnd(teams.connector.calls, board.conversationId, since)).at(-1)!.text).toMatch(new RegExp(`Digest ${OPEN_MONTH}\\*\\*: queued for the Board channel`));
    // Posts in the channel start threads of their own: the digest is one of them.
    const digest = await until('the digest in the Board channel', () =>
      teams.connector.calls.find((c) => c.kind === 'create' && c.conversationId.startsWith(`${board.channelId};messageid=`) && c.activity?.attachments &&
        /digest/i.test(String(cardOf(c.activity).fallbackText))));
    expect(String(cardOf(digest.activity).fallbackText)).toMatch(/October 2026/);

    // …and from the 1:1 chat too: already posted, so nothing is posted twice.
    since = teams.connector.calls.length;
    await post(message(priya, teams.connector.serviceUrl, `digest ${OPEN_MONTH}`));
    expect((await jobCardToTheEnd(teams.connector.calls, personalConversationId(priya), since)).at(-1)!.text).toMatch(/already posted earlier, not posted again/);
  });

  it('lets the admin correct a closed month\'s figure from the card, as a new version under their name', async () => {
    await post(message(priya, teams.connector.serviceUrl, `correct SRV01 ${CLOSED_MONTH}`));
    const card = cardOf(lastTo(priya));
    expect(cardText(card)).toMatch(/Correction by the performance team/);
    const ids = inputIds(card).filter((id) => id.startsWith('value:'));
    expect(ids).toHaveLength(1);
    const srv01 = ids[0]!.slice('value:'.length);
    const action = (card.actions as { verb: string; data: Record<string, unknown> }[])[0]!;
    expect(action).toMatchObject({ verb: 'entry.submit', data: { period: CLOSED_MONTH, correct: srv01 } });
    corrected = srv01;

    // The owner presses Submit on such a card: refused in place, nothing stored.
    const refused = await act(gareth, 'entry.submit', { ...action.data, [`value:${srv01}`]: '12.0' });
    expect(JSON.stringify(refused.value)).toMatch(/Only the performance team can correct figures/);

    // 21.5 is within what SRV01 usually reports, so it is stored without being asked about (#16).
    const saved = await act(priya, 'entry.submit', { ...action.data, [`value:${srv01}`]: '21.5', [`note:${srv01}`]: 'Recount after audit' });
    expect(saved.type).toBe('application/vnd.microsoft.card.adaptive');
    const text = cardText(saved.value as Record<string, unknown>);
    expect(text).toMatch(/Saved 1 value/);
    expect(text).toMatch(/21\.5 days/);
    expect(text).toMatch(/Priya Shah/);
  });

  it('refuses someone from another organisation\'s tenant, storing nothing but the audit', async () => {
    const outsiderActivity = (activity: ReturnType<typeof message>) => ({
      ...activity,
      conversation: { ...activity.conversation, tenantId: OTHER_TENANT },
      channelData: { tenant: { id: OTHER_TENANT } },
    });
    expect((await post(outsiderActivity(installation(outsider, teams.connector.serviceUrl) as never))).status).toBe(200);
    expect(lastTextTo(outsider)).toMatch(/another organisation/);
    expect((await post(outsiderActivity(message(outsider, teams.connector.serviceUrl, 'help')))).status).toBe(200);
    expect(lastTextTo(outsider)).toMatch(/another organisation.*Nothing was stored/);
    const invoke = await post(outsiderActivity(cardAction(outsider, teams.connector.serviceUrl, 'entry.submit', { period: OPEN_MONTH }) as never));
    expect(invoke.status).toBe(200);
    expect(invoke.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: expect.stringMatching(/another organisation/) });

    const tabReply = await tab('/api/tab/scorecard', { oid: outsider.aadObjectId, email: outsider.email, name: outsider.name }, OTHER_TENANT);
    expect(tabReply.status).toBe(401);
    expect(JSON.stringify(tabReply.body)).not.toMatch(/SRV01/);
  });

  it('lets a reader from the council\'s tenant who is not in the register read the Scorecard tab', async () => {
    const councillor: EntraUser = { oid: '33333333-4444-4555-8666-777777777777', email: 'cllr.jones@fenmarsh.gov.uk', name: 'Cllr Jones' };
    const scorecard = await tab('/api/tab/scorecard', councillor);
    expect(scorecard.status).toBe(200);
    expect(scorecard.body.viewer).toEqual({ name: 'Cllr Jones', email: councillor.email, isAdmin: false });
    expect((scorecard.body.indicators as unknown[]).length).toBe(22);
    const indicator = await tab('/api/tab/indicator?code=SRV01', councillor);
    expect(indicator.status).toBe(200);
    expect(indicator.body).toMatchObject({ code: 'SRV01', history: { namesShown: false } });
    const me = await tab('/api/tab/me', councillor);
    expect(me.status).toBe(200);
    expect(me.body.indicators).toEqual([]);
  });

  it('kept the correction as a new version and the refusals in the audit, and stored nothing for the outsider', async () => {
    expect(await server.stop()).toBe(0);
    const versions = await query<{ version: number; value: string; source: string; entered_by: string | null }>(
      `SELECT v.version, v.value::text, v.source, p.display_name AS entered_by FROM indicator_value v LEFT JOIN person p ON p.id = v.entered_by_id
        WHERE v.indicator_id = $1 AND v.period = $2 ORDER BY v.version`, [corrected, CLOSED_MONTH],
    );
    // The demo's figure (loaded, not typed on a card), then the admin's correction as the next version.
    expect(versions.length).toBeGreaterThanOrEqual(2);
    expect(versions.at(-1)).toEqual({ version: versions.at(-2)!.version + 1, value: expect.stringMatching(/^21\.50*$/), source: 'CARD', entered_by: 'Priya Shah' });
    expect(versions.at(-2)!.source).not.toBe('CARD');

    const audit = await query<{ action: string; actor_label: string }>(
      `SELECT action, actor_label FROM audit_log WHERE action IN ('command.refused', 'submission.refused', 'tenant.refused', 'person.enrolled') ORDER BY id`,
    );
    expect(audit).toEqual([
      { action: 'person.enrolled', actor_label: 'Priya Shah' },
      { action: 'command.refused', actor_label: 'Gareth Lewis' },
      { action: 'command.refused', actor_label: 'Gareth Lewis' },
      { action: 'submission.refused', actor_label: 'Gareth Lewis' },
      // The install, the message and the card action; the tab's token from another tenant is refused by the token check itself (401).
      { action: 'tenant.refused', actor_label: 'Olu Guest' },
      { action: 'tenant.refused', actor_label: 'Olu Guest' },
      { action: 'tenant.refused', actor_label: 'Olu Guest' },
    ]);
    expect(await query(`SELECT 1 FROM conversation WHERE aad_object_id = $1 OR conversation_id = $2`, [outsider.aadObjectId, personalConversationId(outsider)])).toEqual([]);
    expect(await query(`SELECT 1 FROM person WHERE aad_object_id = $1 OR email = $2`, [outsider.aadObjectId, outsider.email])).toEqual([]);
    const [channel] = await query<{ set_by: string }>(`SELECT p.display_name AS set_by FROM board_channel b JOIN person p ON p.id = b.set_by_id`);
    expect(channel).toEqual({ set_by: 'Priya Shah' });
    const [admin] = await query<{ roles: string }>(`SELECT string_agg(r.role::text, ',') AS roles FROM person p JOIN person_role r ON r.person_id = p.id WHERE p.email = $1`, [priya.email]);
    expect(admin).toEqual({ roles: 'ADMIN' });
  });
});
