/**
 * The node-postgres Pool options for a DATABASE_URL, its pool size and an optional CA certificate.
 *
 * TLS follows libpq's meaning of `sslmode` (the one a DBA knows), not node-postgres' own: pg treats
 * require and verify-ca as verify-full, and settings parsed from the connection string override the
 * `ssl` option given beside it, so a CA file would be silently dropped. We therefore take sslmode
 * out of the URL and set `ssl` ourselves:
 *   (none), disable  plain connection
 *   require          encrypted; the certificate is not checked (checked like verify-ca when a CA is given, as libpq does)
 *   verify-ca        encrypted; the server's certificate must chain to the CA (DATABASE_CA_FILE, else the system's CAs)
 *   verify-full      as verify-ca, and the certificate must name the host in DATABASE_URL
 */
import type { PoolConfig } from 'pg';
import type { ConnectionOptions } from 'node:tls';

export const SSL_MODES = ['disable', 'require', 'verify-ca', 'verify-full'] as const;
export type SslMode = (typeof SSL_MODES)[number];

export interface PostgresConnection {
  readonly url: string;
  /** Connections the pool may open (node-postgres' `max`). */
  readonly poolSize: number;
  /** PEM text of the CA certificate(s) the server's certificate must chain to; null: the system's. */
  readonly caPem: string | null;
}

export function postgresPoolOptions(connection: PostgresConnection): PoolConfig {
  const url = new URL(connection.url);
  const mode = url.searchParams.get('sslmode');
  url.searchParams.delete('sslmode');
  return { connectionString: url.toString(), max: connection.poolSize, ssl: tlsOptions(mode, connection.caPem) };
}

/** The sslmode a DATABASE_URL asks for; null when it names none (or is not a URL). */
export function sslModeOf(databaseUrl: string): string | null {
  try {
    return new URL(databaseUrl).searchParams.get('sslmode');
  } catch {
    return null;
  }
}

function tlsOptions(mode: string | null, caPem: string | null): false | ConnectionOptions {
  const ca = caPem ? { ca: caPem } : {};
  switch (mode) {
    case null:
    case 'disable':
      return false;
    case 'require':
      return caPem ? verifyChainOnly(ca) : { rejectUnauthorized: false };
    case 'verify-ca':
      return verifyChainOnly(ca);
    case 'verify-full':
      return { ...ca, rejectUnauthorized: true };
    default:
      // config.ts refuses any other value at start-up; this is for callers that skip it.
      throw new Error(`sslmode=${mode} is not supported: use one of ${SSL_MODES.join(', ')}`);
  }
}

function verifyChainOnly(ca: { ca?: string }): ConnectionOptions {
  // The chain is still checked (rejectUnauthorized); only the host name check is skipped.
  return { ...ca, rejectUnauthorized: true, checkServerIdentity: () => undefined };
}
