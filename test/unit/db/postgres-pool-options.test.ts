import { checkServerIdentity } from 'node:tls';
import { postgresPoolOptions } from '../../../src/db/postgres-pool-options';

const URL_BASE = 'postgresql://bot:secret@db.internal:5432/performance';
const CA = '-----BEGIN CERTIFICATE-----\nMIIBtest\n-----END CERTIFICATE-----\n';

describe('the PostgreSQL pool options', () => {
  it('sizes the pool and, with no sslmode, connects without TLS', () => {
    expect(postgresPoolOptions({ url: URL_BASE, poolSize: 7, caPem: null })).toEqual({ connectionString: URL_BASE, max: 7, ssl: false });
    expect(postgresPoolOptions({ url: `${URL_BASE}?sslmode=disable`, poolSize: 10, caPem: null }).ssl).toBe(false);
  });

  it("takes sslmode out of the URL, so node-postgres' own reading of it cannot override the TLS options", () => {
    const options = postgresPoolOptions({ url: `${URL_BASE}?sslmode=verify-full&application_name=bot`, poolSize: 10, caPem: CA });
    expect(options.connectionString).toBe(`${URL_BASE}?application_name=bot`);
    expect(options.ssl).toEqual({ ca: CA, rejectUnauthorized: true });
  });

  it('reaches the connection node-postgres makes with the CA (its parsed URL would otherwise win)', () => {
    // What each pg Client of the pool is configured with: ConnectionParameters merges the URL in.
    const ConnectionParameters = jest.requireActual<new (config: object) => { ssl: unknown; host: string }>('pg/lib/connection-parameters');
    const options = postgresPoolOptions({ url: `${URL_BASE}?sslmode=verify-full`, poolSize: 10, caPem: CA });
    const connection = new ConnectionParameters(options);
    expect(connection.host).toBe('db.internal');
    expect(connection.ssl).toEqual({ ca: CA, rejectUnauthorized: true });
    // The same URL handed to node-postgres as it is would have dropped the CA.
    expect(new ConnectionParameters({ connectionString: `${URL_BASE}?sslmode=verify-full`, ssl: { ca: CA } }).ssl).not.toMatchObject({ ca: CA });
  });

  it('passes the CA through for verify-ca and verify-full; verify-ca skips only the host name check', () => {
    const verifyCa = postgresPoolOptions({ url: `${URL_BASE}?sslmode=verify-ca`, poolSize: 10, caPem: CA }).ssl as Record<string, unknown>;
    expect(verifyCa).toMatchObject({ ca: CA, rejectUnauthorized: true });
    expect((verifyCa.checkServerIdentity as typeof checkServerIdentity)('db.internal', { subject: { CN: 'elsewhere' } } as never)).toBeUndefined();
    // verify-full leaves Node's own host name check in place.
    const verifyFull = postgresPoolOptions({ url: `${URL_BASE}?sslmode=verify-full`, poolSize: 10, caPem: null }).ssl as Record<string, unknown>;
    expect(verifyFull).toEqual({ rejectUnauthorized: true });
  });

  it('require encrypts without checking, as libpq does; with a CA it checks the chain like verify-ca', () => {
    expect(postgresPoolOptions({ url: `${URL_BASE}?sslmode=require`, poolSize: 10, caPem: null }).ssl).toEqual({ rejectUnauthorized: false });
    expect(postgresPoolOptions({ url: `${URL_BASE}?sslmode=require`, poolSize: 10, caPem: CA }).ssl).toMatchObject({ ca: CA, rejectUnauthorized: true });
  });

  it('refuses an sslmode it cannot honour', () => {
    expect(() => postgresPoolOptions({ url: `${URL_BASE}?sslmode=prefer`, poolSize: 10, caPem: null })).toThrow(/sslmode=prefer is not supported/);
  });
});
