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

  it('stores a submission in one statement: only what changed, as next versions, each with its audit', async () => {
    const { store } = db();
    const srv01 = await srv01Id();
    const fin01 = (await store.repos.indicators.findByCode('FIN01'))!.id;
    const gareth = (await store.repos.people.findByEmail('gareth.lewis@fenmarsh.gov.uk'))!;
    const at = new Date('2026-07-03T09:30:00Z');
    const submission = (values: { indicatorId: string; value: number; note: string; estimated?: boolean; unusualConfirmed?: boolean }[]) => ({
      period: '2026-06', financialYear: 2026, source: 'CARD' as const, enteredById: gareth.id, actorLabel: 'Gareth Lewis', enteredAt: at,
      values: values.map((v) => ({ estimated: false, unusualConfirmed: false, ...v })),
    });

    const first = await store.repos.values.appendChanged(submission([{ indicatorId: fin01, value: 7.25, note: '' }, { indicatorId: srv01, value: 19.5, note: 'draft' }]));
    expect(first.map((v) => [v.indicatorId, v.version, v.value, v.note, v.source, v.enteredById, v.enteredAt.toISOString()])).toEqual([
      [fin01, 1, 7.25, '', 'CARD', gareth.id, at.toISOString()],
      [srv01, 1, 19.5, 'draft', 'CARD', gareth.id, at.toISOString()],
    ]);

    // The same figures again change nothing; a new note or value is the next version.
    expect(await store.repos.values.appendChanged(submission([{ indicatorId: fin01, value: 7.25, note: '' }, { indicatorId: srv01, value: 19.5, note: 'draft' }]))).toEqual([]);
    const second = await store.repos.values.appendChanged(submission([{ indicatorId: fin01, value: 7.25, note: '' }, { indicatorId: srv01, value: 19.5, note: 'final' }]));
    expect(second.map((v) => [v.indicatorId, v.version, v.note])).toEqual([[srv01, 2, 'final']]);
    expect((await store.repos.values.history(srv01, '2026-06')).map((v) => [v.version, v.note])).toEqual([[1, 'draft'], [2, 'final']]);

    expect((await store.repos.audit.forEntity('IndicatorValue', first[1]!.id))).toEqual([expect.objectContaining({
      actorId: gareth.id, actorLabel: 'Gareth Lewis', action: 'value.created', before: undefined,
      after: { indicatorId: srv01, period: '2026-06', value: 19.5, note: 'draft', version: 1, estimated: false, unusualConfirmed: false },
    })]);
    expect((await store.repos.audit.forEntity('IndicatorValue', second[0]!.id))).toEqual([expect.objectContaining({
      action: 'value.corrected', before: { value: 19.5, note: 'draft', version: 1, estimated: false, unusualConfirmed: false },
      after: { indicatorId: srv01, period: '2026-06', value: 19.5, note: 'final', version: 2, estimated: false, unusualConfirmed: false },
    })]);
    expect(await store.repos.audit.forEntity('IndicatorValue', first[0]!.id)).toHaveLength(1);

    // #16: the same figure marked as an estimate, or confirmed as unusual, is a version of its own,
    // audited with the flags before and after, and read back with them.
    const flagged = await store.repos.values.appendChanged(submission([
      { indicatorId: fin01, value: 7.25, note: '', estimated: true },
      { indicatorId: srv01, value: 19.5, note: 'final', unusualConfirmed: true },
    ]));
    expect(flagged.map((v) => [v.indicatorId, v.version, v.estimated, v.unusualConfirmed])).toEqual([[fin01, 2, true, false], [srv01, 3, false, true]]);
    expect((await store.repos.audit.forEntity('IndicatorValue', flagged[0]!.id))).toEqual([expect.objectContaining({
      action: 'value.corrected', before: { value: 7.25, note: '', version: 1, estimated: false, unusualConfirmed: false },
      after: { indicatorId: fin01, period: '2026-06', value: 7.25, note: '', version: 2, estimated: true, unusualConfirmed: false },
    })]);
    expect((await store.repos.values.currentForPeriods([fin01, srv01], ['2026-06'])).map((v) => [v.version, v.estimated, v.unusualConfirmed]).sort())
      .toEqual([[2, true, false], [3, false, true]]);
    expect(await store.repos.values.appendChanged(submission([{ indicatorId: fin01, value: 7.25, note: '', estimated: true }]))).toEqual([]);
  });

  it('stores none of a submission when another writer took a version meanwhile', async () => {
    const { store, database } = db();
    const srv01 = await srv01Id();
    const fin01 = (await store.repos.indicators.findByCode('FIN01'))!.id;
    // Another writer's version 2 lands between this statement's read and its insert: simulated by a
    // trigger that inserts it just before, so the (indicator, period, version) key collides.
    const auditedBefore = await store.repos.audit.count();
    await store.repos.values.append({ indicatorId: srv01, period: '2026-08', financialYear: 2026, value: 1, note: '', source: 'CARD', enteredById: null });
    await database.sql.query(
      `CREATE FUNCTION steal_version() RETURNS trigger AS $$ BEGIN
         IF NEW.version = 2 AND NEW.note = 'racing' THEN
           INSERT INTO indicator_value (id, indicator_id, period, financial_year, version, value, note, source)
           VALUES ('stolen', NEW.indicator_id, NEW.period, NEW.financial_year, 2, 9, 'other writer', 'CARD');
         END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
    );
    await database.sql.query(`CREATE TRIGGER steal BEFORE INSERT ON indicator_value FOR EACH ROW EXECUTE FUNCTION steal_version()`);
    await expect(store.repos.values.appendChanged({
      period: '2026-08', financialYear: 2026, source: 'CARD', enteredById: null as unknown as string, actorLabel: 'x', enteredAt: new Date('2026-09-01T00:00:00Z'),
      values: [{ indicatorId: fin01, value: 5, note: '', estimated: false, unusualConfirmed: false }, { indicatorId: srv01, value: 2, note: 'racing', estimated: false, unusualConfirmed: false }],
    })).rejects.toThrow();
    expect(await store.repos.values.history(fin01, '2026-08')).toEqual([]);
    expect((await store.repos.values.history(srv01, '2026-08')).map((v) => v.version)).toEqual([1]);
    expect(await store.repos.audit.count()).toBe(auditedBefore);
  });

  it('will not let a stored value be overwritten', async () => {
    const indicatorId = await srv01Id();
    await expect(
      db().database.sql.query(`UPDATE indicator_value SET value = 1 WHERE indicator_id = $1`, [indicatorId]),
    ).rejects.toThrow(/indicator_value is append-only: UPDATE is not allowed/);
  });

  it('will not let a value version or its narrative be deleted', async () => {
    const { store, database } = db();
    const indicatorId = await srv01Id();
    const owner = (await store.repos.people.findByEmail((await database.sql.query<{ email: string }>('SELECT email FROM person LIMIT 1'))[0]!.email))!;
    const value = await store.repos.values.append({ indicatorId, period: '2026-06', financialYear: 2026, note: '', source: 'CARD', enteredById: owner.id, value: 30 });
    await store.repos.narratives.add({ valueId: value.id, remedialAction: 'Overtime', likelyToRecover: 'YES', recoveryPeriod: '2026-08', enteredById: owner.id });
    await expect(database.sql.query(`DELETE FROM value_narrative`)).rejects.toThrow(/value_narrative is append-only: DELETE is not allowed/);
    await expect(database.sql.query(`DELETE FROM indicator_value WHERE id = $1`, [value.id])).rejects.toThrow(/indicator_value is append-only: DELETE is not allowed/);
    expect(await store.repos.narratives.forValues([value.id])).toHaveLength(1);
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
