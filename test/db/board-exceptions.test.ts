/**
 * One exception per problem, on each database: an indicator red month after month keeps one
 * thread (updated each month, its first message refreshed) and one plan carried over; it closes
 * with a closing update and the plan achieved when green again; a plan's recovery month passed
 * while still red gets the director one "not recovered as expected" card; worsening from amber to
 * red asks for a new plan in the same thread.
 */
import { loadDemoData } from '../../src/demo/load-demo-data';
import { DEMO_PEOPLE } from '../../src/demo/demo-people';
import { BoardService } from '../../src/app/board/board-service';
import { ActionPlanService } from '../../src/app/board/action-plan-service';
import { planInputIds } from '../../src/cards/board/board-contract';
import { monthPeriod } from '../../src/domain/periods';
import { createLogger } from '../../src/logging/logger';
import type { Store } from '../../src/db/store';
import type { PersonRecord } from '../../src/db/repositories/people-repository';
import { describeEachDatabase } from '../support/test-database';
import { cardOf, cardText } from '../support/card-json';
import { planSubmission } from '../../src/bot/card-inputs';
import { IndicatorPageService } from '../../src/app/scorecard/indicator-page-service';

const calendar = {
  openWorkingDay: 3, openTime: '09:00', reminderWorkingDays: [6, 8], deadlineWorkingDay: 10, deadlineTime: '17:00',
  escalateVerifierWorkingDay: 11, escalateDirectorWorkingDay: 13, closeWorkingDay: 15, digestWorkingDay: 16,
};
const defaultTolerance = { kind: 'PERCENT_OF_TARGET' as const, percent: 10 };
const log = createLogger({ logLevel: 'silent' });
const CHANNEL = '19:board@thread.tacv2';

describeEachDatabase('exceptions that follow the problem', (db) => {
  let now: Date;
  const clock = { now: () => now };
  let store: Store;
  let plans: ActionPlanService;
  let board: BoardService;
  let srv01: string;

  const person = async (key: keyof typeof DEMO_PEOPLE): Promise<PersonRecord> => (await store.repos.people.findByEmail(DEMO_PEOPLE[key].email))!;
  async function installFor(key: keyof typeof DEMO_PEOPLE): Promise<PersonRecord> {
    const p = await person(key);
    await store.repos.conversations.save({
      kind: 'PERSONAL', conversationId: `a:chat-${key}`, serviceUrl: 'https://smba.example/', tenantId: 'tenant', botId: 'bot',
      teamsUserId: `29:${key}`, aadObjectId: p.aadObjectId, personId: p.id, teamId: null, channelId: null,
    });
    return p;
  }
  /** SRV01's messages of one purpose (other demo indicators are red too). */
  const mine = async (purpose: string) => (await store.repos.outbox.list({ purpose })).filter((m) => m.dedupeKey.includes(srv01));
  let exceptionId: string | null = null;

  async function srv01Value(period: string, value: number): Promise<void> {
    await store.repos.values.append({ indicatorId: srv01, period, financialYear: period >= '2027-04' ? 2027 : 2026, value, note: '', source: 'CARD', enteredById: null });
  }
  async function digest(year: number, month: number) {
    return board.digest({ month: monthPeriod(year, month), trigger: 'chat', actor: 'test' });
  }
  /** The dispatcher posts the thread's first message: Teams answers with the thread's conversation. */
  async function postThread(): Promise<void> {
    const root = (await mine('board-thread'))[0]!;
    await store.repos.outbox.claimDue('dispatcher', now, new Date(now.getTime() + 60_000), 500);
    await store.repos.outbox.markSent(root.id, 'dispatcher', { activityId: '1700', conversationId: `${CHANNEL};messageid=1700`, at: now });
  }
  async function submitAndApprove(period: string, recoveryIndex: number): Promise<void> {
    const gareth = await person('benefitsManager');
    const form = await plans.planCard({ person: gareth, isAdmin: false }, srv01, period);
    await plans.submit({ person: gareth, isAdmin: false }, srv01, period, planSubmission({
      [planInputIds.lead(0)]: gareth.id, [planInputIds.due(0)]: '2027-02-01', [planInputIds.description(0)]: 'Agency assessors',
      [planInputIds.expectedRecovery]: form.recoveryChoices[recoveryIndex]!.value, [planInputIds.likelySufficient]: 'YES',
    }));
    const plan = (await store.repos.actionPlans.find(srv01, period))!;
    await plans.decide({ person: await person('resourcesDirector'), isAdmin: false }, plan.id, plan.versions.at(-1)!.version, 'approve', '');
  }

  beforeEach(async () => {
    store = db().store;
    now = new Date('2026-11-23T10:00:00Z');
    await loadDemoData(store, now, calendar);
    exceptionId = null;
    plans = new ActionPlanService(store, clock, { defaultTolerance, adminIds: async () => [] });
    board = new BoardService(store, clock, { defaultTolerance }, { members: async () => [] }, plans, log);
    const admin = await person('performanceLead');
    await board.setChannel({ actorId: admin.id, actorLabel: admin.displayName }, { teamId: '19:team@thread.tacv2', channelId: CHANNEL, serviceUrl: 'https://smba.example/', tenantId: 'tenant' });
    srv01 = (await store.repos.indicators.findByCode('SRV01'))!.id;
    await installFor('benefitsManager');
    await installFor('resourcesDirector');
  });

  it('keeps one thread and one plan while red, checks the promised recovery once, and closes when green', async () => {
    await srv01Value('2026-10', 26.5);
    await digest(2026, 10);
    const [exception] = await store.repos.exceptions.forIndicator(srv01);
    exceptionId = exception!.id;
    expect(exception).toMatchObject({ openedPeriod: '2026-10', lastPeriod: '2026-10', status: 'RED', closedAt: null });
    await postThread();
    await submitAndApprove('2026-10', 0); // back on target by November 2026, it says

    // November: still red. An update in the same thread, its first message refreshed, no new plan.
    now = new Date('2026-12-22T10:00:00Z');
    await srv01Value('2026-11', 25.1);
    await digest(2026, 11);
    expect(await mine('board-thread')).toHaveLength(1);
    const novemberDigest = (await store.repos.outbox.list({ purpose: 'board-digest' })).find((m) => m.dedupeKey.endsWith('|2026-11'))!;
    expect(cardText(cardOf(novemberDigest.activity))).toMatch(/SRV01[\s\S]*2nd month running/);
    const novemberUpdate = (await store.repos.outbox.list({ purpose: 'board-thread-post' })).filter((m) => m.dedupeKey === `board-exception-update|${exceptionId}|2026-11`);
    expect(novemberUpdate).toHaveLength(1);
    expect(novemberUpdate[0]!.conversationId).toBe(`${CHANNEL};messageid=1700`);
    expect(cardText(cardOf(novemberUpdate[0]!.activity))).toMatch(/Update for November 2026[\s\S]*2nd month running[\s\S]*Expected to recover by November 2026/);
    const refreshed = (await store.repos.outbox.list({ purpose: 'board-thread-update' })).filter((m) => m.dedupeKey.endsWith('|2026-11'));
    expect(refreshed).toHaveLength(1);
    expect(cardText(cardOf(refreshed[0]!.activity))).toMatch(/November 2026/);
    expect((await store.repos.outbox.list({ purpose: 'plan-request' })).filter((m) => m.dedupeKey.includes(srv01))).toHaveLength(1);
    expect(await store.repos.actionPlans.forIndicator(srv01)).toHaveLength(1);
    expect(await store.repos.outbox.list({ purpose: 'recovery-check' })).toEqual([]);
    // The Scorecard tab shows November with the exception's plan and the thread's commentary.
    const gareth = await person('benefitsManager');
    await board.recordReply({ conversationId: `${CHANNEL};messageid=1700`, teamsMessageId: '1801', text: 'Agency cover extended.', postedAt: now, author: { person: gareth, name: gareth.displayName, aadObjectId: gareth.aadObjectId } });
    const page = (await new IndicatorPageService(store, clock, { defaultTolerance }).page({ personId: gareth.id, name: gareth.displayName, email: gareth.email, isAdmin: false }, 'SRV01', monthPeriod(2026, 11)))!;
    expect(page.actionPlan).toMatchObject({ stateText: 'Approved' });
    expect(page.commentary.map((c) => c.text)).toEqual(['Agency cover extended.']);
    // The reply is about November, the month the exception has reached, though its thread began in October.
    expect((await store.repos.board.commentaryFor([exception!.threadId!])).map((c) => c.period)).toEqual(['2026-11']);

    // December: red past November, the month it was to recover by: the director is asked, once.
    now = new Date('2027-01-22T10:00:00Z');
    await srv01Value('2026-12', 24.0);
    await digest(2026, 12);
    await digest(2026, 12);
    const checks = await store.repos.outbox.list({ purpose: 'recovery-check' });
    expect(checks.map((m) => m.dedupeKey)).toEqual([`recovery-check|${exceptionId}|2026-11`]);
    expect(checks[0]!.recipient).toBe((await person('resourcesDirector')).id);
    expect(cardText(cardOf(checks[0]!.activity))).toMatch(/Not recovered as expected[\s\S]*November 2026/);
    const updates = (await store.repos.outbox.list({ purpose: 'board-thread-post' })).filter((m) => m.dedupeKey.startsWith(`board-exception-update|${exceptionId}|`));
    expect(updates.map((m) => m.dedupeKey.split('|')[2])).toEqual(['2026-11', '2026-12']);
    expect(cardText(cardOf(updates[1]!.activity))).toMatch(/Recovery was expected by November 2026: overdue/);
    const decemberDigest = (await store.repos.outbox.list({ purpose: 'board-digest' })).find((m) => m.dedupeKey.endsWith('|2026-12'))!;
    expect(cardText(cardOf(decemberDigest.activity))).toMatch(/Recovery overdue \(1\)[\s\S]*SRV01[\s\S]*expected by November 2026, still Red in December 2026/);

    // The director accepts a new date (after forgetting to choose one); a second click changes nothing.
    const marcus = await person('resourcesDirector');
    const decide = (choice: string, newDate: string) => plans.decideRecovery({ person: marcus, isAdmin: false }, { exceptionId: exceptionId!, choice, newDate });
    const missingDate = await decide('newDate', '');
    expect(missingDate.newDateError).toMatch(/Choose the month/);
    expect(missingDate.decisionText).toBeNull();
    expect((await plans.decideRecovery({ person: gareth, isAdmin: false }, { exceptionId: exceptionId!, choice: 'escalate', newDate: '' })).banner!.text).toMatch(/Only the indicator's director/);
    const accepted = await decide('newDate', '2027-02');
    expect(accepted.decisionText).toBe('Marcus Webb accepted a new date: back on target by February 2027.');
    expect((await decide('escalate', '')).banner!.text).toMatch(/already been decided/);
    const said = (await store.repos.outbox.list({ purpose: 'board-thread-post' })).filter((m) => m.dedupeKey.startsWith('recovery-decision|'));
    expect(said.map((m) => (m.activity as { text: string }).text)).toEqual(['**SRV01 not recovered by November 2026.** Marcus Webb accepted a new date: back on target by February 2027.']);
    await digest(2026, 12);
    expect(await store.repos.outbox.list({ purpose: 'recovery-check' })).toHaveLength(1);

    // January: green. A closing update, the exception closed, the plan achieved; still one thread.
    now = new Date('2027-02-22T10:00:00Z');
    await srv01Value('2027-01', 18.2);
    await digest(2027, 1);
    await digest(2027, 1);
    const closing = (await store.repos.outbox.list({ purpose: 'board-thread-post' })).filter((m) => m.dedupeKey === `board-exception-closed|${exceptionId}`);
    expect(closing).toHaveLength(1);
    expect(cardText(cardOf(closing[0]!.activity))).toMatch(/Back on target in January 2027[\s\S]*3 months: October 2026 to December 2026[\s\S]*marked achieved/);
    expect(await store.repos.exceptions.forIndicator(srv01)).toEqual([
      expect.objectContaining({ id: exceptionId, lastPeriod: '2026-12', closedPeriod: '2027-01', closedHow: 'RECOVERED' }),
    ]);
    const [plan] = await store.repos.actionPlans.forIndicator(srv01);
    expect(plan!.achievedAt).toEqual(now);
    expect(await mine('board-thread')).toHaveLength(1);
    expect(await store.repos.outbox.list({ purpose: 'recovery-check' })).toHaveLength(1);
  });

  it('asks the owner for a revised plan when the director chooses it', async () => {
    await srv01Value('2026-10', 26.5);
    await digest(2026, 10);
    exceptionId = (await store.repos.exceptions.forIndicator(srv01))[0]!.id;
    await postThread();
    await submitAndApprove('2026-10', 0);
    now = new Date('2027-01-22T10:00:00Z');
    await srv01Value('2026-11', 25.1);
    await srv01Value('2026-12', 24.0);
    await digest(2026, 12); // November was not digested: December continues the same exception
    expect(await store.repos.outbox.list({ purpose: 'recovery-check' })).toHaveLength(1);
    const view = await plans.decideRecovery({ person: await person('resourcesDirector'), isAdmin: false }, { exceptionId, choice: 'revisePlan', newDate: '' });
    expect(view.decisionText).toBe('Marcus Webb asked the owner for a revised plan.');
    const requests = (await store.repos.outbox.list({ purpose: 'plan-request' })).filter((m) => m.dedupeKey.includes(srv01));
    expect(requests.map((m) => m.period)).toEqual(['2026-10', '2026-12']);
    expect((await store.repos.actionPlans.find(srv01, '2026-12'))!.exceptionId).toBe(exceptionId);
  });

  it('lets the director close an exception before it is green; a later red starts a new one', async () => {
    await srv01Value('2026-10', 26.5);
    await digest(2026, 10);
    exceptionId = (await store.repos.exceptions.forIndicator(srv01))[0]!.id;
    await postThread();
    await submitAndApprove('2026-10', 2);
    now = new Date('2026-12-22T10:00:00Z');
    await srv01Value('2026-11', 25.1);
    await digest(2026, 11);
    expect(await plans.closeException({ person: await person('wasteManager'), isAdmin: false }, exceptionId)).toMatch(/Only SRV01's director or the performance team/);
    expect(await plans.closeException({ person: await person('resourcesDirector'), isAdmin: false }, exceptionId)).toMatch(/Closed SRV01's exception/);
    expect(await plans.closeException({ person: await person('resourcesDirector'), isAdmin: false }, exceptionId)).toMatch(/already closed/);
    expect(await store.repos.exceptions.findById(exceptionId)).toMatchObject({ closedPeriod: '2026-11', closedHow: 'DIRECTOR_CLOSED' });
    expect((await store.repos.actionPlans.find(srv01, '2026-10'))!.achievedAt).toEqual(now);
    const note = (await store.repos.outbox.list({ purpose: 'board-thread-post' })).find((m) => m.dedupeKey === `board-exception-closed|${exceptionId}`)!;
    expect((note.activity as { text: string }).text).toMatch(/SRV01: exception closed\*\* by Marcus Webb in November 2026/);

    now = new Date('2027-01-22T10:00:00Z');
    await srv01Value('2026-12', 24.0);
    await digest(2026, 12);
    expect((await mine('board-thread')).map((m) => m.period)).toEqual(['2026-10', '2026-12']);
    expect((await store.repos.exceptions.forIndicator(srv01)).map((e) => [e.openedPeriod, e.closedHow])).toEqual([['2026-10', 'DIRECTOR_CLOSED'], ['2026-12', null]]);
  });

  it('asks for a new plan in the same thread when an amber turns red', async () => {
    await srv01Value('2026-10', 21.5); // amber: no plan asked
    await digest(2026, 10);
    await postThread();
    now = new Date('2026-12-22T10:00:00Z');
    await srv01Value('2026-11', 26.0);
    await digest(2026, 11);
    expect(await mine('board-thread')).toHaveLength(1);
    const [exception] = await store.repos.exceptions.forIndicator(srv01);
    expect(exception).toMatchObject({ openedPeriod: '2026-10', lastPeriod: '2026-11', status: 'RED', worstStatus: 'RED' });
    const requests = (await store.repos.outbox.list({ purpose: 'plan-request' })).filter((m) => m.dedupeKey.includes(srv01));
    expect(requests.map((m) => m.period)).toEqual(['2026-11']);
    expect((await store.repos.actionPlans.find(srv01, '2026-11'))!.exceptionId).toBe(exception!.id);
    const update = (await store.repos.outbox.list({ purpose: 'board-thread-post' })).find((m) => m.dedupeKey === `board-exception-update|${exception!.id}|2026-11`)!;
    expect(cardText(cardOf(update.activity))).toMatch(/was Amber in October 2026/);
    // The new plan's approval card goes into the exception's thread, started in October.
    await submitAndApprove('2026-11', 1);
    const version = (await store.repos.actionPlans.find(srv01, '2026-11'))!.versions[0]!.id;
    const inThread = (await store.repos.outbox.list({ purpose: 'board-thread-post' })).filter((m) => m.dedupeKey.includes(version));
    expect(inThread.map((m) => [m.dedupeKey, m.conversationId]).sort()).toEqual([
      [`plan-approval|${version}|thread`, `${CHANNEL};messageid=1700`],
      [`plan-decision|${version}|thread`, `${CHANNEL};messageid=1700`],
    ]);
  });
});
