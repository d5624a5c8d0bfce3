/**
 * Sign-off by the verifier, end to end (#16): the real server over HTTP with the Teams stand-ins
 * and its own dispatcher, on the demo data. Nadia Rahman verifies SRV01 and SRV02 (Gareth's) and
 * FIN01 (Sarah's, whose October figure the demo holds). Gareth submits; Nadia is told once, in her
 * chat; Robert (the performance lead, not the verifier) cannot verify; Nadia verifies two and
 * queries one; Sarah gets the query in her chat, opens her entry card from it and corrects the
 * figure; Nadia is told again and verifies the correction. What was decided is stored against each version and audited.
 */
import { startServer, type RunningServer } from '../support/child-process';
import { until } from '../support/until';
import { postActivity } from '../support/teams/post-activity';
import { TeamsStandIns } from '../support/teams/teams-stand-ins';
import { cardAction, installation, message, personalConversationId, type TeamsUser } from '../support/teams/activities';
import { allElements, cardOf, cardText } from '../support/card-json';
import { DEMO_PEOPLE } from '../../src/demo/demo-people';
import { BACKENDS, serverDatabase } from '../support/test-database';
import { CLOCK_START_ENV, OPEN_MONTH } from '../support/clock-start';
import { periodKey } from '../../src/domain/periods';
import { openDatabase } from '../../src/db/open-database';
import { VERIFY_VERBS, verifyInputIds } from '../../src/cards/verification/verification-contract';

const user = (key: keyof typeof DEMO_PEOPLE, teamsId: string): TeamsUser => ({
  teamsId, aadObjectId: DEMO_PEOPLE[key].aadObjectId, name: DEMO_PEOPLE[key].name, email: DEMO_PEOPLE[key].email,
});
const gareth = user('benefitsManager', '29:gareth-lewis'); // owns SRV01
const sarah = user('revenuesManager', '29:sarah-whitfield'); // owns FIN01
const nadia = user('performanceOfficer', '29:nadia-rahman'); // verifies SRV01, SRV02 and FIN01 (the demo's October figure)
const robert = user('performanceLead', '29:robert-hughes'); // the performance team, not their verifier
const period = periodKey(OPEN_MONTH);

type Card = Record<string, unknown>;

describe.each(BACKENDS)('verification and sign-off, end to end [%s]', (backend) => {
  const teams = new TeamsStandIns();
  let server: RunningServer;
  let databaseUrl = '';
  let closeDatabase: () => Promise<void> = async () => {};

  const post = (activity: Record<string, unknown>) => postActivity(server.baseUrl, teams, activity);
  async function act(who: TeamsUser, verb: string, data: Record<string, unknown>): Promise<Card> {
    const reply = await post(cardAction(who, teams.connector.serviceUrl, verb, data));
    expect(reply.status).toBe(200);
    const body = reply.body as { type: string; value: unknown };
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    return body.value as Card;
  }
  const messagesTo = (who: TeamsUser) => teams.connector.messagesIn(personalConversationId(who));
  const cardsTo = (who: TeamsUser, text: RegExp) => messagesTo(who).filter((m) => (m.attachments as unknown[] | undefined)?.length && text.test(cardText(cardOf(m))));
  /** A row's indicator id, from its input labelled with the code ("SRV01 value (days)", "Decision for SRV01"). */
  const idOf = (card: Card, code: string) => {
    const input = allElements(card).find((e) => /^(value|verifyDecision):/.test(String(e.id ?? '')) && new RegExp(`^(${code} value|Decision for ${code}$)`).test(String(e.label ?? '')));
    if (!input) throw new Error(`no input for ${code} in ${cardText(card).slice(0, 400)}`);
    return String(input.id).split(':')[1]!;
  };
  const actionData = (card: Card, verb: string) => (card.actions as { verb: string; data: Record<string, unknown> }[]).find((a) => a.verb === verb)!.data;
  /** An owner's figure: last period's, as the card shows it, within what the indicator usually reports. */
  const lastFigure = (card: Card, code: string) => {
    const line = allElements(card).map((e) => String(e.text ?? '')).find((t, i, all) => all[i - 1]?.startsWith(`${code} · `) && /Last: /.test(t))!;
    return /Last: ([\d,.]+)/.exec(line)![1]!.replace(/,/g, '');
  };
  async function submitLast(who: TeamsUser, code: string): Promise<Card> {
    await post(message(who, teams.connector.serviceUrl, 'submit'));
    const card = cardOf(messagesTo(who).at(-1));
    const id = idOf(card, code);
    const figure = lastFigure(card, code);
    return act(who, 'entry.submit', { period, [`value:${id}`]: figure, [`confirm:${id}`]: figure });
  }

  beforeAll(async () => {
    await teams.start();
    for (const u of [gareth, sarah, nadia, robert]) teams.connector.addMember({ id: u.teamsId, name: u.name, aadObjectId: u.aadObjectId, email: u.email });
    ({ url: databaseUrl, close: closeDatabase } = await serverDatabase(backend, 'verification'));
    server = await startServer({ ...teams.serverEnv(), ...CLOCK_START_ENV, DATABASE_URL: databaseUrl, LOAD_DEMO_DATA: 'true', CYCLE_SCHEDULER_ENABLED: 'false' });
    for (const u of [gareth, sarah, nadia, robert]) expect((await post(installation(u, teams.connector.serviceUrl))).status).toBe(200);
  });
  afterAll(async () => {
    await server?.stop();
    await teams.stop();
    await closeDatabase();
  });

  let verifyCard: Card = {};

  it('tells the verifier once, in her chat, when the owners submit figures she verifies', async () => {
    expect(cardText(await submitLast(gareth, 'SRV01'))).toMatch(/Saved 1 value/);
    const prompt = await until('the verifier\'s card', () => cardsTo(nadia, /Figures to verify for/)[0]);
    expect(String(prompt.text)).toMatch(/^Gareth Lewis submitted figures you verify for .*Verify or query them on the card/);
    expect(cardText(await submitLast(gareth, 'SRV02'))).toMatch(/Saved 1 value/);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(cardsTo(nadia, /Figures to verify for/)).toHaveLength(1); // once per period, not once per figure

    // Her card, as Teams refreshes it when she looks: the three figures awaiting her.
    verifyCard = await act(nadia, VERIFY_VERBS.refresh, actionData(cardOf(prompt), VERIFY_VERBS.decide));
    const text = cardText(verifyCard);
    for (const code of ['FIN01', 'SRV01', 'SRV02']) expect(text).toMatch(new RegExp(`${code} · `));
    expect(text).toMatch(/Verified 0 of 3/);
    expect(allElements(verifyCard).filter((e) => String(e.id ?? '').startsWith('verifyDecision:'))).toHaveLength(3);
  });

  it('refuses someone who is not the named verifier, even of the performance team, changing nothing', async () => {
    const card = await act(robert, VERIFY_VERBS.decide, { ...actionData(verifyCard, VERIFY_VERBS.decide), [verifyInputIds.decision(idOf(verifyCard, 'SRV01'))]: 'VERIFY' });
    expect(cardText(card)).toMatch(/Nothing was changed: you are not the named verifier of a figure on this card/);
    const refusedAll = await act(robert, VERIFY_VERBS.verifyAll, actionData(verifyCard, VERIFY_VERBS.verifyAll));
    expect(cardText(refusedAll)).toMatch(/Nothing was changed/);
    // Nadia's card as it stands: nothing decided.
    expect(cardText(await act(nadia, VERIFY_VERBS.refresh, actionData(verifyCard, VERIFY_VERBS.decide)))).toMatch(/Verified 0 of 3/);
  });

  it('refuses a query without a comment in place, storing nothing', async () => {
    const card = await act(nadia, VERIFY_VERBS.decide, {
      ...actionData(verifyCard, VERIFY_VERBS.decide),
      [verifyInputIds.decision(idOf(verifyCard, 'SRV01'))]: 'VERIFY', [verifyInputIds.decision(idOf(verifyCard, 'FIN01'))]: 'QUERY',
    });
    expect(cardText(card)).toMatch(/Nothing was changed: one decision needs fixing/);
    expect(cardText(card)).toMatch(/Say what to check in the comment/);
    expect(cardText(card)).toMatch(/Verified 0 of 3/);
    expect(cardText(card)).not.toMatch(/Verified by/);
  });

  it('verifies two figures and queries one; the query reaches the owner\'s chat with its comment', async () => {
    const card = await act(nadia, VERIFY_VERBS.decide, {
      ...actionData(verifyCard, VERIFY_VERBS.decide),
      [verifyInputIds.decision(idOf(verifyCard, 'SRV01'))]: 'VERIFY',
      [verifyInputIds.decision(idOf(verifyCard, 'SRV02'))]: 'VERIFY',
      [verifyInputIds.decision(idOf(verifyCard, 'FIN01'))]: 'QUERY',
      [verifyInputIds.comment(idOf(verifyCard, 'FIN01'))]: 'Is this the year so far? It is above the profile for October.',
    });
    const text = cardText(card);
    expect(text).toMatch(/Verified 2 figures\. Queried 1 figure: it has gone to the owner with your comment\./);
    expect(text).toMatch(/Verified 2 of 3/);
    expect(text).toMatch(/Verified by Nadia Rahman/);
    expect(text).toMatch(/Queried by Nadia Rahman, .*: Is this the year so far\?/);

    const queryMessage = await until('the query in Sarah\'s chat', () => cardsTo(sarah, /FIN01's figure for .* was queried/)[0]);
    expect(String(queryMessage.text)).toBe('Nadia Rahman queried your figure for FIN01.');
    expect(cardText(cardOf(queryMessage))).toMatch(/Is this the year so far\? It is above the profile for October\./);
    queryCard = cardOf(queryMessage);
  });

  let queryCard: Card = {};

  it('lets the owner correct the queried figure from the query card; the verifier is told and verifies the correction', async () => {
    const valueId = String(actionData(queryCard, VERIFY_VERBS.correctQueried).valueId);
    // Someone else cannot answer Sarah's query.
    const refused = await post(cardAction(gareth, teams.connector.serviceUrl, VERIFY_VERBS.confirmQueried, { valueId }));
    expect(JSON.stringify(refused.body)).toMatch(/Only FIN01's owner or a named delegate can answer a query/);

    const entry = await act(sarah, VERIFY_VERBS.correctQueried, { valueId });
    expect(cardText(entry)).toMatch(/Performance figures for/);
    const fin01 = idOf(entry, 'FIN01');
    const corrected = String(Number(lastFigure(entry, 'FIN01')) + 8);
    const saved = await act(sarah, 'entry.submit', { period, [`value:${fin01}`]: corrected, [`confirm:${fin01}`]: corrected });
    expect(cardText(saved)).toMatch(/Saved 1 value/);

    const again = await until('the verifier told of the correction', () => cardsTo(nadia, /Figures to verify for/).find((m) => /corrected FIN01's figure/.test(String(m.text))));
    const fresh = await act(nadia, VERIFY_VERBS.refresh, actionData(cardOf(again), VERIFY_VERBS.decide));
    expect(cardText(fresh)).toMatch(/Queried earlier: Is this the year so far\?.*Corrected since \(version 2\)/);
    const done = await act(nadia, VERIFY_VERBS.verifyAll, actionData(fresh, VERIFY_VERBS.verifyAll));
    expect(cardText(done)).toMatch(/Verified 1 figure\./);
    expect(cardText(done)).toMatch(/Verified 3 of 3/);
  });

  it('counts the month\'s verified figures in the performance team\'s cycle status', async () => {
    await post(message(robert, teams.connector.serviceUrl, `cycle status ${period}`));
    expect(String(messagesTo(robert).at(-1)?.text)).toMatch(new RegExp(`${period}: prompts .*; verified 3 of 3`));
  });

  it('shows the performance team the month\'s data quality, and refuses anyone else', async () => {
    await post(message(robert, teams.connector.serviceUrl, `data quality ${period}`));
    const card = cardOf(messagesTo(robert).at(-1));
    expect(cardText(card)).toMatch(/^Data quality: October 2026/);
    // FIN01 was queried once (and corrected while the period is open, so not after its close).
    expect(cardText(card)).toMatch(/Queries raised\s+1/);
    await post(message(gareth, teams.connector.serviceUrl, `data quality ${period}`));
    expect(String(messagesTo(gareth).at(-1)?.text)).toMatch(/^Only the performance team can see the data-quality measures/);
  });

  it('kept every decision against the version it was made for, audited', async () => {
    expect(await server.stop()).toBe(0);
    const rows = await query<{ code: string; version: number; decision: string; by: string }>(`
      SELECT i.code, v.version, d.decision::text AS decision, p.display_name AS by
        FROM value_verification d JOIN indicator_value v ON v.id = d.value_id JOIN indicator i ON i.id = v.indicator_id
        JOIN person p ON p.id = d.decided_by_id ORDER BY i.code, v.version, d.decided_at`);
    const mine = (code: string) => rows.filter((r) => r.code === code).map((r) => [r.version > 1 ? 'later' : 'first', r.decision, r.by]);
    expect(mine('SRV01')).toEqual([['first', 'VERIFIED', 'Nadia Rahman']]);
    expect(mine('SRV02')).toEqual([['first', 'VERIFIED', 'Nadia Rahman']]);
    expect(mine('FIN01')).toEqual([['first', 'QUERIED', 'Nadia Rahman'], ['later', 'VERIFIED', 'Nadia Rahman']]);
    const audit = await query<{ action: string; n: number }>(
      `SELECT action, count(*)::int AS n FROM audit_log WHERE action LIKE 'value.%ed' AND action IN ('value.verified', 'value.queried') GROUP BY action ORDER BY action`,
    );
    expect(audit).toEqual([{ action: 'value.queried', n: 1 }, { action: 'value.verified', n: 3 }]);
    expect(await query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'verification.refused'`)).toEqual([{ n: 2 }]);
  });

  async function query<T = Record<string, unknown>>(sql: string): Promise<T[]> {
    const database = await openDatabase(databaseUrl, { purpose: 'test check' });
    try {
      return await database.sql.query<T>(sql);
    } finally {
      await database.close();
    }
  }
});
