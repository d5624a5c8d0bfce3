/**
 * The outbox dispatcher in one process, against each database, with a fake Messenger and fake time:
 * pacing, retries, blocked and dead messages, telling the performance team, and two dispatchers on
 * one database.
 */
import { describeEachDatabase } from '../support/test-database';
import { FakeTime } from '../support/delivery/fake-time';
import { FakeMessenger, connectorError } from '../support/delivery/fake-messenger';
import { createLogger } from '../../src/logging/logger';
import { systemClock } from '../../src/clock';
import { OutboxDispatcher, type OutboxDispatcherOptions } from '../../src/delivery/outbox-dispatcher';
import { UndeliverableReporter } from '../../src/delivery/undeliverable-reporter';
import type { Store } from '../../src/db/store';
import type { NewOutboxMessage, OutboxMessage } from '../../src/db/repositories/outbox-repository';

const T0 = new Date('2026-11-04T09:00:00Z');
const log = createLogger({ logLevel: 'silent' });

const prompt = (n: number, to: Partial<NewOutboxMessage> = {}): NewOutboxMessage => ({
  dedupeKey: `prompt|person-${n}|2026-10`, purpose: 'prompt', period: '2026-10', recipient: `person-${n}`,
  serviceUrl: 'https://smba.example/', tenantId: 'tenant', conversationId: `a:chat-${n}`, teamsUserId: null, channelId: null,
  activity: { type: 'message', text: `October figures, please (${n})` }, ...to,
});

/** The most sends in any one second, closed at both ends. */
function busiestSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; last < sorted.length; last++) {
    while (sorted[last]! - sorted[first]! > 1000) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

function expectEachSentOnce(messenger: FakeMessenger, texts: string[]): void {
  const counts = new Map<string, number>();
  for (const send of messenger.sends) counts.set(send.text ?? '', (counts.get(send.text ?? '') ?? 0) + 1);
  for (const text of texts) expect([text, counts.get(text) ?? 0]).toEqual([text, 1]);
}

describeEachDatabase('the outbox dispatcher', (db) => {
  let time: FakeTime;
  let messenger: FakeMessenger;
  let store: Store;
  const dispatcher = (options: Partial<OutboxDispatcherOptions> = {}) =>
    new OutboxDispatcher({
      store, messenger, clock: time, timer: time, log, instanceId: 'dispatcher-A', messagesPerSecond: 10, maxAttempts: 4,
      random: () => 0.5,
      onUndeliverable: new UndeliverableReporter({ adminAadObjectIds: ['aad-config-admin'], clock: time, log }).report,
      ...options,
    });
  const statuses = async () => Object.fromEntries((await store.repos.outbox.list()).map((m) => [m.dedupeKey, m.status]));
  const row = async (dedupeKey: string): Promise<OutboxMessage> => (await store.repos.outbox.list()).find((m) => m.dedupeKey === dedupeKey)!;

  /** A person with a 1:1 chat with the bot; an admin if asked. */
  async function personWithChat(name: string, options: { admin?: boolean; aadObjectId?: string } = {}) {
    const { people, conversations } = store.repos;
    const person = await people.create({ email: `${name.toLowerCase()}@fenmarsh.gov.uk`, displayName: name, aadObjectId: options.aadObjectId ?? null });
    if (options.admin) await people.grantRole(person.id, 'ADMIN');
    await conversations.save({
      kind: 'PERSONAL', conversationId: `a:chat-${name.toLowerCase()}`, serviceUrl: 'https://smba.example/', tenantId: 'tenant', botId: 'bot',
      teamsUserId: `29:${name.toLowerCase()}`, aadObjectId: options.aadObjectId ?? null, personId: person.id, teamId: null, channelId: null,
    });
    return person;
  }

  beforeEach(() => {
    time = new FakeTime(T0);
    messenger = new FakeMessenger(time);
    store = db().store;
  });

  it('sends an update only once the message it replaces is sent, to that message, without counting the wait as a try', async () => {
    const original = prompt(1);
    const update: NewOutboxMessage = {
      ...prompt(1), dedupeKey: 'card-update|person-1', purpose: 'card-update', conversationId: null,
      activity: { type: 'message', text: 'Decided' }, replacesOutboxId: 'to be set',
    };
    // The update is recorded first, so it is claimed before the message it replaces has gone.
    await store.repos.outbox.enqueue([original], T0);
    const originalRow = await row(original.dedupeKey);
    await store.repos.outbox.enqueue([{ ...update, replacesOutboxId: originalRow.id }], new Date(T0.getTime() - 1));
    await dispatcher().runUntilIdle();

    const sent = await row(original.dedupeKey);
    expect(messenger.updates).toEqual([{ conversationId: 'a:chat-1', activityId: sent.activityId, text: 'Decided', at: expect.any(Number) }]);
    expect(messenger.updates[0]!.at).toBeGreaterThanOrEqual(messenger.sends[0]!.at);
    expect(await row(update.dedupeKey)).toMatchObject({ status: 'SENT', attempts: 1, activityId: sent.activityId });
  });

  it('gives up an update whose original was never delivered', async () => {
    messenger.failWhen(() => true, () => connectorError(403, 'MessageWritesBlocked'));
    await store.repos.outbox.enqueue([prompt(2)], T0);
    await dispatcher().runUntilIdle();
    const blocked = await row(prompt(2).dedupeKey);
    expect(blocked.status).toBe('BLOCKED');
    await store.repos.outbox.enqueue([{ ...prompt(2), dedupeKey: 'card-update|person-2', conversationId: null, replacesOutboxId: blocked.id }], time.now());
    await dispatcher().runUntilIdle();
    expect(messenger.updates).toEqual([]);
    expect((await row('card-update|person-2')).status).toBe('DEAD');
  });

  it('sends every message once, paced so no second holds more than the rate, and records each', async () => {
    await store.repos.outbox.enqueue(Array.from({ length: 30 }, (_, i) => prompt(i)), T0);
    await dispatcher().runUntilIdle();

    expectEachSentOnce(messenger, Array.from({ length: 30 }, (_, i) => `October figures, please (${i})`));
    expect(busiestSecond(messenger.sends.map((s) => s.at))).toBeLessThanOrEqual(10);
    expect(messenger.sends.at(-1)!.at - messenger.sends[0]!.at).toBeGreaterThanOrEqual(2_900);
    expect(await store.repos.outbox.counts()).toEqual({ PENDING: 0, SENDING: 0, SENT: 30, BLOCKED: 0, DEAD: 0 });
    expect(await row('prompt|person-3|2026-10')).toMatchObject({ attempts: 1, activityId: expect.any(String), sentConversationId: 'a:chat-3', claimedBy: 'dispatcher-A', leaseUntil: null });
  });

  it('creates the 1:1 chat when only the Teams user is known, and records the new conversation', async () => {
    await store.repos.outbox.enqueue([prompt(1, { conversationId: null, teamsUserId: '29:new-owner' })], T0);
    await dispatcher().runUntilIdle();
    expect(messenger.sends).toEqual([expect.objectContaining({ conversationId: 'a:personal-29:new-owner', created: true })]);
    expect(await row('prompt|person-1|2026-10')).toMatchObject({ status: 'SENT', sentConversationId: 'a:personal-29:new-owner' });
  });

  it('holds one conversation to 7 a second and 8 in two, handing back what must wait long and sending it later', async () => {
    await store.repos.outbox.enqueue(Array.from({ length: 10 }, (_, i) => prompt(i, { conversationId: 'a:board-thread' })), T0);
    // A short lease means a short hold: a message that would wait more than half a second goes back.
    const A = dispatcher({ messagesPerSecond: 48, leaseMs: 1_500 });
    await A.runUntilIdle();
    expect(messenger.sends).toHaveLength(7);
    const waiting = await store.repos.outbox.list({ status: 'PENDING' });
    expect(waiting).toHaveLength(3);
    expect(waiting.every((m) => m.attempts === 0 && m.nextAttemptAt.getTime() === T0.getTime() + 1_001)).toBe(true); // untried, not counted

    for (let round = 0; round < 10 && messenger.sends.length < 10; round++) {
      time.advance(Math.max(0, (await store.repos.outbox.nextDueAt())!.getTime() - time.now().getTime()));
      await A.runUntilIdle();
    }
    const all = messenger.sends.map((s) => s.at);
    expect(all).toHaveLength(10);
    expect(busiestSecond(all)).toBeLessThanOrEqual(7);
    for (const t of all) expect(all.filter((u) => u >= t && u <= t + 2000).length).toBeLessThanOrEqual(8);
    expectEachSentOnce(messenger, Array.from({ length: 10 }, (_, i) => `October figures, please (${i})`));
    expect((await store.repos.outbox.list()).every((m) => m.attempts === 1)).toBe(true);
  });

  it('on 429 waits for Retry-After before trying that message again; other sends take a breather', async () => {
    messenger.failWhen((s) => s.conversationId === 'a:chat-1', () => connectorError(429, 'Throttled', { 'Retry-After': '3' }));
    await store.repos.outbox.enqueue([prompt(1)], T0);
    const A = dispatcher();
    await A.runUntilIdle();
    const throttledAt = messenger.attempts[0]!.at;
    expect(await row('prompt|person-1|2026-10')).toMatchObject({ status: 'PENDING', attempts: 1, nextAttemptAt: new Date(throttledAt + 3_000), lastError: expect.stringContaining('429 Throttled') });

    await store.repos.outbox.enqueue([prompt(2)], time.now());
    await A.runUntilIdle();
    expect(messenger.sends.map((s) => s.conversationId)).toEqual(['a:chat-2']);
    expect(messenger.sends[0]!.at).toBeGreaterThanOrEqual(throttledAt + 250);

    time.advance(throttledAt + 2_999 - time.now().getTime());
    await A.runUntilIdle();
    expect(messenger.sends).toHaveLength(1); // not a moment before its Retry-After
    time.advance(1);
    await A.runUntilIdle();
    expect(messenger.sends.map((s) => s.conversationId)).toEqual(['a:chat-2', 'a:chat-1']);
    expect(messenger.sends[1]!.at).toBe(throttledAt + 3_000);
    expect(await row('prompt|person-1|2026-10')).toMatchObject({ status: 'SENT', attempts: 2, lastError: null });
  });

  it('after a 503 tries again with backoff and jitter, and then it is sent', async () => {
    messenger.failWhen(() => true, () => connectorError(503));
    await store.repos.outbox.enqueue([prompt(1)], T0);
    const A = dispatcher();
    await A.runUntilIdle();
    const failedAt = messenger.attempts[0]!.at;
    // random 0.5 of the first ceiling (5 s): 2.5 s
    expect(await row('prompt|person-1|2026-10')).toMatchObject({ status: 'PENDING', nextAttemptAt: new Date(failedAt + 2_500), lastError: expect.stringContaining('503') });
    time.advance(2_500);
    await A.runUntilIdle();
    expect(await row('prompt|person-1|2026-10')).toMatchObject({ status: 'SENT', attempts: 2 });
    expect(messenger.attempts).toHaveLength(2);
  });

  it('403 MessageWritesBlocked: blocked at once, never tried again, and every admin is told through the outbox', async () => {
    const owner = await personWithChat('Gareth');
    const admin = await personWithChat('Priya', { admin: true });
    const configuredAdmin = await personWithChat('Sam', { aadObjectId: 'aad-config-admin' });
    await personWithChat('Nobody'); // not an admin: not told
    messenger.failWhen((s) => s.conversationId === 'a:chat-gareth', () => connectorError(403, 'MessageWritesBlocked'), 99);
    await store.repos.outbox.enqueue([prompt(1, { recipient: owner.id, conversationId: 'a:chat-gareth', dedupeKey: `prompt|${owner.id}|2026-10` })], T0);
    await dispatcher().runUntilIdle();
    time.advance(3_600_000);
    await dispatcher().runUntilIdle();

    const blocked = await row(`prompt|${owner.id}|2026-10`);
    expect(blocked).toMatchObject({ status: 'BLOCKED', attempts: 1, lastError: expect.stringContaining('403 MessageWritesBlocked') });
    expect(messenger.attempts.filter((s) => s.conversationId === 'a:chat-gareth')).toHaveLength(1);
    const notes = messenger.sends.filter((s) => s.conversationId !== 'a:chat-gareth');
    expect(notes.map((s) => s.conversationId).sort()).toEqual(['a:chat-priya', 'a:chat-sam']);
    expect(notes[0]!.text).toMatch(/Teams refused the "prompt" message for 2026-10 to Gareth \(gareth@fenmarsh.gov.uk\).*MessageWritesBlocked.*will not be tried again/);
    expect(await statuses()).toMatchObject({ [`undeliverable|${admin.id}|${blocked.id}`]: 'SENT', [`undeliverable|${configuredAdmin.id}|${blocked.id}`]: 'SENT' });
    const audit = await store.repos.audit.forEntity('OutboxMessage', blocked.id);
    expect(audit).toEqual([expect.objectContaining({ action: 'delivery.blocked', actorLabel: 'delivery', after: expect.objectContaining({ adminsTold: 2, recipient: owner.id }) })]);
  });

  it('gives a message up as dead after the last try, and tells the admins', async () => {
    const admin = await personWithChat('Priya', { admin: true });
    messenger.failWhen((s) => s.conversationId === 'a:chat-1', () => connectorError(502), 99);
    await store.repos.outbox.enqueue([prompt(1)], T0);
    const A = dispatcher({ maxAttempts: 3 });
    for (let i = 0; i < 4; i++) {
      await A.runUntilIdle();
      time.advance(300_000);
    }
    const dead = await row('prompt|person-1|2026-10');
    expect(dead).toMatchObject({ status: 'DEAD', attempts: 3, lastError: expect.stringMatching(/^gave up after 3 tries; last: 502/) });
    expect(messenger.attempts.filter((s) => s.conversationId === 'a:chat-1')).toHaveLength(3);
    expect(messenger.sends).toEqual([expect.objectContaining({ conversationId: 'a:chat-priya', text: expect.stringMatching(/could not deliver the "prompt" message for 2026-10 to person-1 after 3 tries/) })]);
    expect(await statuses()).toMatchObject({ [`undeliverable|${admin.id}|${dead.id}`]: 'SENT' });
  });

  it('does not report a note to an admin that cannot be delivered either, so nothing loops', async () => {
    const admin = await personWithChat('Priya', { admin: true });
    messenger.failWhen(() => true, () => connectorError(403, 'BotDisabledByAdmin'), 99);
    await store.repos.outbox.enqueue([prompt(1)], T0);
    await dispatcher().runUntilIdle();
    const messages = (await store.repos.outbox.list()).sort((a, b) => a.purpose.localeCompare(b.purpose));
    expect(messages.map((m) => [m.purpose, m.status])).toEqual([['prompt', 'BLOCKED'], ['undeliverable', 'BLOCKED']]);
    expect(messages[1]!.recipient).toBe(admin.id);
    expect(await store.repos.audit.count({ action: 'delivery.blocked' })).toBe(2);
  });

  it('a message with nowhere to go is dead at once', async () => {
    await store.repos.outbox.enqueue([prompt(1, { conversationId: null })], T0);
    await dispatcher().runUntilIdle();
    expect(await row('prompt|person-1|2026-10')).toMatchObject({ status: 'DEAD', attempts: 1, lastError: expect.stringContaining('NoAddress') });
  });

  it('takes over a message whose dispatcher died holding it, once the lease has run out', async () => {
    await store.repos.outbox.enqueue([prompt(1)], T0);
    await store.repos.outbox.claimDue('died', T0, new Date(T0.getTime() + 5_000), 10);
    const A = dispatcher();
    await A.runUntilIdle();
    expect(messenger.sends).toEqual([]);
    time.advance(5_001);
    await A.runUntilIdle();
    expect(await row('prompt|person-1|2026-10')).toMatchObject({ status: 'SENT', attempts: 2, claimedBy: 'dispatcher-A' });
  });

  it('two dispatchers on one database never send the same message', async () => {
    await store.repos.outbox.enqueue(Array.from({ length: 60 }, (_, i) => prompt(i)), T0);
    const A = dispatcher({ instanceId: 'dispatcher-A', messagesPerSecond: 50 });
    const B = dispatcher({ instanceId: 'dispatcher-B', messagesPerSecond: 50 });
    await Promise.all([A.runUntilIdle(), B.runUntilIdle()]);
    expectEachSentOnce(messenger, Array.from({ length: 60 }, (_, i) => `October figures, please (${i})`));
    expect(messenger.attempts).toHaveLength(60);
    const byInstance = (await store.repos.outbox.list()).reduce<Record<string, number>>((acc, m) => ({ ...acc, [m.claimedBy!]: (acc[m.claimedBy!] ?? 0) + 1 }), {});
    expect(byInstance['dispatcher-A']! + byInstance['dispatcher-B']!).toBe(60);
    expect(byInstance['dispatcher-A']).toBeGreaterThan(0);
    expect(byInstance['dispatcher-B']).toBeGreaterThan(0);
  });

  it('running for real: wake() sends at once, and stop() hands back what it claimed but had not sent', async () => {
    messenger = new FakeMessenger(systemClock);
    const A = dispatcher({ clock: systemClock, timer: undefined, messagesPerSecond: 20, idlePollMs: 60_000 });
    A.start();
    await new Promise((resolve) => setTimeout(resolve, 100)); // idle now, polling only once a minute
    await store.repos.outbox.enqueue(Array.from({ length: 40 }, (_, i) => prompt(i)), new Date());
    A.wake();
    await new Promise((resolve) => setTimeout(resolve, 400));
    await A.stop();

    const counts = await store.repos.outbox.counts();
    expect(counts.SENT).toBeGreaterThanOrEqual(3);
    expect(counts.SENT).toBeLessThan(40);
    expect(counts).toMatchObject({ SENDING: 0, PENDING: 40 - counts.SENT });
    expect(messenger.sends).toHaveLength(counts.SENT);
    expect((await store.repos.outbox.list({ status: 'PENDING' })).every((m) => m.attempts === 0)).toBe(true);
  });
});
