/**
 * The Performance Board end to end: the real server over HTTP with the Teams stand-ins (real
 * tokens both ways) and its own dispatcher delivering through the connector stand-in.
 *
 * An admin sets the Board channel from inside it and posts the month's digest; the digest and one
 * thread per red or amber indicator arrive in the channel (with the right counts); a reply in a
 * thread is kept as commentary; the red indicator's owner submits an action plan that its director
 * sends back, the owner revises and the director approves, while someone else's attempt to decide
 * is refused with nothing changed; and posting the digest again adds nothing.
 */
import os from 'node:os';
import { startServer, type RunningServer } from '../support/child-process';
import { until } from '../support/until';
import { jobCardToTheEnd } from '../support/job-cards';
import { postActivity } from '../support/teams/post-activity';
import { TeamsStandIns } from '../support/teams/teams-stand-ins';
import { cardAction, channelMessage, installation, message, personalConversationId, type ChannelPlace, type TeamsUser } from '../support/teams/activities';
import { allElements, cardOf, cardText } from '../support/card-json';
import { DEMO_PEOPLE } from '../../src/demo/demo-people';
import { BACKENDS, serverDatabase } from '../support/test-database';
import { openDatabase } from '../../src/db/open-database';
import { Store } from '../../src/db/store';
import { BOARD_VERBS, planInputIds } from '../../src/cards/board/board-contract';
import type { ConnectorCall } from '../support/teams/connector-stand-in';
import { registerStatus } from '../../src/app/register-status';
import { indicatorPeriodAsAt } from '../../src/app/scorecard/as-at';
import { parsePeriod, type MonthPeriod } from '../../src/domain/periods';
import { CLOCK_START_ENV, OPEN_MONTH } from '../support/clock-start';
import { periodKey } from '../../src/domain/periods';

const user = (key: keyof typeof DEMO_PEOPLE, teamsId: string): TeamsUser => ({
  teamsId, aadObjectId: DEMO_PEOPLE[key].aadObjectId, name: DEMO_PEOPLE[key].name, email: DEMO_PEOPLE[key].email,
});
const gareth = user('benefitsManager', '29:gareth-lewis'); // owns SRV01
const marcus = user('resourcesDirector', '29:marcus-webb'); // SRV01's director
const robert = user('performanceLead', '29:robert-hughes'); // admin
const tom = user('wasteManager', '29:tom-hargreaves'); // neither
const board: ChannelPlace = { teamId: '19:board-team@thread.tacv2', channelId: '19:board-channel@thread.tacv2', conversationId: '19:board-channel@thread.tacv2' };

describe.each(BACKENDS)('the Performance Board, end to end [%s]', (backend) => {
  const teams = new TeamsStandIns();
  let server: RunningServer;
  let databaseUrl: string;
  let closeDatabase: () => Promise<void> = async () => {};

  const post = (activity: Record<string, unknown>) => postActivity(server.baseUrl, teams, activity);

  /** A card action; returns the card (or the message) Teams would show. */
  async function act(who: TeamsUser, verb: string, data: Record<string, unknown>) {
    const reply = await post(cardAction(who, teams.connector.serviceUrl, verb, data));
    expect(reply.status).toBe(200);
    return reply.body as { statusCode: number; type: string; value: unknown };
  }
  const cardFrom = (reply: { type: string; value: unknown }) => {
    expect(reply.type).toBe('application/vnd.microsoft.card.adaptive');
    return reply.value as Record<string, unknown>;
  };

  const messagesTo = (who: TeamsUser) => teams.connector.messagesIn(personalConversationId(who));
  const channelPosts = () => teams.connector.calls.filter((c) => c.kind === 'create' && c.conversationId.startsWith(`${board.channelId};messageid=`));
  const cardsWith = (calls: ConnectorCall[], text: RegExp) => calls.filter((c) => c.activity?.attachments && text.test(cardText(cardOf(c.activity))));

  beforeAll(async () => {
    await teams.start();
    for (const u of [gareth, marcus, robert, tom]) teams.connector.addMember({ id: u.teamsId, name: u.name, aadObjectId: u.aadObjectId, email: u.email });
    ({ url: databaseUrl, close: closeDatabase } = await serverDatabase(backend, 'board'));
    server = await startServer({ ...teams.serverEnv(), ...CLOCK_START_ENV, DATABASE_URL: databaseUrl, LOAD_DEMO_DATA: 'true', CYCLE_SCHEDULER_ENABLED: 'false' });
    for (const u of [gareth, marcus, robert, tom]) expect((await post(installation(u, teams.connector.serviceUrl))).status).toBe(200);
  });
  afterAll(async () => {
    await server?.stop();
    await teams.stop();
    await closeDatabase();
  });

  let period = '';
  let srv01 = '';
  let digestCalls: ConnectorCall[] = [];
  let srv01Thread = '';
  let planId = '';
  let digested = { red: 0, amber: 0, green: 0, at: new Date(0) };

  it('the owner reports SRV01 red for the open month', async () => {
    await post(message(gareth, teams.connector.serviceUrl, 'submit'));
    const card = cardOf(messagesTo(gareth).at(-1));
    const action = (card.actions as { data: { period: string } }[])[0]!;
    period = action.data.period;
    expect(period).toBe(periodKey(OPEN_MONTH));
    srv01 = allElements(card).map((e) => String(e.id ?? '')).find((id) => id.startsWith('value:'))!.slice('value:'.length);
    // Beyond what SRV01 usually reports, so its owner confirms it on the card (#16).
    const saved = cardFrom(await act(gareth, 'entry.submit', { period, [`value:${srv01}`]: '26.5', [`confirm:${srv01}`]: '26.5' }));
    expect(cardText(saved)).toMatch(/26\.5 days/);
    expect(cardText(saved)).toMatch(/Red/);
  });

  it('refuses "set board channel" from someone outside the performance team, and takes it from an admin in the channel', async () => {
    await post(channelMessage(tom, teams.connector.serviceUrl, board, 'set board channel', { mentionBot: true }));
    expect(String(teams.connector.messagesIn(board.conversationId).at(-1)?.text)).toMatch(/Only the performance team/);
    await post(channelMessage(robert, teams.connector.serviceUrl, board, 'set board channel', { mentionBot: true }));
    expect(String(teams.connector.messagesIn(board.conversationId).at(-1)?.text)).toMatch(/now the Performance Board's/);
  });

  it('ignores ordinary channel chatter that is neither a command nor in a thread of its own', async () => {
    const before = teams.connector.calls.length;
    await post(channelMessage(tom, teams.connector.serviceUrl, board, 'Anyone seen the projector remote?'));
    expect(teams.connector.calls.length).toBe(before);
  });

  it('posts the digest with the right counts and one thread per red or amber indicator', async () => {
    const since = teams.connector.calls.length;
    await post(message(robert, teams.connector.serviceUrl, `digest ${period}`));
    // Answered with the digest's progress card, updated until it says what was posted.
    const reply = (await jobCardToTheEnd(teams.connector.calls, personalConversationId(robert), since)).at(-1)!.text;
    const at = server.clockNow(); // the server's time, at the latest, when it digested (its job has ended)
    expect(reply).toMatch(new RegExp(`Digest ${period}.*queued`));
    const [, red, amber] = /(\d+) red, (\d+) amber/.exec(reply)!.map(Number) as [number, number, number];
    expect(red).toBeGreaterThanOrEqual(1);
    digestCalls = await until('the digest and its threads', () => {
      const posts = channelPosts();
      return posts.length >= 1 + red + amber ? posts : null;
    });
    const digest = cardsWith(digestCalls, /Performance Board digest|digest/i).find((c) => /digest/i.test(String(cardOf(c.activity).fallbackText)))!;
    const fallback = String(cardOf(digest.activity).fallbackText);
    expect(fallback).toMatch(new RegExp(`Red ${red}\\b`));
    expect(fallback).toMatch(new RegExp(`Amber ${amber}\\b`));
    digested = { red, amber, green: Number(/Green (\d+)/.exec(fallback)![1]), at };
    const threads = digestCalls.filter((c) => c !== digest);
    expect(threads).toHaveLength(red + amber);
    // Each thread is about a different indicator.
    const codes = threads.map((t) => /\b([A-Z]{3}\d{2})\b/.exec(cardText(cardOf(t.activity)))![1]);
    expect(new Set(codes).size).toBe(threads.length);
    const srv01Call = cardsWith(threads, /SRV01/)[0]!;
    srv01Thread = srv01Call.conversationId;
    // The owner is @mentioned with a real mention entity.
    const entities = (cardOf(srv01Call.activity).msteams as { entities?: { mentioned: { id: string } }[] }).entities ?? [];
    expect(entities.map((e) => e.mentioned.id)).toContain(gareth.teamsId);
    expect(teams.connector.calls.every((c) => c.authorised)).toBe(true);
  });

  it('keeps a reply in the thread as commentary, once, and acknowledges it', async () => {
    const place = { ...board, conversationId: srv01Thread };
    const reply = channelMessage(marcus, teams.connector.serviceUrl, place, 'Agency staff start on Monday; we expect the backlog cleared by January.', { id: 'reply-1' });
    await post(reply);
    expect(String(teams.connector.messagesIn(srv01Thread).at(-1)?.text)).toMatch(/noted as the Board's commentary on SRV01/);
    const acknowledgements = teams.connector.messagesIn(srv01Thread).length;
    await post(reply); // Teams redelivering the same message
    expect(teams.connector.messagesIn(srv01Thread).length).toBe(acknowledgements);
  });

  it('asks the red indicator\'s owner for an action plan, and refuses an incomplete one in place', async () => {
    const request = await until('the plan request', () => messagesTo(gareth).find((m) => /action plan/i.test(String(m.text ?? ''))));
    const card = cardOf(request);
    expect(cardText(card)).toMatch(/SRV01/);
    const submit = allElements(card).find((e) => e.verb === BOARD_VERBS.submitPlan)!;
    expect(submit).toBeDefined();
    const refused = cardFrom(await act(gareth, BOARD_VERBS.submitPlan, {
      ...(submit.data as object),
      [planInputIds.description(0)]: 'Agency assessors for eight weeks',
      [planInputIds.expectedRecovery]: '',
    }));
    const text = cardText(refused);
    expect(text).toMatch(/Nothing was submitted/);
    expect(text).toMatch(/Choose who leads it/);
    expect(JSON.stringify(refused)).toContain('Agency assessors for eight weeks');
  });

  // Due dates from the server's clock, which judges whether they are in the past.
  const dueIn = (days: number) => new Date(server.clockNow().getTime() + days * 86_400_000).toISOString().slice(0, 10);
  const plan = (description: string) => ({
    indicatorId: srv01, period,
    [planInputIds.lead(0)]: '', [planInputIds.due(0)]: dueIn(21), [planInputIds.description(0)]: description,
    [planInputIds.expectedRecovery]: '', [planInputIds.likelySufficient]: 'YES',
  });

  it('takes the plan, and sends the director an approval card', async () => {
    const form = cardOf(messagesTo(gareth).find((m) => /action plan/i.test(String(m.text ?? ''))));
    const leadChoice = (allElements(form).find((e) => e.id === planInputIds.lead(0))!.choices as { title: string; value: string }[]).find((c) => c.title === 'Gareth Lewis')!;
    const recovery = (allElements(form).find((e) => e.id === planInputIds.expectedRecovery)!.choices as { value: string }[])[2]!.value;
    const data = { ...plan('Agency assessors for eight weeks'), [planInputIds.lead(0)]: leadChoice.value, [planInputIds.expectedRecovery]: recovery };
    const submitted = cardFrom(await act(gareth, BOARD_VERBS.submitPlan, data));
    expect(cardText(submitted)).toMatch(/Version 1 submitted to Marcus Webb/);
    expect(allElements(submitted).some((e) => String(e.type).startsWith('Input.'))).toBe(false);
    // Submitting again (Teams retrying) makes no second version.
    expect(cardText(cardFrom(await act(gareth, BOARD_VERBS.submitPlan, data)))).toMatch(/Version 1 is with Marcus Webb.*nothing changed/);

    const approval = await until('the approval card to the director', () => messagesTo(marcus).find((m) => /for your approval/.test(String(m.text ?? ''))));
    const card = cardOf(approval);
    expect(cardText(card)).toMatch(/Waiting for Marcus Webb's decision/);
    expect((card.refresh as { userIds: string[] }).userIds).toContain(marcus.teamsId);
    planId = String((card.refresh as { action: { data: { planId: string } } }).action.data.planId);
    // The same card is posted in the indicator's thread for the Board.
    await until('the approval card in the thread', () => teams.connector.messagesIn(srv01Thread).find((m) => (m.attachments as unknown[] | undefined)?.length));
  });

  it('refuses a decision from someone who is not the director, changing nothing', async () => {
    const refused = cardFrom(await act(tom, BOARD_VERBS.decidePlan, { planId, version: 1, decision: 'approve' }));
    expect(cardText(refused)).toMatch(/Only Marcus Webb \(the director\) or the performance team can decide/);
    expect(allElements(refused).some((e) => e.verb === BOARD_VERBS.decidePlan)).toBe(false);
    // The director's own view (Universal Actions refresh) still offers the decision.
    const directorView = cardFrom(await act(marcus, BOARD_VERBS.refreshApproval, { planId, version: 1 }));
    expect(cardText(directorView)).toMatch(/Waiting for Marcus Webb's decision/);
    expect(allElements(directorView).some((e) => e.verb === BOARD_VERBS.decidePlan)).toBe(true);
  });

  it('lets the director send it back with a comment, which the owner and the thread hear', async () => {
    const noComment = cardFrom(await act(marcus, BOARD_VERBS.decidePlan, { planId, version: 1, decision: 'sendBack', [planInputIds.decisionComment]: '' }));
    expect(cardText(noComment)).toMatch(/Say what needs to change/);
    const sentBack = cardFrom(await act(marcus, BOARD_VERBS.decidePlan, { planId, version: 1, decision: 'sendBack', [planInputIds.decisionComment]: 'Add how you will stop new claims queuing' }));
    expect(cardText(sentBack)).toMatch(/Sent back by Marcus Webb.*Add how you will stop new claims queuing/);
    const notice = await until('the owner\'s notice', () => messagesTo(gareth).find((m) => /sent back your action plan/.test(String(m.text ?? ''))));
    expect(cardText(cardOf(notice))).toMatch(/Add how you will stop new claims queuing/);
    await until('the thread post', () => teams.connector.messagesIn(srv01Thread).find((m) => /Action plan sent back/.test(String(m.text ?? ''))));
    // Every copy of the approval card is updated to show the decision.
    await until('the approval cards updated', () => teams.connector.calls.filter((c) => c.kind === 'update' && /Sent back by Marcus Webb/.test(cardText(cardOf(c.activity)))).length >= 2);
  });

  it('takes the revised plan as version 2, which the director approves', async () => {
    const notice = cardOf(messagesTo(gareth).find((m) => /sent back your action plan/.test(String(m.text ?? ''))));
    const lead = allElements(notice).find((e) => e.id === planInputIds.lead(0))!;
    expect(lead.value).toBeTruthy(); // the form comes back filled with version 1, to revise
    const recovery = allElements(notice).find((e) => e.id === planInputIds.expectedRecovery)!.value;
    const revised = cardFrom(await act(gareth, BOARD_VERBS.submitPlan, {
      ...plan('Agency assessors for eight weeks'), [planInputIds.lead(0)]: lead.value, [planInputIds.expectedRecovery]: recovery,
      [planInputIds.lead(1)]: lead.value, [planInputIds.due(1)]: dueIn(10), [planInputIds.description(1)]: 'Triage new claims daily so none waits more than 2 days',
    }));
    expect(cardText(revised)).toMatch(/Version 2 submitted/);
    // Version 1 can no longer be decided.
    expect(cardText(cardFrom(await act(marcus, BOARD_VERBS.decidePlan, { planId, version: 1, decision: 'approve' })))).toMatch(/already been decided or replaced/);
    const approved = cardFrom(await act(marcus, BOARD_VERBS.decidePlan, { planId, version: 2, decision: 'approve' }));
    expect(cardText(approved)).toMatch(/Approved by Marcus Webb/);
    await until('the owner told', () => messagesTo(gareth).find((m) => /approved your action plan for SRV01 \(version 2\)/.test(String(m.text ?? ''))));
    await until('the thread told', () => teams.connector.messagesIn(srv01Thread).find((m) => /Action plan approved/.test(String(m.text ?? ''))));
  });

  it('adds nothing when the digest is posted again', async () => {
    const before = channelPosts().length;
    const since = teams.connector.calls.length;
    await post(message(robert, teams.connector.serviceUrl, `digest ${period}`));
    const reply = (await jobCardToTheEnd(teams.connector.calls, personalConversationId(robert), since)).at(-1)!.text;
    expect(reply).toMatch(/already posted earlier, not posted again/);
    expect(reply).toMatch(/Threads: 0 new/);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(channelPosts().length).toBe(before);
  });

  it('recorded every step: commentary, both versions and their decisions, and the audit', async () => {
    await server.stop();
    const database = await openDatabase(databaseUrl, { purpose: 'checking the board test' });
    try {
      const store = new Store(database.prisma);
      const thread = (await store.repos.board.thread(srv01, period))!;
      const commentary = await store.repos.board.commentaryFor([thread.id]);
      expect(commentary.map((c) => [c.authorName, c.text])).toEqual([['Marcus Webb', 'Agency staff start on Monday; we expect the backlog cleared by January.']]);
      const stored = (await store.repos.actionPlans.findById(planId))!;
      expect(stored.versions.map((v) => [v.version, v.state, v.actions.length])).toEqual([[1, 'SENT_BACK', 1], [2, 'APPROVED', 2]]);
      // The digest's counts, against the register rated independently as at the digest's month.
      const month = parsePeriod(period);
      if (!month.ok || month.value.kind !== 'MONTH') throw new Error(period);
      // Each indicator at its own period as at the month: a lagged one at the latest period collected by then.
      const statuses = (await Promise.all((await store.repos.indicators.active()).map((indicator) => registerStatus(store, {
        period: indicatorPeriodAsAt(month.value as MonthPeriod, indicator), now: digested.at,
        defaultTolerance: { kind: 'PERCENT_OF_TARGET', percent: 10 }, indicatorIds: [indicator.id],
      })))).flat();
      const count = (status: string) => statuses.filter((s) => s.status === status).length;
      expect({ red: count('RED'), amber: count('AMBER'), green: count('GREEN') }).toEqual({ red: digested.red, amber: digested.amber, green: digested.green });
      const actions = (await database.prisma.auditLog.findMany({ where: { action: { startsWith: 'plan.' } }, orderBy: { id: 'asc' } })).map((a) => a.action);
      expect(actions).toEqual(['plan.submitted', 'plan.decision.refused', 'plan.sentBack', 'plan.submitted', 'plan.approved']);
    } finally {
      await database.close();
    }
  });
});
