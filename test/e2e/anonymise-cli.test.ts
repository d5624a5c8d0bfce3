/** `npm run people:anonymise -- <email>` as a person runs it: its output, and its exit codes. */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runScript } from '../support/child-process';
import { BACKENDS, openTestDatabase } from '../support/test-database';
import { openMigratedDatabase } from '../../src/db/open-migrated-database';
import { Store } from '../../src/db/store';
import { loadDemoData } from '../../src/demo/load-demo-data';
import { DEMO_PEOPLE } from '../../src/demo/demo-people';

const TODAY = new Date('2026-11-23T10:00:00Z');

/** A database of this backend holding the demo register, as a URL the command can open. */
async function demoDatabase(backend: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (backend === 'embedded') {
    const url = `pglite:${path.join(mkdtempSync(path.join(os.tmpdir(), 'perfbot-anonymise-')), 'pgdata')}`;
    const database = await openMigratedDatabase(url, 'test set-up');
    await loadDemoData(new Store(database.prisma), TODAY).finally(() => database.close());
    return { url, drop: async () => {} };
  }
  const db = await openTestDatabase('postgres');
  await loadDemoData(db.store, TODAY);
  await db.database.close();
  return { url: db.url!, drop: db.close };
}

describe.each(BACKENDS)('npm run people:anonymise [%s]', (backend) => {
  let database: Awaited<ReturnType<typeof demoDatabase>> | null = null;
  const anonymise = (...args: string[]) => runScript('src/cli/anonymise-person.ts', args, { DATABASE_URL: database!.url });

  beforeAll(async () => {
    database = await demoDatabase(backend);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('refuses an email no one in the register has, with exit code 67', async () => {
    const run = await anonymise('nobody@fenmarsh.gov.uk');
    expect(run.status).toBe(67);
    expect(run.stderr).toMatch(/No one in the register has the email nobody@fenmarsh.gov.uk: nothing was changed/);
  });

  it('says how to use it, with exit code 64', async () => {
    const run = await anonymise();
    expect(run.status).toBe(64);
    expect(run.stderr).toMatch(/Usage: npm run people:anonymise -- <email/);
  });

  it('anonymises a leaver and lists the indicators to reassign; a second time they are unknown', async () => {
    const run = await anonymise(DEMO_PEOPLE.benefitsManager.email);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`Anonymised ${DEMO_PEOPLE.benefitsManager.email} as "Former employee [0-9a-f]{6}"`));
    expect(run.stdout).toMatch(/REASSIGN: \d+ active indicator\(s\) still name them/);
    expect(run.stdout).toMatch(/SRV01 .*\(owner\)/);
    expect(run.stdout).not.toMatch(/Gareth Lewis/);
    expect((await anonymise(DEMO_PEOPLE.benefitsManager.email)).status).toBe(67);
  });
});
