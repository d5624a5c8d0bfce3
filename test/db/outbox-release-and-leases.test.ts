import { describeEachDatabase } from '../support/test-database';
import { T0, later, outboxMessage } from '../support/outbox-fixtures';

const message = outboxMessage;

describeEachDatabase('outbox claims handed back and renewed', (db) => {
  it('release hands a claimed message back untried: due when asked, the attempt not counted, only by its holder', async () => {
    const { outbox } = db().store.repos;
    await outbox.enqueue([message(1)], T0);
    const [claimed] = await outbox.claimDue('A', T0, later(30_000), 10);
    expect(await outbox.release(claimed!.id, 'B', later(2_000))).toBe(false);
    expect(await outbox.release(claimed!.id, 'A', later(2_000))).toBe(true);
    expect(await outbox.find(claimed!.id)).toMatchObject({ status: 'PENDING', attempts: 0, nextAttemptAt: later(2_000), leaseUntil: null });
    expect(await outbox.claimDue('A', later(1_999), later(31_999), 10)).toEqual([]);
    expect(await outbox.claimDue('A', later(2_000), later(32_000), 10)).toEqual([expect.objectContaining({ id: claimed!.id, attempts: 1 })]);
  });

  it('extendLeases keeps the holder\'s claims from being taken, and nobody else\'s', async () => {
    const { outbox } = db().store.repos;
    await outbox.enqueue([message(1), message(2)], T0);
    const [a] = await outbox.claimDue('A', T0, later(10_000), 1);
    const [b] = await outbox.claimDue('B', T0, later(10_000), 1);
    expect(await outbox.extendLeases([a!.id, b!.id], 'A', later(60_000))).toBe(1);
    expect(await outbox.extendLeases([], 'A', later(60_000))).toBe(0);
    const retaken = await outbox.claimDue('C', later(10_001), later(40_000), 10);
    expect(retaken.map((m) => m.id)).toEqual([b!.id]);
    expect(await outbox.find(a!.id)).toMatchObject({ status: 'SENDING', claimedBy: 'A', leaseUntil: later(60_000) });
  });
});
