/**
 * The README's promise, end to end: `npm start` runs the bot on the embedded database with the demo
 * register, answers /readyz, and keeps the database to itself; `npm run import` loads a file once
 * the server has stopped, and a bad file writes nothing.
 */
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, runScript, type RunningServer } from '../support/child-process';
import { openDatabase } from '../../src/db/open-database';
import { CLOCK_START_ENV } from '../support/clock-start';

const HEADER = 'code,title,definition,kind,unit,decimals,polarity,frequency,aggregation,lens,directorate,owner_email,owner_aad_object_id,delegate_emails,verifier_email,verifier_aad_object_id,director_email,director_aad_object_id,target,tolerance';
const GOOD_ROW = 'ENV09,Fly-tipping incidents reported,"Incidents reported by the public, per month",PI,number,0,lower,monthly,sum,Environment,Place and Environment,aisha.khan@fenmarsh.gov.uk,,,,,helen.ashworth@fenmarsh.gov.uk,,1200,5%';
const BAD_ROW = 'ENV10,Graffiti removed in 5 days,,KPI,%,1,upwards,monthly,average,Environment,Place and Environment,aisha.khan@fenmarsh.gov.uk,,,,,helen.ashworth@fenmarsh.gov.uk,,150,5%';

describe('starting the bot and importing a register', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let server: RunningServer | null = null;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'perfbot-e2e-'));
    env = { ...CLOCK_START_ENV, DATABASE_URL: `pglite:${path.join(dir, 'pgdata')}` };
    writeFileSync(path.join(dir, 'good.csv'), `${HEADER}\n${GOOD_ROW}\n`);
    writeFileSync(path.join(dir, 'bad.csv'), `${HEADER}\n${GOOD_ROW}\n${BAD_ROW}\n`);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('starts on an empty embedded database, loads the demo register and answers /readyz', async () => {
    server = await startServer(env);
    const response = await fetch(`${server.baseUrl}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok', migrations: 'ok' });
    expect(server.output()).toMatch(/demo register loaded into the empty database/);
    expect(server.output()).toMatch(/"level":40,.*CLOCK_START is set: the clock started at 2026-11-17T10:00:00\.000Z/);
  });

  it('refuses an import while the server holds the embedded database, writing nothing', async () => {
    const run = await runScript('src/cli/import.ts', [path.join(dir, 'good.csv')], env);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/is in use by another process \(pid \d+, bot server/);
    expect(run.stderr).toMatch(/nothing was done/);
  });

  it('shuts down cleanly on SIGTERM and releases the database', async () => {
    expect(await server!.stop()).toBe(0);
    server = null;
    expect(existsSync(path.join(dir, 'pgdata.lock'))).toBe(false);
  });

  it('reports every problem in a bad file and writes nothing; --dry-run writes nothing either', async () => {
    const bad = await runScript('src/cli/import.ts', [path.join(dir, 'bad.csv')], env);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/bad\.csv was not imported: nothing was written/);
    expect(bad.stderr).toMatch(/Indicators, row 3, column polarity: .*upwards/);

    const dry = await runScript('src/cli/import.ts', [path.join(dir, 'good.csv'), '--dry-run'], env);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/Dry run \(nothing written\)/);
    expect(dry.stdout).toMatch(/indicators: 1 new/);
  });

  it('imports a good file once the server has stopped, alongside the demo register', async () => {
    const run = await runScript('src/cli/import.ts', [path.join(dir, 'good.csv')], env);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/indicators: 1 new, 0 updated/);
    expect(run.stdout).toMatch(/Warning: CLOCK_START is set/);

    const database = await openDatabase(env.DATABASE_URL!, { purpose: 'test check' });
    try {
      expect(await database.prisma.indicator.count()).toBe(23);
      expect(await database.prisma.indicator.findUnique({ where: { code: 'ENV10' } })).toBeNull();
      expect(await database.prisma.indicator.findUnique({ where: { code: 'ENV09' } })).toMatchObject({ aggregation: 'SUM', polarity: 'LOWER' });
    } finally {
      await database.close();
    }
  });
});
