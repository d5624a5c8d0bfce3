/**
 * The job runner in one process, on both databases, with a fake Messenger for the prompts and one
 * for the progress cards: an admin's "open" recorded as a job runs outside the turn, records its
 * prompts in batches, follows their delivery and shows the end on the card; a job whose runner
 * died half-way through recording is taken over once its lease has run out and finishes with each
 * prompt recorded once; a runner that stops hands its job back at its next recipient.
 */
import type { Activity } from 'botbuilder';
import { importRegister } from '../../src/app/import-register';
import { EntryService } from '../../src/app/entry/entry-service';
import { CycleService } from '../../src/app/cycle/cycle-service';
import { OutboxBatches, type RecordingProgress } from '../../src/app/cycle/outbox-batches';
import { BackgroundJobs, type CommandPlace } from '../../src/app/jobs/background-jobs';
import { JobViews } from '../../src/app/jobs/job-views';
import { JobSteps } from '../../src/app/jobs/job-steps';
import { JobRunner } from '../../src/jobs/job-runner';
import { OutboxDispatcher } from '../../src/delivery/outbox-dispatcher';
import type { ConversationAddress, Messenger } from '../../src/bot/messenger';
import { startingClock, type Clock } from '../../src/clock';
import { monthPeriod } from '../../src/domain/periods';
import { createLogger } from '../../src/logging/logger';
import type { Store } from '../../src/db/store';
import { describeEachDatabase } from '../support/test-database';
import { indicatorCells, registerFile } from '../support/register-fixtures';
import { FakeMessenger } from '../support/delivery/fake-messenger';
import { cardText } from '../support/card-json';
import { jobState } from '../support/job-cards';

const OWNERS = 30;
/** Recipients per batch: small, so that recording takes several batches. */
const BATCH = 10;
/** The last two owners have not installed the app. */
const REACHABLE = OWNERS - 2;
const DECEMBER = monthPeriod(2026, 12);
const calendar = {
  openWorkingDay: 3, openTime: '09:00', reminderWorkingDays: [6, 8], deadlineWorkingDay: 10, deadlineTime: '17:00',
  escalateVerifierWorkingDay: 11, escalateDirectorWorkingDay: 13, closeWorkingDay: 15, digestWorkingDay: 16,
};
const tolerance = { kind: 'PERCENT_OF_TARGET' as const, percent: 10 };
const log = createLogger({ logLevel: 'silent' });
const ownerEmail = (i: number) => `owner.${i}@fenmarsh.gov.uk`;
const place = (key: string): CommandPlace => ({ requestKey: `a:personal-29:priya|${key}`, serviceUrl: 'https://smba.example/uk/', conversationId: 'a:personal-29:priya', tenantId: 'tenant' });

const register = registerFile({
  Indicators: Array.from({ length: OWNERS }, (_, i) => indicatorCells({
    code: `IND${String(i).padStart(3, '0')}`, title: `Indicator ${i}`, owner_email: ownerEmail(i), owner_aad_object_id: '',
    director_email: 'marcus.webb@fenmarsh.gov.uk', director_aad_object_id: '',
  })),
});

/** The progress card's updates, as Teams would receive them. */
class CardMessenger implements Pick<Messenger, 'update'> {
  readonly updates: { activityId: string; card: Record<string, unknown>; at: number }[] = [];
  constructor(private readonly clock: Clock) {}
  async update(_address: ConversationAddress, activityId: string, activity: Partial<Activity>): Promise<void> {
    this.updates.push({ activityId, card: activity.attachments![0]!.content as Record<string, unknown>, at: this.clock.now().getTime() });
  }
}

describeEachDatabase('the job runner', (db) => {
  let store: Store;
  let clock: Clock;
  let dispatcher: OutboxDispatcher;
  let prompts: FakeMessenger;
  let cycle: CycleService;
  let views: JobViews;

  beforeEach(async () => {
    store = db().store;
    // The month's opening day, running on in real time (leases and rates need time to pass).
    clock = startingClock(new Date('2027-01-06T09:05:00Z'));
    await importRegister(store, register, { dryRun: false, actorLabel: 'test', currentFinancialYear: 2026 });
    for (let i = 0; i < REACHABLE; i++) {
      const person = (await store.repos.people.findByEmail(ownerEmail(i)))!;
      await store.repos.conversations.save({
        kind: 'PERSONAL', conversationId: `a:owner-${i}`, serviceUrl: 'https://smba.example/uk/', tenantId: 'tenant', botId: '28:bot',
        teamsUserId: `29:owner-${i}`, aadObjectId: null, personId: person.id, teamId: null, channelId: null,
      });
    }
    prompts = new FakeMessenger(clock);
    dispatcher = new OutboxDispatcher({ store, messenger: prompts, clock, log, instanceId: 'dispatcher', messagesPerSecond: 48, maxAttempts: 6 });
    cycle = new CycleService(store, clock, new EntryService(store, clock, { defaultTolerance: tolerance }), { calendar, defaultTolerance: tolerance, batchSize: BATCH }, () => dispatcher.wake());
    views = new JobViews(store);
  });
  afterEach(async () => {
    await dispatcher.stop();
  });

  const runner = (instanceId: string, cards: CardMessenger, over: Partial<ConstructorParameters<typeof JobRunner>[0]> = {}) =>
    new JobRunner({
      store, clock, log, instanceId, steps: new JobSteps(cycle, { digest: () => Promise.reject(new Error('no digest here')) }, instanceId),
      views, messenger: cards, tickMs: 200, minCardIntervalMs: 200, leaseMs: 2_000, ...over,
    });

  async function promptsByRecipient(): Promise<Map<string, number>> {
    const rows = await store.repos.outbox.list({ purpose: 'prompt', period: '2026-12' });
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(row.recipient, (counts.get(row.recipient) ?? 0) + 1);
    return counts;
  }

  it('runs an admin\'s "open" outside the turn: batches, delivery followed, and the end on the card', async () => {
    dispatcher.start();
    const cards = new CardMessenger(clock);
    const jobs = new BackgroundJobs(store, clock, views);
    const started = await jobs.request({ kind: 'open', month: DECEMBER, requestedBy: 'Priya Shah', requestedById: null, place: place('1') });
    expect(started).toMatchObject({ kind: 'started', fresh: true, cardActivityId: null, view: { state: 'QUEUED', stateText: 'Starting…', title: 'Open December 2026' } });
    // Teams sends the same activity again: the same job, nothing new.
    const retried = await jobs.request({ kind: 'open', month: DECEMBER, requestedBy: 'Priya Shah', requestedById: null, place: place('1') });
    expect(retried).toMatchObject({ jobId: started.jobId, fresh: false });
    expect(await jobs.cardPosted(started.jobId, 'card-1')).toBeNull(); // not ended: the runner updates the card

    expect(await runner('runner-a', cards).runUntilIdle()).toBe(1);

    const job = (await store.repos.jobs.find(started.jobId))!;
    expect(job).toMatchObject({ status: 'DONE', attempts: 1, leaseOwner: null, progress: { phase: 'done', recorded: REACHABLE, toRecord: REACHABLE } });
    expect(job.outcome).toMatchObject({ kind: 'step', step: { step: 'open', queued: REACHABLE, alreadyQueued: 0 } });
    expect((job.outcome as { step: { unreachable: string[] } }).step.unreachable).toHaveLength(2);
    // Every prompt recorded once and sent once, in batches.
    const counts = await promptsByRecipient();
    expect(counts.size).toBe(REACHABLE);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(new Set((await store.repos.outbox.list({ purpose: 'prompt' })).map((r) => r.createdAt.getTime())).size).toBeGreaterThanOrEqual(REACHABLE / BATCH);
    expect(await store.repos.outbox.counts({ purpose: 'prompt' })).toMatchObject({ SENT: REACHABLE, PENDING: 0, SENDING: 0 });
    expect(new Set(prompts.sends.map((s) => s.conversationId)).size).toBe(REACHABLE);

    // The card: updated only in place, never more often than the interval, ending with the outcome.
    expect(cards.updates.length).toBeGreaterThanOrEqual(1);
    expect(cards.updates.every((u) => u.activityId === 'card-1')).toBe(true);
    for (let i = 1; i < cards.updates.length; i++) expect(cards.updates[i]!.at - cards.updates[i - 1]!.at).toBeGreaterThanOrEqual(200);
    const end = cards.updates.at(-1)!.card;
    expect(jobState(end)).toBe('Done');
    expect(cardText(end)).toMatch(new RegExp(`open 2026-12\\*\\* \\(2026-12, 2026/27 Q3\\): ${REACHABLE} messages queued, 0 already sent or queued earlier`));
    expect(cardText(end)).toMatch(/Not reachable \(the app is not installed for them\): /);
    expect(cardText(end)).toMatch(new RegExp(`Sent\\n${REACHABLE}\\b`));

    // The period opened first and audited, then the step's one audit entry with its counts.
    const audit = await db().database.prisma.auditLog.findMany({ where: { action: { in: ['period.opened', 'cycle.open'] } }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['period.opened', 'cycle.open']);
    expect(audit[1]!.after).toMatchObject({ trigger: 'chat', queued: REACHABLE, alreadyQueued: 0 });

    // A card posted after the end (the turn was slow) is shown the end by the turn.
    expect(await jobs.cardPosted(started.jobId, 'card-1')).toMatchObject({ state: 'DONE', stateText: 'Done' });
  });

  it('takes over a job whose runner died half-way through recording, recording each prompt once', async () => {
    const jobs = new BackgroundJobs(store, clock, views);
    const { jobId } = await jobs.request({ kind: 'open', month: DECEMBER, requestedBy: 'Priya Shah', requestedById: null, place: place('2') });
    await jobs.cardPosted(jobId, 'card-2');
    // A runner claims it and dies after its second batch: its step stops there, its lease is never renewed.
    const now = clock.now();
    const claimed = (await store.repos.jobs.claimNext('died', now, new Date(now.getTime() + 1_000)))!;
    const died = new Error('the process was killed');
    await expect(new JobSteps(cycle, { digest: () => Promise.reject(died) }, 'died').run(claimed, (p: RecordingProgress) => {
      if (p.queued > BATCH) throw died;
    })).rejects.toBe(died);
    const before = (await promptsByRecipient()).size;
    expect(before).toBeGreaterThan(BATCH);
    expect(before).toBeLessThan(REACHABLE);

    dispatcher.start();
    const cards = new CardMessenger(clock);
    // Nothing to take over until the lease has run out; then the survivor takes it and finishes.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await runner('survivor', cards).runUntilIdle()).toBe(1);

    const job = (await store.repos.jobs.find(jobId))!;
    expect(job).toMatchObject({ status: 'DONE', attempts: 2 });
    expect(job.outcome).toMatchObject({ step: { queued: REACHABLE - before, alreadyQueued: before } });
    const counts = await promptsByRecipient();
    expect(counts.size).toBe(REACHABLE);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(await store.repos.outbox.counts({ purpose: 'prompt' })).toMatchObject({ SENT: REACHABLE });
    const sentTo = prompts.sends.map((s) => s.conversationId);
    expect(sentTo.length).toBe(REACHABLE);
    expect(new Set(sentTo).size).toBe(REACHABLE);
    const end = cards.updates.at(-1)!.card;
    expect(jobState(end)).toBe('Done');
    expect(cardText(end)).toMatch(/resumed after an interruption; nothing is sent twice/);
  });

  it('hands its job back at the next recipient when it stops, for the next runner to finish', async () => {
    const jobs = new BackgroundJobs(store, clock, views);
    const { jobId } = await jobs.request({ kind: 'open', month: DECEMBER, requestedBy: 'Priya Shah', requestedById: null, place: place('3') });
    let stopNow: () => void = () => {};
    const stopping = new Promise<void>((resolve) => (stopNow = resolve));
    const first = runner('first', new CardMessenger(clock), {
      // The real step, with its progress held at the first recipient until the runner is stopping.
      steps: { run: (job, onRecording) => new JobSteps(cycle, { digest: () => Promise.reject(new Error('none')) }, 'first').run(job, async (p) => {
        if (p.recorded <= 1) {
          stopNow();
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await onRecording(p);
      }) },
    });
    first.start();
    await stopping;
    await first.stop();
    expect(await store.repos.jobs.find(jobId)).toMatchObject({ status: 'QUEUED', attempts: 0, leaseOwner: null, outcome: null });
    // It stopped at once: the first prompt (recorded at once) and nothing more.
    expect((await promptsByRecipient()).size).toBe(1);

    dispatcher.start();
    expect(await runner('next', new CardMessenger(clock)).runUntilIdle()).toBe(1);
    expect(await store.repos.jobs.find(jobId)).toMatchObject({ status: 'DONE', attempts: 1 });
    const counts = await promptsByRecipient();
    expect(counts.size).toBe(REACHABLE);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });
});

describeEachDatabase('recording in batches', (db) => {
  it('records the first message at once, then each batch in one go as it fills, waking the dispatcher and telling how far it has got', async () => {
    const store = db().store;
    const clock = { now: () => new Date('2027-01-06T09:05:00Z') };
    const wakes: number[] = [];
    const seen: RecordingProgress[] = [];
    const batches = new OutboxBatches(store, clock, 250, () => wakes.push(seen.length), (p) => void seen.push(p), 100);
    const message = (i: number) => ({
      dedupeKey: `prompt|p-${i}|2026-12`, purpose: 'prompt', period: '2026-12', recipient: `p-${i}`, serviceUrl: 'https://smba.example/',
      tenantId: 't', conversationId: `a:${i}`, teamsUserId: null, channelId: null, activity: { type: 'message', text: `${i}` },
    });
    for (let i = 0; i < 250; i++) await batches.add(i % 50 === 7 ? null : message(i));
    await batches.flush();
    expect(batches.offered).toBe(245);
    expect(batches.queued).toBe(245);
    expect(wakes).toHaveLength(4);
    expect(await store.repos.outbox.counts({ purpose: 'prompt' })).toMatchObject({ PENDING: 245 });
    // Recorded counts only recipients whose message is in the outbox (or who needed none): it rises a batch at a time.
    expect([...new Set(seen.map((p) => p.queued))]).toEqual([1, 101, 201, 245]);
    expect(seen[0]).toEqual({ recorded: 1, toRecord: 250, queued: 1 });
    expect(Math.max(...seen.filter((p) => p.queued === 1).map((p) => p.recorded))).toBe(3);
    // The 101 messages and the two recipients who needed none.
    expect(seen.find((p) => p.queued === 101)!.recorded).toBe(103);
    expect(seen.at(-1)).toEqual({ recorded: 250, toRecord: 250, queued: 245 });
    // Again: nothing new (the dedupe keys), nobody woken.
    const again = new OutboxBatches(store, clock, 250, () => wakes.push(-1), () => {}, 100);
    for (let i = 0; i < 250; i++) await again.add(i % 50 === 7 ? null : message(i));
    await again.flush();
    expect([again.offered, again.queued]).toEqual([245, 0]);
    expect(wakes).toHaveLength(4);
  });
});
