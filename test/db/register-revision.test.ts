/**
 * The register's revision moves on when a change to what the scorecard shows commits, and only
 * then, so a computed scorecard is never kept past a change, nor thrown away for nothing.
 */
import { describeEachDatabase } from '../support/test-database';
import { loadDemoData } from '../../src/demo/load-demo-data';
import { ScorecardService } from '../../src/app/scorecard/scorecard-service';
import { monthPeriod } from '../../src/domain/periods';

const NOW = new Date('2026-11-17T10:00:00Z');
const tolerance = { kind: 'PERCENT_OF_TARGET' as const, percent: 10 };
const reader = { personId: null, name: 'Reader', email: 'reader@fenmarsh.gov.uk', isAdmin: false };

describeEachDatabase('the register revision', (db) => {
  it('moves on once a write commits, once a transaction, and not for a rolled-back one', async () => {
    const { store } = db();
    const before = await store.repos.registerRevision.current();
    await store.transaction(async (repos) => {
      await repos.organisation.ensureDirectorate('Revision tests');
      await repos.organisation.ensureDirectorate('Revision tests, again');
      // Not yet: the triggers run as the transaction commits.
      expect(await repos.registerRevision.current()).toBe(before);
    });
    const after = await store.repos.registerRevision.current();
    expect(BigInt(after)).toBe(BigInt(before) + 1n);
    await expect(
      store.transaction(async (repos) => {
        await repos.organisation.ensureDirectorate('Rolled back');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await store.repos.registerRevision.current()).toBe(after);
  });

  it('lets the scorecard show a new figure at once, and gives the same answer while nothing changes', async () => {
    const { store } = db();
    await loadDemoData(store, NOW);
    const scorecard = new ScorecardService(store, { now: () => NOW }, { defaultTolerance: tolerance });
    const first = await scorecard.scorecard(reader, monthPeriod(2026, 10));
    const row = first.indicators.find((r) => r.value !== null)!;
    expect(await scorecard.scorecard(reader, monthPeriod(2026, 10))).toEqual(first);

    const indicator = (await store.repos.indicators.findByCode(row.code))!;
    await store.repos.values.append({
      indicatorId: indicator.id, period: row.period, financialYear: 2026, value: (row.value ?? 0) + 1, note: 'corrected',
      source: 'ADMIN', enteredById: null, enteredAt: NOW,
    });
    const next = await scorecard.scorecard(reader, monthPeriod(2026, 10));
    expect(next.indicators.find((r) => r.code === row.code)!.value).not.toBe(row.value);
  });
});
