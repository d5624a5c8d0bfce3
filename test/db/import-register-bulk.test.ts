/**
 * The import at a size where it writes in batches (issue #12): still all or nothing, still
 * versioned and audited, and the same counts in a dry run as in a real import.
 */
import { importRegister, IMPORT_BATCH_ROWS, type ImportOptions } from '../../src/app/import-register';
import { Store, type Repositories } from '../../src/db/store';
import type { PrismaClient } from '../../src/generated/prisma/client';
import type { RegisterFile, SheetRow } from '../../src/import/register-file';
import { largeRegister } from '../../bench/fixtures/large-register';
import { describeEachDatabase } from '../support/test-database';

const options: ImportOptions = { dryRun: false, actorLabel: 'import large.xlsx', currentFinancialYear: 2026 };
/** 100 indicators, five years of monthly values: 6,000 values, more than one batch. */
const SIZE = { indicators: 100, owners: 30, months: 60, lastMonth: '2026-10', directorates: 5 } as const;
const VALUES = SIZE.indicators * SIZE.months;

/** The file with some Values rows changed (by index in the sheet). */
function withValues(file: RegisterFile, change: (row: SheetRow, index: number) => SheetRow): RegisterFile {
  return { ...file, Values: { ...file.Values!, rows: file.Values!.rows.map(change) } };
}

/** A different figure with the same decimals, within the range any unit allows. */
function another(text: string): string {
  const n = Number(text);
  return (n >= 1 ? n - 1 : n + 1).toFixed(text.split('.')[1]?.length ?? 0);
}

async function tableCounts(store: Store) {
  const r = store.repos;
  return { indicators: await r.indicators.count(), people: await r.people.count(), targets: await r.targets.count(), values: await r.values.count(), audit: await r.audit.count() };
}

/** A Store whose value writer fails on its `failOn`th batch, as a lost connection or a full disk would. */
class FailingStore extends Store {
  batches = 0;
  constructor(prisma: PrismaClient, private readonly failOn: number) {
    super(prisma);
  }
  override transaction<T>(work: (repos: Repositories) => Promise<T>, options?: { timeoutMs?: number }): Promise<T> {
    return super.transaction((repos) => {
      const values = Object.create(repos.values) as Repositories['values'];
      values.appendNumbered = async (rows) => {
        if (++this.batches === this.failOn) throw new Error(`injected failure writing batch ${this.failOn}`);
        return repos.values.appendNumbered(rows);
      };
      return work({ ...repos, values });
    }, options);
  }
}

describeEachDatabase('importing a large register in batches', (db) => {
  it('is bigger than one batch, so these tests cross batch boundaries', () => {
    expect(VALUES).toBeGreaterThan(IMPORT_BATCH_ROWS);
  });

  it('writes every indicator, target and value with version 1, each value audited, and counts them as a dry run did', async () => {
    const { store } = db();
    const file = largeRegister(SIZE);
    const targets = file.Targets!.rows.length + file.Indicators!.rows.filter((r) => r.cells.target !== '').length;

    const dry = await importRegister(store, file, { ...options, dryRun: true });
    expect(await tableCounts(store)).toEqual({ indicators: 0, people: 0, targets: 0, values: 0, audit: 0 });
    const outcome = await importRegister(store, file, options);

    expect(outcome).toEqual({
      ok: true, dryRun: false,
      counts: expect.objectContaining({ indicatorsCreated: 100, peopleCreated: 35, targetsSet: targets, valuesCreated: VALUES, valuesCorrected: 0, valuesUnchanged: 0 }),
    });
    expect(dry).toEqual({ ...outcome, dryRun: true });
    expect(await store.repos.values.count()).toBe(VALUES);
    expect(await store.repos.values.count({ version: 1 })).toBe(VALUES);
    expect(await store.repos.targets.count()).toBe(targets);
    expect(await store.repos.audit.count({ action: 'value.created' })).toBe(VALUES);
    expect(await store.repos.audit.count({ action: 'indicator.created' })).toBe(100);
    expect(await store.repos.audit.count({ action: 'target.set' })).toBe(targets);

    // The last row of the file, as written, with its audit entry under the version's id.
    const last = file.Values!.rows.at(-1)!.cells;
    const indicator = (await store.repos.indicators.findByCode(last.code!))!;
    const stored = (await store.repos.values.latest(indicator.id, last.period!))!;
    expect(stored).toMatchObject({ value: Number(last.value), note: last.note, version: 1, source: 'IMPORT', financialYear: 2026 });
    expect(await store.repos.audit.forEntity('IndicatorValue', stored.id)).toEqual([
      expect.objectContaining({ action: 'value.created', actorLabel: 'import large.xlsx', after: { code: last.code, period: last.period, value: Number(last.value), note: last.note, version: 1 } }),
    ]);
    // Delegates, directors and roles came through the bulk path too.
    const delegated = (await store.repos.indicators.findByCode(file.Indicators!.rows[0]!.cells.code!))!;
    expect(delegated.delegateIds).toHaveLength(1);
    expect(await store.repos.people.rolesOf(delegated.delegateIds[0]!)).toEqual(['OWNER', 'DELEGATE']);
    expect(await store.repos.people.rolesOf(delegated.directorId!)).toEqual(['DIRECTOR']);
  });

  it('changes nothing when the same file comes again; a changed value becomes the next version', async () => {
    const { store } = db();
    const file = largeRegister(SIZE);
    await importRegister(store, file, options);
    const before = await tableCounts(store);

    const again = await importRegister(store, file, options);
    expect(again).toMatchObject({ ok: true, counts: { indicatorsUnchanged: 100, indicatorsUpdated: 0, indicatorsCreated: 0, peopleCreated: 0, peopleUpdated: 0, targetsSet: 0, valuesCreated: 0, valuesCorrected: 0, valuesUnchanged: VALUES } });
    expect(await tableCounts(store)).toEqual(before);

    // One value changed near the start and one in the last batch, and a note added in the middle.
    const changed = new Set([3, VALUES - 2]);
    const corrected = withValues(file, (row, i) =>
      changed.has(i) ? { ...row, cells: { ...row.cells, value: another(row.cells.value!) } }
        : i === 3_000 ? { ...row, cells: { ...row.cells, note: 'Revised after audit' } } : row);
    const outcome = await importRegister(store, corrected, options);

    expect(outcome).toMatchObject({ ok: true, counts: { valuesCorrected: 3, valuesCreated: 0, valuesUnchanged: VALUES - 3 } });
    expect(await store.repos.values.count()).toBe(VALUES + 3);
    for (const i of [...changed, 3_000]) {
      const { cells } = corrected.Values!.rows[i]!;
      const indicator = (await store.repos.indicators.findByCode(cells.code!))!;
      const history = await store.repos.values.history(indicator.id, cells.period!);
      expect(history.map((v) => [v.version, v.value, v.note])).toEqual([
        [1, Number(file.Values!.rows[i]!.cells.value), file.Values!.rows[i]!.cells.note],
        [2, Number(cells.value), cells.note],
      ]);
      expect(await store.repos.audit.forEntity('IndicatorValue', history[1]!.id)).toEqual([
        expect.objectContaining({ action: 'value.corrected', before: expect.objectContaining({ version: 1 }), after: expect.objectContaining({ version: 2, value: Number(cells.value) }) }),
      ]);
    }
    expect((await importRegister(store, corrected, options))).toMatchObject({ ok: true, counts: { valuesCorrected: 0, valuesUnchanged: VALUES } });
  });

  it('writes nothing and reports the row when a bad row is near the end of a large file', async () => {
    const { store } = db();
    const file = largeRegister(SIZE);
    await importRegister(store, file, options);
    const before = await tableCounts(store);

    // Every value changed (so a real import would write a whole new version of each), and the
    // second-to-last row refused: the file is checked whole before anything is written.
    const bad = withValues(file, (row, i) => ({
      ...row, cells: { ...row.cells, value: i === VALUES - 2 ? 'twelve' : another(row.cells.value!) },
    }));
    const outcome = await importRegister(store, bad, options);

    expect(outcome).toEqual({ ok: false, problems: [expect.objectContaining({ sheet: 'Values', row: VALUES, column: 'value', message: expect.stringMatching(/twelve/) })] });
    expect(await tableCounts(store)).toEqual(before);
    expect(await store.repos.values.count({ version: 2 })).toBe(0);
  });

  it('leaves nothing behind when a batch fails part-way through the writing', async () => {
    const { store, database } = db();
    const failing = new FailingStore(database.prisma, 2);

    await expect(importRegister(failing, largeRegister(SIZE), options)).rejects.toThrow('injected failure writing batch 2');

    expect(failing.batches).toBe(2);
    expect(await tableCounts(store)).toEqual({ indicators: 0, people: 0, targets: 0, values: 0, audit: 0 });

    // And on a register already holding the file, a failed correction keeps the first versions whole.
    await importRegister(store, largeRegister(SIZE), options);
    const before = await tableCounts(store);
    const changedAll = withValues(largeRegister(SIZE), (row) => ({ ...row, cells: { ...row.cells, value: another(row.cells.value!) } }));
    await expect(importRegister(new FailingStore(database.prisma, 2), changedAll, options)).rejects.toThrow('injected failure');
    expect(await tableCounts(store)).toEqual(before);
    expect(await store.repos.values.count({ version: 2 })).toBe(0);
  });
});
