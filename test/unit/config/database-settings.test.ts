import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../src/config/config';
import { configRefusal } from '../../support/config-refusal';

const POSTGRES = 'postgresql://bot@db.internal:5432/performance';
const PEM = '-----BEGIN CERTIFICATE-----\nMIIBtest\n-----END CERTIFICATE-----\n';


describe('database settings', () => {
  it('migrates on start and loads the demo on the embedded database, neither on PostgreSQL, unless told', () => {
    expect(loadConfig({})).toMatchObject({ migrateOnStart: true, loadDemoData: true });
    expect(loadConfig({ DATABASE_URL: 'pglite:memory' })).toMatchObject({ migrateOnStart: true, loadDemoData: true });
    expect(loadConfig({ DATABASE_URL: POSTGRES })).toMatchObject({ migrateOnStart: false, loadDemoData: false });
    expect(loadConfig({ DATABASE_URL: POSTGRES, MIGRATE_ON_START: '', LOAD_DEMO_DATA: '' })).toMatchObject({ migrateOnStart: false, loadDemoData: false });
    expect(loadConfig({ DATABASE_URL: POSTGRES, MIGRATE_ON_START: 'true', LOAD_DEMO_DATA: 'true' })).toMatchObject({ migrateOnStart: true, loadDemoData: true });
    expect(loadConfig({ MIGRATE_ON_START: 'false', LOAD_DEMO_DATA: 'no' })).toMatchObject({ migrateOnStart: false, loadDemoData: false });
    expect(configRefusal({ MIGRATE_ON_START: 'sometimes' })).toMatch(/MIGRATE_ON_START:/);
  });

  it('takes the pool size, at least 2 (10 by default)', () => {
    expect(loadConfig({ DATABASE_URL: POSTGRES }).postgres.poolSize).toBe(10);
    expect(loadConfig({ DATABASE_URL: POSTGRES, DATABASE_POOL_SIZE: '25' }).postgres.poolSize).toBe(25);
    expect(configRefusal({ DATABASE_POOL_SIZE: '1' })).toMatch(/DATABASE_POOL_SIZE: must be at least 2/);
    expect(configRefusal({ DATABASE_POOL_SIZE: 'lots' })).toMatch(/DATABASE_POOL_SIZE:/);
  });

  it('reads DATABASE_CA_FILE at start-up, and says what to fix when it cannot', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'perfbot-ca-'));
    const ca = path.join(dir, 'ca.pem');
    writeFileSync(ca, PEM);
    expect(loadConfig({ DATABASE_URL: `${POSTGRES}?sslmode=verify-full`, DATABASE_CA_FILE: ca }).postgres.caPem).toBe(PEM);
    expect(loadConfig({ DATABASE_URL: POSTGRES }).postgres.caPem).toBeNull();

    expect(configRefusal({ DATABASE_URL: `${POSTGRES}?sslmode=verify-full`, DATABASE_CA_FILE: path.join(dir, 'missing.pem') }))
      .toMatch(/DATABASE_CA_FILE: cannot be read \(ENOENT\)/);
    const notPem = path.join(dir, 'key.txt');
    writeFileSync(notPem, 'not a certificate');
    expect(configRefusal({ DATABASE_URL: `${POSTGRES}?sslmode=verify-full`, DATABASE_CA_FILE: notPem })).toMatch(/DATABASE_CA_FILE: .*holds no PEM certificate/);
    expect(configRefusal({ DATABASE_URL: POSTGRES, DATABASE_CA_FILE: ca })).toMatch(/DATABASE_CA_FILE: needs TLS: add \?sslmode=verify-full/);
  });

  it("accepts libpq's sslmodes that can be kept, and refuses the others", () => {
    for (const mode of ['disable', 'require', 'verify-ca', 'verify-full']) {
      expect(loadConfig({ DATABASE_URL: `${POSTGRES}?sslmode=${mode}` }).databaseUrl).toBe(`${POSTGRES}?sslmode=${mode}`);
    }
    expect(configRefusal({ DATABASE_URL: `${POSTGRES}?sslmode=prefer` })).toMatch(/DATABASE_URL: sslmode=prefer is not supported/);
    expect(configRefusal({ DATABASE_URL: `${POSTGRES}?sslmode=verify-full&sslrootcert=/ca.pem` })).toMatch(/give the CA file as DATABASE_CA_FILE/);
  });
});
