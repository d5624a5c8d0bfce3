import { importRegister, type ImportOptions } from '../../src/app/import-register';
import { describeEachDatabase } from '../support/test-database';
import { indicatorCells, registerFile, smallRegister } from '../support/register-fixtures';

const options: ImportOptions = { dryRun: false, actorLabel: 'import test.xlsx', currentFinancialYear: 2026 };

describeEachDatabase('importing the register', (db) => {
  it('writes a good file: indicators, people, roles, targets, values and their audit trail', async () => {
    const { store } = db();
    const outcome = await importRegister(store, smallRegister(), options);

    expect(outcome).toEqual({
      ok: true, dryRun: false,
      counts: expect.objectContaining({ indicatorsCreated: 2, peopleCreated: 4, targetsSet: 3, valuesCreated: 3 }),
    });
    const srv01 = await store.repos.indicators.findByCode('SRV01');
    expect(srv01).toMatchObject({
      kind: 'KPI', unit: 'DAYS', decimals: 1, polarity: 'LOWER', frequency: 'MONTHLY', aggregation: 'AVERAGE',
      lens: 'SERVICES', directorateName: 'Resources', tolerance: { kind: 'PERCENT_OF_TARGET', percent: 10 },
    });
    const fin01 = (await store.repos.indicators.findByCode('FIN01'))!;
    const chloe = (await store.repos.people.findByEmail('chloe.evans@fenmarsh.gov.uk'))!;
    expect(fin01.delegateIds).toEqual([chloe.id]);
    expect(await store.repos.people.rolesOf(chloe.id)).toEqual(['DELEGATE']);
    const owner = (await store.repos.people.findById(srv01!.ownerId))!;
    expect(owner).toMatchObject({ email: 'gareth.lewis@fenmarsh.gov.uk', displayName: 'Gareth Lewis' });
    expect(await store.repos.people.rolesOf(owner.id)).toEqual(['OWNER']);

    expect(await store.repos.targets.find(fin01.id, '2026/27')).toMatchObject({ value: 98.6, financialYear: 2026 });
    expect(await store.repos.targets.find(fin01.id, '2026-04')).toMatchObject({ value: 10.5 });
    expect(await store.repos.values.latest(srv01!.id, '2026-05')).toMatchObject({
      value: 21.9, note: 'Staff vacancy', version: 1, source: 'IMPORT', financialYear: 2026,
    });
    expect(await store.repos.values.latest(fin01.id, '2026-04')).toMatchObject({ value: 10.2 });
    expect(await store.repos.audit.count({ action: 'indicator.created' })).toBe(2);
    expect(await store.repos.audit.count({ action: 'value.created' })).toBe(3);
  });

  it('writes nothing when any row is bad, and reports every bad row with its column', async () => {
    const { store } = db();
    const file = registerFile({
      Indicators: [
        indicatorCells(),
        indicatorCells({ code: 'ENV03', polarity: 'sideways' }),
        indicatorCells({ code: 'ENV04', unit: 'furlongs', owner_email: 'not-an-email' }),
      ],
      Values: [
        { code: 'SRV01', period: '2026-04', value: '18.5', note: '' },
        { code: 'SRV01', period: '2026/27 Q1', value: '18.5', note: '' },
        { code: 'NOPE', period: '2026-04', value: '1', note: '' },
      ],
    });

    const outcome = await importRegister(store, file, options);

    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map((p) => [p.sheet, p.row, p.column])).toEqual([
      ['Indicators', 3, 'polarity'],
      ['Indicators', 4, 'unit'],
      ['Indicators', 4, 'owner_email'],
      ['Values', 3, 'period'],
      ['Values', 4, 'code'],
    ]);
    expect(outcome.problems[0]!.message).toMatch(/sideways/);
    expect(await store.repos.indicators.count()).toBe(0);
    expect(await store.repos.people.count()).toBe(0);
    expect(await store.repos.values.count()).toBe(0);
    expect(await store.repos.audit.count()).toBe(0);
  });

  it('rolls back everything when a conflict only the database can see turns up part-way', async () => {
    const { store } = db();
    await importRegister(store, smallRegister(), options);
    // Sarah's email with Gareth's Entra object id: the file alone cannot see the clash.
    const file = registerFile({
      Indicators: [
        indicatorCells({ code: 'NEW01', title: 'A new indicator', owner_email: 'new.owner@fenmarsh.gov.uk', owner_aad_object_id: '' }),
        indicatorCells({ code: 'NEW02', owner_email: 'sarah.whitfield@fenmarsh.gov.uk' }),
      ],
    });
    const before = { indicators: await store.repos.indicators.count(), audit: await store.repos.audit.count() };

    const outcome = await importRegister(store, file, options);

    expect(outcome).toEqual({ ok: false, problems: [expect.objectContaining({ message: expect.stringMatching(/sarah.whitfield@fenmarsh.gov.uk is given Entra object id 0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9, which the register already has for gareth.lewis/) })] });
    expect(await store.repos.indicators.count()).toBe(before.indicators);
    expect(await store.repos.indicators.findByCode('NEW01')).toBeNull();
    expect(await store.repos.audit.count()).toBe(before.audit);
  });

  it('re-importing the same file changes nothing; a changed value becomes a new version', async () => {
    const { store } = db();
    await importRegister(store, smallRegister(), options);
    const auditBefore = await store.repos.audit.count();

    const again = await importRegister(store, smallRegister(), options);
    expect(again).toMatchObject({ ok: true, counts: { indicatorsUnchanged: 2, indicatorsUpdated: 0, valuesUnchanged: 3, valuesCreated: 0, targetsUnchanged: 3 } });
    expect(await store.repos.audit.count()).toBe(auditBefore);

    const corrected = smallRegister();
    const values = corrected.Values!.rows.map((r) => (r.cells.period === '2026-05' ? { ...r, cells: { ...r.cells, value: '22.4' } } : r));
    const renamed = corrected.Indicators!.rows.map((r, i) => (i === 0 ? { ...r, cells: { ...r.cells, title: 'New claims: days to decide' } } : r));
    const outcome = await importRegister(store, { ...corrected, Values: { ...corrected.Values!, rows: values }, Indicators: { ...corrected.Indicators!, rows: renamed } }, options);

    expect(outcome).toMatchObject({ ok: true, counts: { valuesCorrected: 1, valuesUnchanged: 2, indicatorsUpdated: 1, indicatorsCreated: 0 } });
    const srv01 = (await store.repos.indicators.findByCode('SRV01'))!;
    expect(srv01.title).toBe('New claims: days to decide');
    const history = await store.repos.values.history(srv01.id, '2026-05');
    expect(history.map((v) => [v.version, v.value])).toEqual([[1, 21.9], [2, 22.4]]);
    const audit = await store.repos.audit.forEntity('IndicatorValue', history[1]!.id);
    expect(audit).toEqual([
      expect.objectContaining({ action: 'value.corrected', actorLabel: 'import test.xlsx', before: expect.objectContaining({ value: 21.9, version: 1 }), after: expect.objectContaining({ value: 22.4, version: 2 }) }),
    ]);
    const indicatorAudit = await store.repos.audit.forEntity('Indicator', srv01.id);
    expect(indicatorAudit.map((a) => a.action)).toEqual(['indicator.created', 'indicator.updated']);
  });

  it('a dry run reports what it would do and writes nothing', async () => {
    const { store } = db();
    const outcome = await importRegister(store, smallRegister(), { ...options, dryRun: true });

    expect(outcome).toMatchObject({ ok: true, dryRun: true, counts: { indicatorsCreated: 2, valuesCreated: 3 } });
    expect(await store.repos.indicators.count()).toBe(0);
    expect(await store.repos.people.count()).toBe(0);
    expect(await store.repos.audit.count()).toBe(0);
  });

  it('takes Targets and Values for indicators already in the register', async () => {
    const { store } = db();
    await importRegister(store, smallRegister(), options);
    const outcome = await importRegister(store, registerFile({
      Targets: [{ code: 'SRV01', period: '2027/28', target: '19' }],
      Values: [{ code: 'SRV01', period: '2026-06', value: '19.4', note: '' }],
    }), options);

    expect(outcome).toMatchObject({ ok: true, counts: { targetsSet: 1, valuesCreated: 1 } });
    const srv01 = (await store.repos.indicators.findByCode('SRV01'))!;
    expect(await store.repos.targets.find(srv01.id, '2027/28')).toMatchObject({ value: 19, financialYear: 2027 });
  });
});
