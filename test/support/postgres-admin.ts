import { Client } from 'pg';

/** TEST_DATABASE_URL names a PostgreSQL server (and a database to connect to for admin work). */
export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  return url;
}

export function databaseUrlFor(database: string): string {
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

export async function adminQuery<Row = unknown>(sql: string, params: unknown[] = []): Promise<Row[]> {
  const client = new Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as Row[];
  } finally {
    await client.end();
  }
}

/**
 * Waits (up to a few seconds) until nobody is connected to the database. node-postgres' pool.end()
 * resolves before its connections have closed; a DROP DATABASE ... WITH (FORCE) straight after
 * kills those sessions, and the dying connection's 'error' event then fails whichever test is
 * running at the time.
 */
export async function untilDisconnected(database: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [row] = await adminQuery<{ sessions: number }>('SELECT count(*)::int AS sessions FROM pg_stat_activity WHERE datname = $1', [database]);
    if (!row || row.sessions === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
