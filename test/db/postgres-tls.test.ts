/**
 * TLS to PostgreSQL as configured (DATABASE_URL's sslmode, DATABASE_CA_FILE), against a server
 * that speaks TLS with a certificate from a test CA, for 127.0.0.1 only. PostgreSQL only, so this
 * needs TEST_DATABASE_URL.
 */
import { loadConfig } from '../../src/config/config';
import { openDatabase } from '../../src/db/open-database';
import { BACKENDS } from '../support/test-database';
import { testDatabaseUrl } from '../support/postgres-admin';
import { makeTestCertificates, type TestCertificates } from '../support/teams/test-certificates';
import { startTlsPostgresProxy, type TlsPostgresProxy } from '../support/tls-postgres-proxy';

const withPostgres = BACKENDS.includes('postgres') ? describe : describe.skip;

withPostgres('TLS to PostgreSQL [postgres; skipped without TEST_DATABASE_URL]', () => {
  let certificates: TestCertificates;
  // The same server at an address its certificate names (127.0.0.1) and one it does not (127.0.0.2).
  let named: TlsPostgresProxy;
  let unnamed: TlsPostgresProxy;

  beforeAll(async () => {
    certificates = makeTestCertificates();
    const real = new URL(testDatabaseUrl());
    const upstream = { host: real.hostname, port: Number(real.port || 5432) };
    named = await startTlsPostgresProxy('127.0.0.1', upstream, certificates);
    unnamed = await startTlsPostgresProxy('127.0.0.2', upstream, certificates);
  });
  afterAll(async () => {
    await named?.close();
    await unnamed?.close();
  });

  /** Connects as the settings say, through config.ts as the server does, and asks one question. */
  async function connect(host: string, port: number, query: string, caFile?: string): Promise<number> {
    const real = new URL(testDatabaseUrl());
    const env = { DATABASE_URL: `postgresql://${real.username}@${host}:${port}${real.pathname}${query}`, ...(caFile ? { DATABASE_CA_FILE: caFile } : {}) };
    const config = loadConfig(env);
    const database = await openDatabase(config.databaseUrl, { purpose: 'tls test', postgres: config.postgres });
    try {
      const [row] = await database.sql.query<{ answer: number }>('SELECT 42 AS answer');
      return row!.answer;
    } finally {
      await database.close();
    }
  }

  it('verify-full: connects when the certificate chains to DATABASE_CA_FILE and names the host', async () => {
    const before = named.tlsSessions;
    expect(await connect('127.0.0.1', named.port, '?sslmode=verify-full', certificates.caPath)).toBe(42);
    expect(named.tlsSessions).toBeGreaterThan(before);
  });

  it('verify-full: refuses a certificate from a CA it was not given, and one for another host', async () => {
    await expect(connect('127.0.0.1', named.port, '?sslmode=verify-full')).rejects.toThrow(/self[- ]signed certificate|unable to (get|verify)/i);
    await expect(connect('127.0.0.2', unnamed.port, '?sslmode=verify-full', certificates.caPath)).rejects.toThrow(/does not match|not in the cert's altnames/i);
  });

  it('verify-ca: checks the chain but not the host name', async () => {
    expect(await connect('127.0.0.2', unnamed.port, '?sslmode=verify-ca', certificates.caPath)).toBe(42);
    await expect(connect('127.0.0.2', unnamed.port, '?sslmode=verify-ca')).rejects.toThrow(/self[- ]signed certificate|unable to (get|verify)/i);
  });

  it('require: encrypts without checking the certificate; no sslmode: no TLS, which such a server refuses', async () => {
    const before = unnamed.tlsSessions;
    expect(await connect('127.0.0.2', unnamed.port, '?sslmode=require')).toBe(42);
    expect(unnamed.tlsSessions).toBeGreaterThan(before);
    const refused = named.plainRefused;
    await expect(connect('127.0.0.1', named.port, '')).rejects.toThrow();
    expect(named.plainRefused).toBeGreaterThan(refused);
  });
});
