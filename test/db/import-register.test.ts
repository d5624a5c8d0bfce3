import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { importRegister, type ImportOptions } from '../../src/app/import-register';
import { readRegisterFile } from '../../src/import/read-register-file';
import { describeProblem, type RegisterFile } from '../../src/import/register-file';
import { describeEachDatabase } from '../support/test-database';
import { indicatorCells, registerFile, smallRegister } from '../support/register-fixtures';

const options: ImportOptions = { dryRun: false, actorLabel: 'import test.xlsx', currentFinancialYear: 2026 };

const madeDirs: string[] = [];
afterAll(() => {
  for (const dir of madeDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * A real workbook on disk holding `file`'s sheets, with `cells` put into it afterwards (by sheet,
 * row and column name), so that a cell can be an exceljs formula as well as text.
 */
async function workbookFile(file: RegisterFile, cells: { sheet: string; row: number; column: string; value: ExcelJS.CellValue }[] = []): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of Object.values(file)) {
    if (!sheet || !('headers' in sheet)) continue;
    const worksheet = workbook.addWorksheet(sheet.name);
    worksheet.addRow([...sheet.headers]);
    for (const row of sheet.rows) worksheet.getRow(row.row).values = sheet.headers.map((header) => row.cells[header] ?? '');
  }
  for (const { sheet, row, column, value } of cells) {
    const worksheet = workbook.getWorksheet(sheet)!;
    const header = (worksheet.getRow(1).values as unknown[]).indexOf(column);
    if (header < 1) throw new Error(`no column ${column} on ${sheet}`);
    worksheet.getRow(row).getCell(header).value = value;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'formula-import-'));
  madeDirs.push(dir);
  const filePath = path.join(dir, 'register.xlsx');
  await workbook.xlsx.writeFile(filePath);
  return filePath;
}

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

  it('writes nothing from a workbook whose one bad cell is a title a spreadsheet would run as a formula (#11)', async () => {
    const { store } = db();
    const good = await readRegisterFile(await workbookFile(smallRegister()));
    expect(await importRegister(store, good, { ...options, dryRun: true })).toMatchObject({ ok: true });

    const bad = await readRegisterFile(await workbookFile(smallRegister(), [
      { sheet: 'Indicators', row: 3, column: 'title', value: '=HYPERLINK("https://evil.example","Click")' },
    ]));
    const outcome = await importRegister(store, bad, options);

    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map(describeProblem)).toEqual([
      'Indicators, row 3, column title: "=HYPERLINK("https://evil.example","Click…" starts with "=", which a spreadsheet would run as a formula: remove the leading "=" (or put the text in quotes)',
      // FIN01's own rows elsewhere wait on its Indicators row, as for any refused row.
      "Targets, row 2, column code: FIN01's row on the Indicators sheet has problems (listed there); fix that row and this one will be checked",
      "Values, row 4, column code: FIN01's row on the Indicators sheet has problems (listed there); fix that row and this one will be checked",
    ]);
    expect(await store.repos.indicators.count()).toBe(0);
    expect(await store.repos.people.count()).toBe(0);
    expect(await store.repos.targets.count()).toBe(0);
    expect(await store.repos.values.count()).toBe(0);
    expect(await store.repos.audit.count()).toBe(0);
  });

  it('lists every such cell of a file, formula cells among them, and writes nothing', async () => {
    const { store } = db();
    const file = registerFile({
      Indicators: [indicatorCells(), indicatorCells({ code: 'FIN01', title: 'Council Tax collected', unit: '%', polarity: 'higher', target: '98.6' })],
      Values: [
        { code: 'SRV01', period: '2026-04', value: '18.5', note: '' },
        { code: 'SRV01', period: '2026-05', value: '21.9', note: 'Staff vacancy' },
      ],
      People: [{ email: 'robert.hughes@fenmarsh.gov.uk', aad_object_id: '', roles: 'admin', name: 'Robert Hughes' }],
    });
    const filePath = await workbookFile(file, [
      { sheet: 'Indicators', row: 2, column: 'title', value: { formula: 'HYPERLINK("https://evil.example","Click")', result: 'Click' } },
      { sheet: 'Indicators', row: 2, column: 'definition', value: '+SUM(A1:A2)' },
      { sheet: 'Indicators', row: 3, column: 'directorate', value: '@SUM(A1)' },
      { sheet: 'Values', row: 3, column: 'note', value: "-2+3+cmd|' /C calc'!A0" },
      { sheet: 'People', row: 2, column: 'name', value: '\tRobert Hughes' },
    ]);

    const outcome = await importRegister(store, await readRegisterFile(filePath), options);

    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map((p) => [p.sheet, p.row, p.column])).toEqual([
      ['Indicators', 2, 'title'],
      ['Indicators', 2, 'definition'],
      ['Indicators', 3, 'directorate'],
      // A Values row of a refused indicator waits on it (as for any refused Indicators row): said, not hidden.
      ['Values', 2, 'code'],
      ['Values', 3, 'note'],
      ['Values', 3, 'code'],
      ['People', 2, 'name'],
    ]);
    expect(outcome.problems[3]!.message).toBe("SRV01's row on the Indicators sheet has problems (listed there); fix that row and this one will be checked");
    expect(outcome.problems[0]!.message).toMatch(/^the cell holds the formula "=HYPERLINK\(/);
    expect(outcome.problems[6]!.message).toMatch(/^"\\tRobert Hughes" starts with a tab/);
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

  it('stores the public column: blank by kind, yes or no as written, and a change is an audited update (#15)', async () => {
    const { store } = db();
    const file = registerFile({
      Indicators: [
        indicatorCells({ code: 'K1', kind: 'KPI' }),
        indicatorCells({ code: 'P1', kind: 'PI' }),
        indicatorCells({ code: 'P2', kind: 'PI', public: 'yes' }),
        indicatorCells({ code: 'K2', kind: 'KPI', public: 'no' }),
      ],
    });
    expect(await importRegister(store, file, options)).toMatchObject({ ok: true, counts: { indicatorsCreated: 4 } });
    const stored = async () => new Map((await store.repos.indicators.active()).map((i) => [i.code, i.public]));
    expect(Object.fromEntries(await stored())).toEqual({ K1: true, P1: false, P2: true, K2: false });

    const published = registerFile({ Indicators: file.Indicators!.rows.map((r) => ({ ...r.cells, public: r.cells.code === 'P1' ? 'y' : r.cells.public ?? '' })) });
    expect(await importRegister(store, published, options)).toMatchObject({ ok: true, counts: { indicatorsUpdated: 1, indicatorsUnchanged: 3 } });
    expect((await stored()).get('P1')).toBe(true);
    const p1 = (await store.repos.indicators.findByCode('P1'))!;
    expect((await store.repos.audit.forEntity('Indicator', p1.id)).at(-1)).toMatchObject({
      action: 'indicator.updated', before: expect.objectContaining({ public: false }), after: expect.objectContaining({ public: true }),
    });

    const bad = registerFile({ Indicators: [indicatorCells({ code: 'K1', kind: 'KPI', public: 'perhaps' })] });
    const refused = await importRegister(store, bad, options);
    expect(refused).toMatchObject({ ok: false });
    if (refused.ok) throw new Error('expected the import to refuse the file');
    expect(refused.problems).toEqual([expect.objectContaining({ sheet: 'Indicators', row: 2, column: 'public', message: expect.stringContaining('"perhaps" is not yes or no') })]);
    expect((await stored()).get('K1')).toBe(true);
  });

  it('stores the variation settings, read back by both reads of the register; a change is an audited update; the database refuses a short baseline (#17)', async () => {
    const { store, database } = db();
    const file = registerFile({
      Indicators: [
        indicatorCells({ code: 'M1' }),
        indicatorCells({ code: 'M2', variation: 'no', variation_baseline_from: '', variation_baseline_points: '' }),
        indicatorCells({ code: 'M3', variation: 'yes', variation_baseline_from: '2025-04', variation_baseline_points: '20' }),
        indicatorCells({ code: 'Q1', frequency: 'quarterly', variation: '', variation_baseline_from: '2025/26 Q2', variation_baseline_points: '12' }),
      ],
    });
    expect(await importRegister(store, file, options)).toMatchObject({ ok: true, counts: { indicatorsCreated: 4 } });
    const settings = (i: { variationApplies: boolean; variationBaselineFrom: string | null; variationBaselinePoints: number | null }) =>
      [i.variationApplies, i.variationBaselineFrom, i.variationBaselinePoints];
    const expected = { M1: [true, null, null], M2: [false, null, null], M3: [true, '2025-04', 20], Q1: [true, '2025/26 Q2', 12] };
    // The register in one statement (activeIndicatorsSql) and one indicator at a time (Prisma).
    expect(Object.fromEntries((await store.repos.indicators.active()).map((i) => [i.code, settings(i)]))).toEqual(expected);
    for (const [code, values] of Object.entries(expected)) expect(settings((await store.repos.indicators.findByCode(code))!)).toEqual(values);

    const rebased = registerFile({ Indicators: file.Indicators!.rows.map((r) => (r.cells.code === 'M1' ? { ...r.cells, variation_baseline_from: '2026-01' } : r.cells)) });
    expect(await importRegister(store, rebased, options)).toMatchObject({ ok: true, counts: { indicatorsUpdated: 1, indicatorsUnchanged: 3 } });
    const m1 = (await store.repos.indicators.findByCode('M1'))!;
    expect(m1.variationBaselineFrom).toBe('2026-01');
    expect((await store.repos.audit.forEntity('Indicator', m1.id)).at(-1)).toMatchObject({
      action: 'indicator.updated', before: expect.objectContaining({ variationBaselineFrom: null }), after: expect.objectContaining({ variationBaselineFrom: '2026-01' }),
    });

    const bad = registerFile({ Indicators: [indicatorCells({ code: 'M1', variation_baseline_from: '2025/26 Q1', variation_baseline_points: '6' })] });
    const refused = await importRegister(store, bad, options);
    if (refused.ok) throw new Error('expected the import to refuse the file');
    expect(refused.problems.map((p) => [p.row, p.column])).toEqual([[2, 'variation_baseline_from'], [2, 'variation_baseline_points']]);
    await expect(database.sql.query(`UPDATE indicator SET variation_baseline_points = 11 WHERE code = 'M1'`)).rejects.toThrow(/indicator_variation_baseline_points_min/);
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
