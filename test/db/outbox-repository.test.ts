import { describeEachDatabase } from '../support/test-database';
import { T0, later, outboxMessage } from '../support/outbox-fixtures';

const message = outboxMessage;

describeEachDatabase('the outbox', (db) => {
  it('records each message once, however often it is enqueued', async () => {
    const { outbox } = db().store.repos;
    expect(await outbox.enqueue([message(1), message(2)], T0)).toBe(2);
    expect(await outbox.enqueue([message(1), message(2), message(3)], T0)).toBe(1);
    expect(await outbox.counts({ period: '2026-10' })).toEqual({ PENDING: 3, SENDING: 0, SENT: 0, BLOCKED: 0, DEAD: 0 });
  });

  it('never gives one message to two dispatchers, even claiming at the same moment', async () => {
    const { outbox } = db().store.repos;
    await outbox.enqueue(Array.from({ length: 20 }, (_, i) => message(i)), T0);
    const [a, b] = await Promise.all([outbox.claimDue('A', T0, later(30_000), 12), outbox.claimDue('B', T0, later(30_000), 12)]);
    const ids = [...a, ...b].map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(20);
    expect([...a, ...b].every((m) => m.status === 'SENDING' && m.attempts === 1)).toBe(true);
    expect(a[0]!.activity).toEqual({ type: 'message', text: expect.stringMatching(/^Hello/) });
  });

  it('takes back a message whose dispatcher died once the lease runs out, and only the holder may settle it', async () => {
    const { outbox } = db().store.repos;
    await outbox.enqueue([message(1)], T0);
    const [first] = await outbox.claimDue('A', T0, later(30_000), 10);
    expect(await outbox.claimDue('B', later(10_000), later(40_000), 10)).toEqual([]);
    const [retaken] = await outbox.claimDue('B', later(31_000), later(61_000), 10);
    expect(retaken).toMatchObject({ id: first!.id, claimedBy: 'B', attempts: 2 });
    expect(await outbox.markSent(first!.id, 'A', { activityId: 'x', conversationId: 'a:conv-1', at: later(31_500) })).toBe(false);
    expect(await outbox.markSent(first!.id, 'B', { activityId: '1001', conversationId: 'a:conv-1', at: later(32_000) })).toBe(true);
    expect(await outbox.find(first!.id)).toMatchObject({ status: 'SENT', activityId: '1001', leaseUntil: null });
    expect(await outbox.claimDue('C', later(3_600_000), later(3_630_000), 10)).toEqual([]);
  });

  it('waits until a retry falls due, and keeps dead and blocked messages out of the queue', async () => {
    const { outbox } = db().store.repos;
    await outbox.enqueue([message(1), message(2), message(3)], T0);
    const claimed = await outbox.claimDue('A', T0, later(30_000), 10);
    await outbox.markRetry(claimed[0]!.id, 'A', later(5_000), '503 Service Unavailable');
    await outbox.markDead(claimed[1]!.id, 'A', 'gave up after 5 tries');
    await outbox.markBlocked(claimed[2]!.id, 'A', '403 MessageWritesBlocked');
    expect(await outbox.claimDue('A', later(1_000), later(31_000), 10)).toEqual([]);
    expect(await outbox.nextDueAt()).toEqual(later(5_000));
    expect((await outbox.claimDue('A', later(5_000), later(35_000), 10)).map((m) => m.id)).toEqual([claimed[0]!.id]);
    expect(await outbox.counts()).toMatchObject({ SENDING: 1, DEAD: 1, BLOCKED: 1 });
  });
});
