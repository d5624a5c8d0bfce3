import { describeEachDatabase } from '../support/test-database';
import { importRegister } from '../../src/app/import-register';
import { smallRegister } from '../support/register-fixtures';

describeEachDatabase('value versions and the audit log', (db) => {
  async function srv01Id(): Promise<string> {
    const { store } = db();
    await importRegister(store, smallRegister(), { dryRun: false, actorLabel: 'test', currentFinancialYear: 2026 });
    return (await store.repos.indicators.findByCode('SRV01'))!.id;
  }

  it('numbers each correction as the next version and keeps every earlier one', async () => {
    const { store } = db();
    const indicatorId = await srv01Id();
    const base = { indicatorId, period: '2026-06', financialYear: 2026, note: '', source: 'CARD' as const, enteredById: null };

    await store.repos.values.append({ ...base, value: 19.5 });
    await store.repos.values.append({ ...base, value: 19.7, note: 'late returns added' });

    expect((await store.repos.values.history(indicatorId, '2026-06')).map((v) => [v.version, v.value, v.note])).toEqual([
      [1, 19.5, ''],
      [2, 19.7, 'late returns added'],
    ]);
    expect(await store.repos.values.latest(indicatorId, '2026-06')).toMatchObject({ version: 2, value: 19.7 });
    const current = await store.repos.values.currentFor([indicatorId]);
    expect(current.map((v) => [v.period, v.version])).toEqual([['2026-04', 1], ['2026-05', 1], ['2026-06', 2]]);
  });

  it('refuses to store the same version twice, so two racing writers cannot both win', async () => {
    const { store } = db();
    const indicatorId = await srv01Id();
    const row = { indicatorId, period: '2026-07', financialYear: 2026, version: 1, value: 1, note: '', source: 'CARD' as const };
    await db().database.prisma.indicatorValue.create({ data: row });
    await expect(db().database.prisma.indicatorValue.create({ data: { ...row, value: 2 } })).rejects.toMatchObject({ code: 'P2002' });
    expect(await store.repos.values.history(indicatorId, '2026-07')).toHaveLength(1);
  });

  it('will not let a stored value be overwritten', async () => {
    const indicatorId = await srv01Id();
    await expect(
      db().database.sql.query(`UPDATE indicator_value SET value = 1 WHERE indicator_id = $1`, [indicatorId]),
    ).rejects.toThrow(/indicator_value is append-only: UPDATE is not allowed/);
  });

  it('will not let the audit log be changed or deleted', async () => {
    const { store, database } = db();
    await store.repos.audit.record({ actorLabel: 'Gareth Lewis', action: 'value.created', entityType: 'IndicatorValue', entityId: 'x', after: { value: 1 } });
    await expect(database.sql.query(`UPDATE audit_log SET action = 'rewritten'`)).rejects.toThrow(/append-only: UPDATE/);
    await expect(database.sql.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only: DELETE/);
    expect(await store.repos.audit.forEntity('IndicatorValue', 'x')).toEqual([
      expect.objectContaining({ action: 'value.created', actorLabel: 'Gareth Lewis', after: { value: 1 } }),
    ]);
  });

  it('rolls back every write of a transaction that fails', async () => {
    const { store } = db();
    await expect(
      store.transaction(async (repos) => {
        await repos.people.create({ email: 'temp@fenmarsh.gov.uk', aadObjectId: null, displayName: 'Temp' });
        await repos.audit.record({ actorLabel: 'test', action: 'person.created', entityType: 'Person', entityId: 'temp' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.repos.people.findByEmail('temp@fenmarsh.gov.uk')).toBeNull();
    expect(await store.repos.audit.count()).toBe(0);
  });
});
