/**
 * The bot in Teams, end to end: the real server (as `npm start` runs it) over HTTP, with local
 * stand-ins for the channel's OpenID keys, the token authority (TLS, trusted via
 * NODE_EXTRA_CA_CERTS) and the Bot Connector, and real tokens minted for every request.
 */
import { startServer, type RunningServer } from '../support/child-process';
import { TeamsStandIns } from '../support/teams/teams-stand-ins';
import { installation, message, cardAction, personalConversationId, type TeamsUser } from '../support/teams/activities';
import { cardOf, cardText, inputIds } from '../support/card-json';
import { openDatabase } from '../../src/db/open-database';
import { DEMO_PEOPLE } from '../../src/demo/demo-people';
import { BACKENDS, serverDatabase } from '../support/test-database';
import { CLOCK_START_ENV, OPEN_MONTH } from '../support/clock-start';
import { periodKey } from '../../src/domain/periods';
import { jobCardToTheEnd, jobCardsIn } from '../support/job-cards';

const gareth: TeamsUser = { teamsId: '29:gareth-lewis', aadObjectId: DEMO_PEOPLE.benefitsManager.aadObjectId, name: 'Gareth Lewis', email: DEMO_PEOPLE.benefitsManager.email };
const tom: TeamsUser = { teamsId: '29:tom-hargreaves', aadObjectId: DEMO_PEOPLE.wasteManager.aadObjectId, name: 'Tom Hargreaves', email: DEMO_PEOPLE.wasteManager.email };
const robert: TeamsUser = { teamsId: '29:robert-hughes', aadObjectId: DEMO_PEOPLE.performanceLead.aadObjectId, name: 'Robert Hughes', email: DEMO_PEOPLE.performanceLead.email };
const stranger: TeamsUser = { teamsId: '29:a-stranger', aadObjectId: '0f0e0d0c-0b0a-4909-8807-060504030201', name: 'Sam Visitor', email: 'sam.visitor@elsewhere.gov.uk' };
/** In the register by email only: linked by the email Teams reports for them. */
const chloeWithNewId: TeamsUser = { teamsId: '29:chloe-evans', aadObjectId: '11111111-2222-4333-8444-555555555555', name: 'Chloe Evans', email: DEMO_PEOPLE.benefitsOfficer.email };

describe.each(BACKENDS)('the bot in Teams, end to end [%s]', (backend) => {
  const teams = new TeamsStandIns();
  let server: RunningServer;
  let databaseUrl: string;
  let closeDatabase: () => Promise<void> = async () => {};

  async function post(activity: Record<string, unknown>, authorization?: string | null) {
    const auth = authorization === undefined ? await teams.channel.authorization(String(activity.serviceUrl)) : authorization;
    const response = await fetch(`${server.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
      body: JSON.stringify(activity),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  const lastMessageTo = (user: TeamsUser) => teams.connector.messagesIn(personalConversationId(user)).at(-1);

  /** Sends a card action and returns the card Teams would show in its place. */
  async function act(user: TeamsUser, verb: string, data: Record<string, unknown>) {
    const reply = await post(cardAction(user, teams.connector.serviceUrl, verb, data));
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    return reply.body.value as Record<string, unknown>;
  }

  beforeAll(async () => {
    await teams.start();
    for (const user of [gareth, tom, robert, stranger, chloeWithNewId]) teams.connector.addMember({ id: user.teamsId, name: user.name, aadObjectId: user.aadObjectId, email: user.email });
    ({ url: databaseUrl, close: closeDatabase } = await serverDatabase(backend, 'bot'));
    server = await startServer({ ...teams.serverEnv(), ...CLOCK_START_ENV, DATABASE_URL: databaseUrl, LOAD_DEMO_DATA: 'true' });
  });
  afterAll(async () => {
    await server?.stop();
    await teams.stop();
    await closeDatabase();
  });

  let period = '';
  let srv01 = '';
  let srv02 = '';

  it('welcomes an owner who installs the app, replying through the connector with its own token', async () => {
    const reply = await post(installation(gareth, teams.connector.serviceUrl));
    expect(reply.status).toBe(200);
    const welcome = lastMessageTo(gareth);
    expect(cardText(cardOf(welcome))).toMatch(/Hello Gareth/);
    expect(cardText(cardOf(welcome))).toMatch(/my indicators/);
    expect(teams.connector.calls.every((c) => c.authorised)).toBe(true);
    expect(teams.authority.tokensIssued).toBeGreaterThanOrEqual(1);
  });

  it('tells someone not in the register, politely, who to contact', async () => {
    expect((await post(installation(stranger, teams.connector.serviceUrl))).status).toBe(200);
    const text = cardText(cardOf(lastMessageTo(stranger)));
    expect(text).toMatch(/not in .*register/i);
    expect(text).toMatch(/the performance team/);
  });

  it('links a person known only by email, using the email Teams reports', async () => {
    expect((await post(message(chloeWithNewId, teams.connector.serviceUrl, 'help'))).status).toBe(200);
    expect(cardText(cardOf(lastMessageTo(chloeWithNewId)))).toMatch(/Hello Chloe/);
  });

  it('answers help, and free text it does not know with the help card', async () => {
    await post(message(gareth, teams.connector.serviceUrl, 'help'));
    expect(cardText(cardOf(lastMessageTo(gareth)))).toMatch(/submit/);
    await post(message(gareth, teams.connector.serviceUrl, 'what about the weather'));
    const text = cardText(cardOf(lastMessageTo(gareth)));
    expect(text).toMatch(/"what about the weather" is not something I know/);
    expect(text).toMatch(/my indicators/);
  });

  it('lists the owner\'s indicators with value, status and trend', async () => {
    await post(message(gareth, teams.connector.serviceUrl, 'my indicators'));
    const text = cardText(cardOf(lastMessageTo(gareth)));
    expect(text).toMatch(/SRV01/);
    expect(text).toMatch(/Days to process new Housing Benefit/);
    expect(text).toMatch(/SRV02/);
    expect(text).not.toMatch(/FIN01/);
  });

  it('sends the entry card for the open period on "submit"', async () => {
    await post(message(gareth, teams.connector.serviceUrl, 'submit'));
    const card = cardOf(lastMessageTo(gareth));
    expect(card.version).toBe('1.5');
    const ids = inputIds(card).filter((id) => id.startsWith('value:'));
    expect(ids).toHaveLength(2);
    const text = cardText(card);
    expect(text).toMatch(/SRV01/);
    const action = (card.actions as { verb: string; data: { period: string } }[])[0]!;
    expect(action.verb).toBe('entry.submit');
    period = action.data.period;
    expect(period).toMatch(/^\d{4}-\d{2}$/);
    expect(period).toBe(periodKey(OPEN_MONTH)); // the demo's open month on the server's clock
    // Card order follows the register's codes.
    [srv01, srv02] = ids.map((id) => id.slice('value:'.length)) as [string, string];
  });

  it('refuses an invalid value in place, storing nothing', async () => {
    const card = await act(gareth, 'entry.submit', { period, [`value:${srv01}`]: '-5', [`value:${srv02}`]: '8.5' });
    const text = cardText(card);
    expect(text).toMatch(/Nothing was stored/);
    expect(text).toMatch(/SRV01.*negative/i);
    expect(JSON.stringify(card)).toContain('"value":8.5'); // what was typed is kept
  });

  it('asks about a figure unusual for its indicator before storing anything (#16)', async () => {
    // The demo's SRV01 has run between about 20 and 24 days for two years: 17.3 is below its limits.
    const card = await act(gareth, 'entry.submit', { period, [`value:${srv01}`]: '17.3', [`value:${srv02}`]: '8.5', [`note:${srv02}`]: 'Two staff back from leave' });
    const text = cardText(card);
    expect(text).toMatch(/Nothing was stored: one figure is unusual for its indicator/);
    expect(text).toMatch(/SRV01 Days to process new Housing Benefit and Council Tax Support claims: 17\.3 days is below what it usually reports \(.* from its last 24 figures\)/);
    expect(text).toMatch(/0 of 2 submitted/);
    expect(inputIds(card)).toEqual(expect.arrayContaining([`confirm:${srv01}`]));
    expect(inputIds(card)).not.toContain(`confirm:${srv02}`);
    expect(JSON.stringify(card)).toContain('"value":8.5'); // what was typed is kept
  });

  it('stores an unusual figure once its owner confirms it, with each status and who submitted when', async () => {
    const card = await act(gareth, 'entry.submit', {
      period, [`value:${srv01}`]: '17.3', [`confirm:${srv01}`]: '17.3', [`value:${srv02}`]: '8.5', [`note:${srv02}`]: 'Two staff back from leave',
    });
    const text = cardText(card);
    expect(text).toMatch(/Saved 2 values/);
    expect(text).toMatch(/Saved: 17\.3 days \(unusual, confirmed\) — Green/);
    expect(text).toMatch(/Gareth Lewis/);
  });

  it('changes nothing when the same submission is replayed, and does not ask again', async () => {
    const card = await act(gareth, 'entry.submit', { period, [`value:${srv01}`]: '17.3', [`value:${srv02}`]: '8.5', [`note:${srv02}`]: 'Two staff back from leave' });
    expect(cardText(card)).toMatch(/No changes: these values were already stored/);
  });

  it('asks about a mistyped figure, and stores the corrected one without the flag', async () => {
    const typo = await act(gareth, 'entry.submit', { period, [`value:${srv01}`]: '230' });
    expect(cardText(typo)).toMatch(/230\.0 days is above what it usually reports/);
    expect(cardText(typo)).toMatch(/Saved: 17\.3 days/); // still what is stored
  });

  it('asks for the narrative when a value rates red, and stores it', async () => {
    // The corrected figure: red, but within what SRV01 usually reports.
    const red = await act(gareth, 'entry.submit', { period, [`value:${srv01}`]: '23' });
    const text = cardText(red);
    expect(text).not.toMatch(/unusual/);
    expect(text).toMatch(/Red/);
    expect(text).toMatch(/SRV01 is off target: please tell us the remedial action/);
    expect(inputIds(red)).toEqual(expect.arrayContaining([`remedial:${srv01}`, `recover:${srv01}`, `recoveryPeriod:${srv01}`]));

    const incomplete = await act(gareth, 'entry.narrative', { period, indicatorId: srv01, [`remedial:${srv01}`]: 'Agency staff', [`recover:${srv01}`]: 'maybe' });
    expect(cardText(incomplete)).toMatch(/choose whether it is likely to be enough/);

    const saved = await act(gareth, 'entry.narrative', {
      period, indicatorId: srv01,
      [`remedial:${srv01}`]: 'Two agency assessors from 1 December; overtime on backlog at weekends.',
      [`recover:${srv01}`]: 'YES', [`recoveryPeriod:${srv01}`]: '2027-01',
    });
    expect(cardText(saved)).toMatch(/Saved the narrative for SRV01/);
    expect(cardText(saved)).toMatch(/Narrative given by Gareth Lewis/);
  });

  it('refuses someone who is neither owner nor delegate, storing nothing', async () => {
    const card = await act(tom, 'entry.submit', { period, [`value:${srv01}`]: '5' });
    expect(cardText(card)).toMatch(/Nothing was stored: you are not the owner or a named delegate/);
  });

  it('refuses the cycle commands to someone who is not an admin', async () => {
    await post(message(gareth, teams.connector.serviceUrl, `open ${period}`));
    expect(lastMessageTo(gareth)?.text).toMatch(/Only the performance team can run the cycle/);
  });

  it('lets an admin open the month on demand: the entry card reaches the owner through the outbox', async () => {
    await post(installation(robert, teams.connector.serviceUrl));
    expect(cardText(cardOf(lastMessageTo(robert)))).toMatch(/cycle status 2026-10/); // admins see their commands in help
    const before = teams.connector.messagesIn(personalConversationId(gareth)).length;
    let since = teams.connector.calls.length;
    await post(message(robert, teams.connector.serviceUrl, `open ${period}`));
    // Answered at once with the step's progress card, which is updated until it says what the step did.
    expect(jobCardsIn(teams.connector.calls.slice(since), personalConversationId(robert))[0]).toMatchObject({ state: 'Starting…', call: { kind: 'reply' } });
    expect((await jobCardToTheEnd(teams.connector.calls, personalConversationId(robert), since)).at(-1)!.text).toMatch(new RegExp(`open ${period}.*1 message queued`));
    // The dispatcher sends it: Gareth receives his entry card in his own chat.
    const deadline = Date.now() + 120_000; // ends a hang only: the loop ends when the card arrives
    while (teams.connector.messagesIn(personalConversationId(gareth)).length === before && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const prompt = teams.connector.messagesIn(personalConversationId(gareth)).at(-1);
    expect(prompt?.text).toMatch(/performance figures are due by/);
    expect(inputIds(cardOf(prompt))).toEqual(expect.arrayContaining([`value:${srv01}`]));

    since = teams.connector.calls.length;
    await post(message(robert, teams.connector.serviceUrl, `open ${period}`));
    expect((await jobCardToTheEnd(teams.connector.calls, personalConversationId(robert), since)).at(-1)!.text).toMatch(/0 messages queued, 1 already sent or queued earlier/);
    await post(message(robert, teams.connector.serviceUrl, `cycle status ${period}`));
    expect(lastMessageTo(robert)?.text).toMatch(new RegExp(`${period}: prompts 1 sent, 0 pending, 0 failed`));
  });

  it.each([
    ['no Authorization header', async () => null],
    ['an expired token', async () => teams.channel.authorization(teams.connector.serviceUrl, { expiresIn: -600 })],
    ['a token not yet valid', async () => teams.channel.authorization(teams.connector.serviceUrl, { notBeforeIn: 600 })],
    ['a forged token (another key, the known key id)', async () => teams.channel.authorization(teams.connector.serviceUrl, { forged: true })],
    ['a token for another app', async () => teams.channel.authorization(teams.connector.serviceUrl, { audience: 'another-app-id' })],
    ['a token from another issuer', async () => teams.channel.authorization(teams.connector.serviceUrl, { issuer: 'https://evil.example' })],
    ['a token for another service URL', async () => teams.channel.authorization(teams.connector.serviceUrl, { serviceUrl: 'https://smba.trafficmanager.net/evil/' })],
  ])('answers 401 to %s and never runs the bot', async (_case, authorization) => {
    const before = teams.connector.calls.length;
    const reply = await post(message(gareth, teams.connector.serviceUrl, 'help'), await authorization());
    expect(reply.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(teams.connector.calls.length).toBe(before);
  });

  it('kept exactly what was accepted: versions, narrative, refusals and conversations, audited', async () => {
    expect(await server.stop()).toBe(0);
    const database = await openDatabase(databaseUrl, { purpose: 'test check' });
    try {
      const values = await database.sql.query<{ version: number; value: string; source: string; unusual_confirmed: boolean }>(
        `SELECT v.version, v.value::text, v.source, v.unusual_confirmed FROM indicator_value v WHERE v.indicator_id = $1 AND v.period = $2 ORDER BY v.version`,
        [srv01, period],
      );
      // The confirmed outlier and the corrected figure; the questioned ones were never stored.
      expect(values.filter((v) => v.source === 'CARD').map((v) => [Number(v.value), v.unusual_confirmed])).toEqual([[17.3, true], [23, false]]);
      const narratives = await database.sql.query<{ likely_to_recover: string; recovery_period: string }>(
        `SELECT n.likely_to_recover, n.recovery_period FROM value_narrative n JOIN indicator_value v ON v.id = n.value_id WHERE v.indicator_id = $1`, [srv01],
      );
      expect(narratives).toEqual([{ likely_to_recover: 'YES', recovery_period: '2027-01' }]);
      const refusals = await database.sql.query<{ actor_label: string; action: string }>(
        `SELECT actor_label, action FROM audit_log WHERE action IN ('submission.refused', 'command.refused') ORDER BY id`,
      );
      expect(refusals).toEqual([
        { actor_label: 'Tom Hargreaves', action: 'submission.refused' },
        { actor_label: 'Gareth Lewis', action: 'command.refused' },
      ]);
      const conversation = await database.sql.query<Record<string, string | null>>(
        `SELECT kind, service_url, tenant_id, teams_user_id, aad_object_id, person_id IS NOT NULL AS linked FROM conversation WHERE conversation_id = $1`,
        [personalConversationId(gareth)],
      );
      expect(conversation).toEqual([{ kind: 'PERSONAL', service_url: teams.connector.serviceUrl, tenant_id: expect.any(String), teams_user_id: gareth.teamsId, aad_object_id: gareth.aadObjectId, linked: true }]);
      const chloe = await database.sql.query<{ aad_object_id: string }>(`SELECT aad_object_id FROM person WHERE email = $1`, [chloeWithNewId.email]);
      expect(chloe).toEqual([{ aad_object_id: chloeWithNewId.aadObjectId }]);
    } finally {
      await database.close();
    }
  });
});
