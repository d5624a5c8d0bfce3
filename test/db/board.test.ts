/**
 * The Board's use cases on each database, with a fake clock: the scheduled digest waits for a Board
 * channel and then runs once; owners without the app are @mentioned from the team's roster; a
 * plan submitted before its thread has gone rewrites the thread's first message instead of
 * sending an update; and overdue actions are reminded once, listed in the digest, and can be done.
 */
import { loadDemoData } from '../../src/demo/load-demo-data';
import { DEMO_PEOPLE } from '../../src/demo/demo-people';
import { BoardService } from '../../src/app/board/board-service';
import { ActionPlanService } from '../../src/app/board/action-plan-service';
import { loadBoardSnapshot } from '../../src/app/board/board-snapshot';
import { buildDigestView } from '../../src/app/board/digest-view';
import { CycleScheduler } from '../../src/app/cycle/cycle-scheduler';
import { CycleService } from '../../src/app/cycle/cycle-service';
import { EntryService } from '../../src/app/entry/entry-service';
import { planInputIds } from '../../src/cards/board/board-contract';
import { monthPeriod } from '../../src/domain/periods';
import { createLogger } from '../../src/logging/logger';
import type { RosterMember } from '../../src/app/board/team-roster';
import type { Store } from '../../src/db/store';
import type { PersonRecord } from '../../src/db/repositories/people-repository';
import { describeEachDatabase } from '../support/test-database';
import { IndicatorPageService } from '../../src/app/scorecard/indicator-page-service';
import { cardOf, cardText } from '../support/card-json';
import { planSubmission } from '../../src/bot/card-inputs';

const calendar = {
  openWorkingDay: 3, openTime: '09:00', reminderWorkingDays: [6, 8], deadlineWorkingDay: 10, deadlineTime: '17:00',
  escalateVerifierWorkingDay: 11, escalateDirectorWorkingDay: 13, closeWorkingDay: 15, digestWorkingDay: 16,
};
const defaultTolerance = { kind: 'PERCENT_OF_TARGET' as const, percent: 10 };
const log = createLogger({ logLevel: 'silent' });
const CHANNEL = '19:board@thread.tacv2';

describeEachDatabase('the Performance Board', (db) => {
  let now: Date;
  const clock = { now: () => now };
  let store: Store;
  let plans: ActionPlanService;
  let board: BoardService;
  let rosterReads: number;
  let roster: RosterMember[];

  const person = async (key: keyof typeof DEMO_PEOPLE): Promise<PersonRecord> => (await store.repos.people.findByEmail(DEMO_PEOPLE[key].email))!;
  async function installFor(key: keyof typeof DEMO_PEOPLE): Promise<PersonRecord> {
    const p = await person(key);
    await store.repos.conversations.save({
      kind: 'PERSONAL', conversationId: `a:chat-${key}`, serviceUrl: 'https://smba.example/', tenantId: 'tenant', botId: 'bot',
      teamsUserId: `29:${key}`, aadObjectId: p.aadObjectId, personId: p.id, teamId: null, channelId: null,
    });
    return p;
  }
  const outbox = async (purpose: string) => store.repos.outbox.list({ purpose });

  beforeEach(async () => {
    store = db().store;
    now = new Date('2026-11-23T10:00:00Z');
    await loadDemoData(store, now, calendar);
    rosterReads = 0;
    roster = [];
    plans = new ActionPlanService(store, clock, { defaultTolerance, adminIds: async () => [] });
    board = new BoardService(store, clock, { defaultTolerance }, { members: async () => (rosterReads++, roster) }, plans, log);
  });

  async function setChannel(): Promise<void> {
    const admin = await person('performanceLead');
    await board.setChannel({ actorId: admin.id, actorLabel: admin.displayName }, { teamId: '19:team@thread.tacv2', channelId: CHANNEL, serviceUrl: 'https://smba.example/', tenantId: 'tenant' });
  }

  /** SRV01 red for October (26.5 days against 20). */
  async function srv01Red(): Promise<string> {
    const srv01 = (await store.repos.indicators.findByCode('SRV01'))!;
    await store.repos.values.append({ indicatorId: srv01.id, period: '2026-10', financialYear: 2026, value: 26.5, note: '', source: 'CARD', enteredById: null });
    return srv01.id;
  }

  it('runs the scheduled digest only once a Board channel is set, and then once only', async () => {
    const cycle = new CycleService(store, clock, new EntryService(store, clock, { defaultTolerance }), { calendar, defaultTolerance });
    const scheduler = new CycleScheduler(store, clock, cycle, 'instance-A', log, {
      ready: async () => (await board.channel()) !== null,
      digest: (month) => board.digest({ month, trigger: 'scheduled', actor: 'scheduler' }),
      remindOverdueActions: () => plans.remindOverdue(),
    });
    now = new Date('2026-12-22T09:30:00Z'); // the 16th working day after November
    expect(await scheduler.tick()).not.toContain('scheduled|digest|2026-11');
    expect(await outbox('board-digest')).toHaveLength(0);
    await setChannel();
    expect(await scheduler.tick()).toContain('scheduled|digest|2026-11');
    expect(await scheduler.tick()).toEqual([]);
    expect((await outbox('board-digest')).map((m) => m.dedupeKey)).toEqual(['board-digest|board|2026-11']);
  });

  it('mentions owners without the app from the team roster, read once', async () => {
    await setChannel();
    await srv01Red();
    const gareth = await person('benefitsManager');
    roster = [{ teamsUserId: '29:gareth-from-roster', aadObjectId: gareth.aadObjectId, email: null, name: 'Gareth Lewis' }];
    await board.digest({ month: monthPeriod(2026, 10), trigger: 'chat', actor: 'test' });
    expect(rosterReads).toBe(1);
    const thread = (await outbox('board-thread')).find((m) => /SRV01/.test(cardText(cardOf(m.activity))))!;
    const card = cardOf(thread.activity);
    expect((card.msteams as { entities: { mentioned: { id: string } }[] }).entities[0]!.mentioned.id).toBe('29:gareth-from-roster');
    expect(cardText(card)).toMatch(/<at>Gareth Lewis<\/at>/);
  });

  it('still posts the digest and names the owner when the roster cannot be read', async () => {
    board = new BoardService(store, clock, { defaultTolerance }, { members: async () => Promise.reject(new Error('403 from Teams')) }, plans, log);
    await setChannel();
    await srv01Red();
    const outcome = await board.digest({ month: monthPeriod(2026, 10), trigger: 'chat', actor: 'test' });
    expect(outcome.digestQueued).toBe(true);
    const card = cardOf((await outbox('board-thread')).find((m) => /SRV01/.test(cardText(cardOf(m.activity))))!.activity);
    expect((card.msteams as { entities?: unknown[] } | undefined)?.entities ?? []).toEqual([]);
    expect(cardText(card)).toMatch(/Gareth Lewis/);
    expect(cardText(card)).not.toMatch(/<at>/);
  });

  it('rewrites the thread\'s first message while it is unsent, rather than queuing an update', async () => {
    await setChannel();
    const srv01 = await srv01Red();
    const gareth = await installFor('benefitsManager');
    await installFor('resourcesDirector');
    await board.digest({ month: monthPeriod(2026, 10), trigger: 'chat', actor: 'test' });
    const form = await plans.planCard({ person: gareth, isAdmin: false }, srv01, '2026-10');
    const submitted = await plans.submit({ person: gareth, isAdmin: false }, srv01, '2026-10', planSubmission({
      [planInputIds.lead(0)]: gareth.id, [planInputIds.due(0)]: '2026-12-01', [planInputIds.description(0)]: 'Agency assessors',
      [planInputIds.expectedRecovery]: form.recoveryChoices[1]!.value, [planInputIds.likelySufficient]: 'YES',
    }));
    expect(submitted.state).toBe('SUBMITTED');
    const root = (await outbox('board-thread')).find((m) => /SRV01/.test(cardText(cardOf(m.activity))))!;
    expect(root.status).toBe('PENDING');
    expect(cardText(cardOf(root.activity))).toMatch(/submitted/i);
    expect(await outbox('board-thread-update')).toHaveLength(0);
    // Not yet posted, so the approval card goes only to the director, not into the thread.
    expect((await outbox('plan-approval')).map((m) => m.recipient)).toEqual([(await person('resourcesDirector')).id]);
  });

  it('keeps replies in a posted thread as commentary, which the Scorecard tab shows with the plan', async () => {
    await setChannel();
    await srv01Red();
    const gareth = await installFor('benefitsManager');
    await board.digest({ month: monthPeriod(2026, 10), trigger: 'chat', actor: 'test' });
    // The dispatcher posts the thread: Teams answers with the thread's conversation.
    const root = (await outbox('board-thread')).find((m) => /SRV01/.test(cardText(cardOf(m.activity))))!;
    await store.repos.outbox.claimDue('dispatcher', now, new Date(now.getTime() + 60_000), 100);
    await store.repos.outbox.markSent(root.id, 'dispatcher', { activityId: '1700', conversationId: `${CHANNEL};messageid=1700`, at: now });

    const reply = { conversationId: `${CHANNEL};messageid=1700`, teamsMessageId: '1701', text: 'Agency cover starts Monday.', postedAt: now, author: { person: gareth, name: 'Gareth Lewis', aadObjectId: gareth.aadObjectId } };
    expect(await board.recordReply(reply)).toEqual({ kind: 'stored', code: 'SRV01', periodLabel: 'October 2026' });
    expect(await board.recordReply(reply)).toMatchObject({ kind: 'alreadyStored' });
    expect(await board.recordReply({ ...reply, conversationId: `${CHANNEL};messageid=999`, teamsMessageId: '1702' })).toEqual({ kind: 'notAThread' });

    const page = (await new IndicatorPageService(store, clock, { defaultTolerance }).page({ personId: gareth.id, name: 'Gareth Lewis', email: gareth.email, isAdmin: false }, 'SRV01', monthPeriod(2026, 10)))!;
    expect(page.commentary).toEqual([{ authorName: 'Gareth Lewis', postedAtText: '23 Nov 2026, 10:00', text: 'Agency cover starts Monday.' }]);
    expect(page.actionPlan).toMatchObject({ stateText: 'Requested', decidedBy: null });
    // A record of what was said: neither rewritten nor removed, whatever a role's grants.
    await expect(db().database.sql.query(`UPDATE board_commentary SET text = 'nothing'`)).rejects.toThrow(/board_commentary is append-only: UPDATE/);
    await expect(db().database.sql.query(`DELETE FROM board_commentary`)).rejects.toThrow(/board_commentary is append-only: DELETE/);
  });

  it('lets the director ask for an amber\'s plan from its thread, and nobody else', async () => {
    await setChannel();
    const srv01 = (await store.repos.indicators.findByCode('SRV01'))!;
    await store.repos.values.append({ indicatorId: srv01.id, period: '2026-10', financialYear: 2026, value: 21.5, note: '', source: 'CARD', enteredById: null });
    await installFor('benefitsManager');
    const marcus = await installFor('resourcesDirector');
    await board.digest({ month: monthPeriod(2026, 10), trigger: 'chat', actor: 'test' });
    expect((await outbox('plan-request')).filter((m) => m.dedupeKey.includes(srv01.id))).toEqual([]); // an amber is not asked by default
    const thread = (await outbox('board-thread')).find((m) => /SRV01/.test(cardText(cardOf(m.activity))))!;
    expect(cardText(cardOf(thread.activity))).toMatch(/Ask for an action plan/);

    const tom = await person('wasteManager');
    expect(await plans.requestForAmber({ person: tom, isAdmin: false }, srv01.id, '2026-10')).toMatch(/Only Marcus Webb or the performance team/);
    expect(await store.repos.actionPlans.find(srv01.id, '2026-10')).toBeNull();

    expect(await plans.requestForAmber({ person: marcus, isAdmin: false }, srv01.id, '2026-10')).toMatch(/Asked Gareth Lewis for an action plan for SRV01/);
    expect((await outbox('plan-request')).filter((m) => m.dedupeKey.includes(srv01.id))).toHaveLength(1);
    // The thread's first message, not yet posted, now says a plan is asked for and offers no button.
    const rewritten = cardText(cardOf((await store.repos.outbox.find(thread.id))!.activity));
    expect(rewritten).toMatch(/Plan: requested/);
    expect(rewritten).not.toMatch(/Ask for an action plan/);
    expect(await plans.requestForAmber({ person: marcus, isAdmin: false }, srv01.id, '2026-10')).toMatch(/already been asked for/);
  });

  it('reminds the lead of an overdue action once, lists it in the digest, and lets the lead mark it done', async () => {
    await setChannel();
    const srv01 = await srv01Red();
    const gareth = await installFor('benefitsManager');
    const chloe = await installFor('benefitsOfficer');
    const marcus = await installFor('resourcesDirector');
    const form = await plans.planCard({ person: gareth, isAdmin: false }, srv01, '2026-10');
    await plans.submit({ person: gareth, isAdmin: false }, srv01, '2026-10', planSubmission({
      [planInputIds.lead(0)]: chloe.id, [planInputIds.due(0)]: '2026-11-25', [planInputIds.description(0)]: 'Clear the backlog of new claims',
      [planInputIds.lead(1)]: gareth.id, [planInputIds.due(1)]: '2027-01-15', [planInputIds.description(1)]: 'Recruit two assessors',
      [planInputIds.expectedRecovery]: form.recoveryChoices[2]!.value, [planInputIds.likelySufficient]: 'UNSURE',
    }));
    const planId = (await store.repos.actionPlans.find(srv01, '2026-10'))!.id;
    await plans.decide({ person: marcus, isAdmin: false }, planId, 1, 'approve', '');

    now = new Date('2026-11-27T10:00:00Z'); // two days after the first action was due
    expect(await plans.remindOverdue()).toEqual({ queued: 1, unreachable: [] });
    expect(await plans.remindOverdue()).toEqual({ queued: 0, unreachable: [] });
    const reminder = (await outbox('action-overdue'))[0]!;
    expect(reminder.recipient).toBe(chloe.id);
    expect(cardText(cardOf(reminder.activity))).toMatch(/Clear the backlog of new claims/);

    const digest = buildDigestView(await loadBoardSnapshot(store, monthPeriod(2026, 10), now, defaultTolerance));
    expect(digest.overdueActions).toEqual([{ code: 'SRV01', description: 'Clear the backlog of new claims', lead: 'Chloe Evans', dueText: 'due 25 Nov 2026, 2 days overdue' }]);
    expect(digest.attention.find((a) => a.code === 'SRV01')!.planState).toBe('APPROVED');

    const actionId = (await store.repos.actionPlans.openActionsDueBefore(new Date('2026-11-27T00:00:00Z')))[0]!.id;
    const tom = await person('wasteManager');
    expect((await plans.completeAction({ person: tom, isAdmin: false }, actionId)).doneText).toBeNull();
    expect((await plans.completeAction({ person: chloe, isAdmin: false }, actionId)).doneText).toBe('Done 27 Nov 2026 by Chloe Evans');
    expect(await store.repos.actionPlans.openActionsDueBefore(new Date('2026-11-27T00:00:00Z'))).toEqual([]);
  });
});
