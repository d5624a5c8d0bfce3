/**
 * The templates round-trip: built afresh by scripts/make-templates.ts, they are the committed files
 * byte for byte, the workbook imports into an empty register with its people and their roles, and
 * importing it again changes nothing.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importRegister, type ImportOptions } from '../../src/app/import-register';
import { readRegisterFile } from '../../src/import/read-register-file';
import { describeEachDatabase } from '../support/test-database';

const ROOT = path.resolve(__dirname, '..', '..');
const options: ImportOptions = { dryRun: false, actorLabel: 'import register-template.xlsx', currentFinancialYear: 2026 };
const FILES = ['indicators.csv', 'targets.csv', 'values.csv', 'people.csv', 'register-template.xlsx'];

let built: string;

beforeAll(() => {
  built = fs.mkdtempSync(path.join(os.tmpdir(), 'templates-'));
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/make-templates.ts', built], { cwd: ROOT, stdio: 'pipe' });
}, 60_000);

afterAll(() => {
  fs.rmSync(built, { recursive: true, force: true });
});

it('builds exactly the committed templates', () => {
  for (const name of FILES) expect([name, fs.readFileSync(path.join(built, name)).equals(fs.readFileSync(path.join(ROOT, 'templates', name)))]).toEqual([name, true]);
});

describeEachDatabase('the register template, imported', (db) => {
  it('puts its indicators and people in the register with their roles; a second import changes nothing', async () => {
    const { store } = db();
    const file = await readRegisterFile(path.join(built, 'register-template.xlsx'));

    const first = await importRegister(store, file, options);
    expect(first).toMatchObject({ ok: true, counts: { indicatorsCreated: 3, rolesGranted: 3, rolesRevoked: 0, valuesCreated: 4 } });
    const rolesOf = async (email: string) => store.repos.people.rolesOf((await store.repos.people.findByEmail(email))!.id);
    expect(await rolesOf('robert.hughes@fenmarsh.gov.uk')).toEqual(['ADMIN']);
    expect(await rolesOf('nadia.rahman@fenmarsh.gov.uk')).toEqual(['VERIFIER', 'ADMIN']);
    expect(await rolesOf('cllr.margaret.ellis@fenmarsh.gov.uk')).toEqual(['VIEWER']);
    expect(await store.repos.people.findByEmail('cllr.margaret.ellis@fenmarsh.gov.uk')).toMatchObject({
      aadObjectId: 'd4e3f6a5-4e7b-4f9d-8a5c-3b4d5e6f7a01', displayName: 'Cllr Margaret Ellis',
    });
    expect((await store.repos.people.withRole('ADMIN')).map((p) => p.displayName)).toEqual(['Nadia Rahman', 'Robert Hughes']);
    const audited = await store.repos.audit.count();

    const again = await importRegister(store, file, options);
    expect(again).toEqual({
      ok: true, dryRun: false,
      counts: {
        peopleCreated: 0, peopleUpdated: 0, indicatorsCreated: 0, indicatorsUpdated: 0, indicatorsUnchanged: 3,
        targetsSet: 0, targetsUnchanged: 5, valuesCreated: 0, valuesCorrected: 0, valuesUnchanged: 4, rolesGranted: 0, rolesRevoked: 0,
      },
    });
    expect(await store.repos.audit.count()).toBe(audited);
  });
});
