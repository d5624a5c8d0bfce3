/**
 * One exception per problem, end to end: the real server over HTTP with the Teams stand-ins and
 * its own dispatcher. SRV01 is red in July, August and September (the demo's history) and green
 * in October (entered by its owner). The admin posts each month's digest in turn: SRV01 gets
 * exactly one thread, with one message for each red month (its first, then an update each month)
 * and its first message refreshed; one plan, asked in July and carried over; one "not recovered
 * as expected" card to its director when September is still red after the plan's August; and a
 * closing update when October is green.
 */
import { startServer, type RunningServer } from '../support/child-process';
import { until } from '../support/until';
import { jobCardToTheEnd } from '../support/job-cards';
import { postActivity } from '../support/teams/post-activity';
import { TeamsStandIns } from '../support/teams/teams-stand-ins';
import { cardAction, channelMessage, installation, message, personalConversationId, type ChannelPlace, type TeamsUser } from '../support/teams/activities';
import { allElements, cardOf, cardText } from '../support/card-json';
import { DEMO_PEOPLE } from '../../src/demo/demo-people';
import { BACKENDS, serverDatabase } from '../support/test-database';
import { BOARD_VERBS, planInputIds, recoveryInputIds } from '../../src/cards/board/board-contract';
import { CLOCK_START_ENV, OPEN_MONTH } from '../support/clock-start';
import { periodKey } from '../../src/domain/periods';

const user = (key: keyof typeof DEMO_PEOPLE, teamsId: string): TeamsUser => ({
  teamsId, aadObjectId: DEMO_PEOPLE[key].aadObjectId, name: DEMO_PEOPLE[key].name, email: DEMO_PEOPLE[key].email,
});
const gareth = user('benefitsManager', '29:gareth-lewis'); // owns SRV01
const marcus = user('resourcesDirector', '29:marcus-webb'); // SRV01's director
const robert = user('performanceLead', '29:robert-hughes'); // admin
const board: ChannelPlace = { teamId: '19:board-team@thread.tacv2', channelId: '19:board-channel@thread.tacv2', conversationId: '19:board-channel@thread.tacv2' };

describe.each(BACKENDS)('exceptions that follow the problem, end to end [%s]', (backend) => {
  const teams = new TeamsStandIns();
  let server: RunningServer;
  let closeDatabase: () => Promise<void> = async () => {};

  const post = (activity: Record<string, unknown>) => postActivity(server.baseUrl, teams, activity);
  async function act(who: TeamsUser, verb: string, data: Record<string, unknown>) {
    const reply = await post(cardAction(who, teams.connector.serviceUrl, verb, data));
    expect(reply.status).toBe(200);
    const body = reply.body as { type: string; value: unknown };
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    return body.value as Record<string, unknown>;
  }
  const messagesTo = (who: TeamsUser) => teams.connector.messagesIn(personalConversationId(who));
  const channelPosts = () => teams.connector.calls.filter((c) => c.kind === 'create' && c.conversationId.startsWith(`${board.channelId};messageid=`));
  const srv01Roots = () => channelPosts().filter((c) => c.activity?.attachments && /^SRV01 .*please/.test(String(cardOf(c.activity).fallbackText)));
  /** Messages posted in a thread (its first one included), not the updates of one already there. */
  const inThread = (conversationId: string, text: RegExp) =>
    teams.connector.calls
      .filter((c) => c.kind !== 'update' && c.kind !== 'member' && c.conversationId === conversationId && c.activity)
      .map((c) => c.activity!)
      .filter((m) => text.test((m.attachments as unknown[] | undefined)?.length ? String(cardOf(m).fallbackText) : String(m.text ?? '')));

  async function digest(month: string): Promise<void> {
    const since = teams.connector.calls.length;
    await post(message(robert, teams.connector.serviceUrl, `digest ${month}`));
    const reply = (await jobCardToTheEnd(teams.connector.calls, personalConversationId(robert), since)).at(-1)!.text;
    expect(reply).toMatch(/digest/i);
  }

  beforeAll(async () => {
    await teams.start();
    for (const u of [gareth, marcus, robert]) teams.connector.addMember({ id: u.teamsId, name: u.name, aadObjectId: u.aadObjectId, email: u.email });
    let databaseUrl: string;
    ({ url: databaseUrl, close: closeDatabase } = await serverDatabase(backend, 'exceptions'));
    server = await startServer({ ...teams.serverEnv(), ...CLOCK_START_ENV, DATABASE_URL: databaseUrl, LOAD_DEMO_DATA: 'true', CYCLE_SCHEDULER_ENABLED: 'false' });
    for (const u of [gareth, marcus, robert]) expect((await post(installation(u, teams.connector.serviceUrl))).status).toBe(200);
    await post(channelMessage(robert, teams.connector.serviceUrl, board, 'set board channel', { mentionBot: true }));
  });
  afterAll(async () => {
    await server?.stop();
    await teams.stop();
    await closeDatabase();
  });

  let thread = '';

  it('July: SRV01 red opens its thread and asks its owner for a plan, which the director approves', async () => {
    await digest('2026-07');
    const root = await until('SRV01\'s thread', () => srv01Roots()[0]);
    thread = root.conversationId;
    const request = await until('the plan request', () => messagesTo(gareth).find((m) => /SRV01 is red for July 2026: please submit an action plan/.test(String(m.text ?? ''))));
    const form = cardOf(request);
    const submit = allElements(form).find((e) => e.verb === BOARD_VERBS.submitPlan)!;
    const lead = (allElements(form).find((e) => e.id === planInputIds.lead(0))!.choices as { title: string; value: string }[]).find((c) => c.title === 'Gareth Lewis')!;
    const recovery = (allElements(form).find((e) => e.id === planInputIds.expectedRecovery)!.choices as { title: string; value: string }[])[0]!;
    expect(recovery.title).toBe('August 2026');
    const due = new Date(server.clockNow().getTime() + 21 * 86_400_000).toISOString().slice(0, 10);
    const submitted = await act(gareth, BOARD_VERBS.submitPlan, {
      ...(submit.data as object), [planInputIds.lead(0)]: lead.value, [planInputIds.due(0)]: due, [planInputIds.description(0)]: 'Agency assessors for eight weeks',
      [planInputIds.expectedRecovery]: recovery.value, [planInputIds.likelySufficient]: 'YES',
    });
    expect(cardText(submitted)).toMatch(/Version 1 submitted/);
    const approval = cardOf(await until('the approval card', () => messagesTo(marcus).find((m) => /for your approval/.test(String(m.text ?? '')))));
    const planId = String((approval.refresh as { action: { data: { planId: string } } }).action.data.planId);
    expect(cardText(await act(marcus, BOARD_VERBS.decidePlan, { planId, version: 1, decision: 'approve' }))).toMatch(/Approved by Marcus Webb/);
  });

  it('August: still red, so an update in the same thread and the plan carries over', async () => {
    await digest('2026-08');
    await until('the August update', () => inThread(thread, /SRV01 .*August 2026: Red/)[0]);
    await until('the thread\'s first message refreshed', () => teams.connector.calls.find((c) => c.kind === 'update' && /August 2026/.test(cardText(cardOf(c.activity))) && /SRV01/.test(cardText(cardOf(c.activity)))));
    expect(srv01Roots()).toHaveLength(1);
    expect(messagesTo(gareth).filter((m) => /SRV01 is red for .*please submit an action plan/.test(String(m.text ?? '')))).toHaveLength(1);
  });

  it('September: still red after the plan\'s August, so the director is asked what next, once', async () => {
    await digest('2026-09');
    const update = await until('the September update', () => inThread(thread, /SRV01 .*September 2026: Red/)[0]);
    expect(String(cardOf(update).fallbackText)).toMatch(/Recovery was expected by August 2026: overdue/);
    const check = await until('the "not recovered" card', () => messagesTo(marcus).find((m) => /SRV01 has not recovered as expected/.test(String(m.text ?? ''))));
    const card = cardOf(check);
    expect(cardText(card)).toMatch(/Not recovered as expected/);
    await digest('2026-09'); // posted again: nothing new
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(messagesTo(marcus).filter((m) => /has not recovered as expected/.test(String(m.text ?? '')))).toHaveLength(1);
    expect(inThread(thread, /SRV01 .*September 2026: Red/)).toHaveLength(1);

    const accept = allElements(card).find((e) => (e.data as { choice?: string } | undefined)?.choice === 'newDate')!;
    const newDate = (allElements(card).find((e) => e.id === recoveryInputIds.newDate)!.choices as { value: string }[])[0]!.value;
    const decided = await act(marcus, BOARD_VERBS.decideRecovery, { ...(accept.data as object), [recoveryInputIds.newDate]: newDate });
    expect(cardText(decided)).toMatch(/Marcus Webb accepted a new date: back on target by October 2026/);
    await until('the decision in the thread', () => inThread(thread, /Marcus Webb accepted a new date/)[0]);
  });

  it('October: green, so the thread gets a closing update; still one thread, one plan', async () => {
    const october = periodKey(OPEN_MONTH);
    expect(october).toBe('2026-10');
    await post(message(gareth, teams.connector.serviceUrl, 'submit'));
    const entry = cardOf(messagesTo(gareth).at(-1));
    const srv01 = allElements(entry).map((e) => String(e.id ?? '')).find((id) => id.startsWith('value:'))!.slice('value:'.length);
    // Below what SRV01 usually reports after months of red, so its owner confirms it (#16).
    expect(cardText(await act(gareth, 'entry.submit', { period: october, [`value:${srv01}`]: '18.4', [`confirm:${srv01}`]: '18.4' }))).toMatch(/Saved: 18\.4 days/);
    await digest(october);
    const closing = await until('the closing update', () => inThread(thread, /SRV01 .*back on target in October 2026/)[0]);
    expect(String(cardOf(closing).fallbackText)).toMatch(/Red or amber for 3 months: July 2026 to September 2026\. The action plan is marked achieved\./);
    expect(srv01Roots()).toHaveLength(1);
    // One message in the thread for each red month: its first, then August's and September's updates.
    expect(inThread(thread, /SRV01 .*(please|: Red: )/)).toHaveLength(3);
    expect(messagesTo(gareth).filter((m) => /please submit an action plan/.test(String(m.text ?? '')) && /SRV01/.test(String(m.text ?? '')))).toHaveLength(1);
    expect(messagesTo(marcus).filter((m) => /has not recovered as expected/.test(String(m.text ?? '')))).toHaveLength(1);
  });
});
