/**
 * Opens the database named by DATABASE_URL through a Prisma driver adapter: PGlite (PostgreSQL in
 * WebAssembly, in-process) for the embedded default, node-postgres for production. One schema and
 * one migration history serve both because PGlite *is* PostgreSQL. Each backend's packages are
 * loaded only when it is opened, so neither costs the other start-up time or memory.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';
import { PrismaClient } from '../generated/prisma/client';
import { parseDatabaseUrl, describeDatabase, type DatabaseTarget } from './database-url';
import { lockDataDir, type DataDirLock } from './data-dir-lock';
import { seedFromTemplate } from './embedded-template';
import { pgliteSql } from './pglite-sql';
import { pgliteStartParams } from './pglite-settings';
import type { SqlExecutor } from './sql-executor';
import { postgresPoolOptions } from './postgres-pool-options';

export interface Database {
  readonly prisma: PrismaClient;
  readonly sql: SqlExecutor;
  readonly target: DatabaseTarget;
  readonly description: string;
  /** A compressed copy of an embedded database's files (backups, test templates); null for PostgreSQL. */
  dumpEmbedded(): Promise<Blob | null>;
  /**
   * Runs `work` while holding an advisory lock that every process on this database shares, so
   * that of several instances starting together one does `work` and the others wait for it. The
   * lock is transaction-scoped on a connection of its own, so a process that dies releases it.
   * The embedded database belongs to one process (its data-directory lock), so there it just runs.
   */
  exclusively<T>(lockKey: number, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** How to reach PostgreSQL besides its URL (DATABASE_POOL_SIZE, DATABASE_CA_FILE). */
export interface PostgresOptions {
  readonly poolSize: number;
  readonly caPem: string | null;
}

const DEFAULT_POSTGRES_OPTIONS: PostgresOptions = { poolSize: 10, caPem: null };

export interface OpenOptions {
  /** Said in the lock so that a second process can tell the user who holds the database. */
  readonly purpose: string;
  /** Start an embedded database from a dump (tests use a migrated template). */
  readonly loadDataDir?: Blob;
  readonly postgres?: PostgresOptions;
}

export async function openDatabase(url: string, options: OpenOptions): Promise<Database> {
  const target = parseDatabaseUrl(url);
  return target.kind === 'pglite' ? openPGlite(target, options) : openPostgres(target, options.postgres ?? DEFAULT_POSTGRES_OPTIONS);
}

async function openPGlite(target: Extract<DatabaseTarget, { kind: 'pglite' }>, options: OpenOptions): Promise<Database> {
  const lock: DataDirLock | null = target.dataDir ? lockDataDir(target.dataDir, options.purpose) : null;
  let pglite: PGlite;
  let PrismaPGlite: typeof import('pglite-prisma-adapter').PrismaPGlite;
  try {
    const [pgliteModule, adapterModule] = await Promise.all([import('@electric-sql/pglite'), import('pglite-prisma-adapter')]);
    PrismaPGlite = adapterModule.PrismaPGlite;
    // A new data directory starts as a copy of an initialised, migrated one rather than running initdb.
    if (target.dataDir && !options.loadDataDir) seedFromTemplate(target.dataDir);
    pglite = await pgliteModule.PGlite.create({
      ...(target.dataDir ? { dataDir: target.dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      startParams: pgliteStartParams(pgliteModule.PGlite.defaultStartParams),
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(yieldingQueries(pglite)) });
  return {
    prisma,
    target,
    description: describeDatabase(target),
    dumpEmbedded: () => pglite.dumpDataDir('gzip'),
    exclusively: (_lockKey, work) => work(),
    sql: pgliteSql(pglite),
    close: once(async () => {
      try {
        await prisma.$disconnect();
        await pglite.close();
      } finally {
        lock?.release();
      }
    }),
  };
}

/**
 * PGlite runs in this thread and its queries complete without any I/O, so a long chain of them (a
 * cycle step preparing 2,000 entry cards) would run as one unbroken run of promise callbacks: no
 * HTTP request answered, no message sent, no lease renewed until it ends (measured: a turn's answer
 * held 20 s behind an open step for 200 owners). Each query on the client Prisma uses outside a
 * transaction first lets the event loop turn once (a transaction's own queries are short, and
 * hold the one connection anyway).
 */
function yieldingQueries(pglite: PGlite): PGlite {
  const query = pglite.query.bind(pglite);
  const yielding = async (...args: Parameters<PGlite['query']>) => {
    await new Promise<void>((resolve) => setImmediate(resolve));
    return query(...args);
  };
  Object.defineProperty(pglite, 'query', { value: yielding, configurable: true, writable: true });
  return pglite;
}

async function openPostgres(target: Extract<DatabaseTarget, { kind: 'postgres' }>, options: PostgresOptions): Promise<Database> {
  const [{ Pool }, { PrismaPg }] = await Promise.all([import('pg'), import('@prisma/adapter-pg')]);
  const pool = new Pool(postgresPoolOptions({ url: target.url, ...options }));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    target,
    description: describeDatabase(target),
    dumpEmbedded: async () => null,
    // Holds one pool connection while `work` uses others: DATABASE_POOL_SIZE is at least 2.
    exclusively: (lockKey, work) =>
      inTransaction(pool, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [lockKey]);
        return work();
      }),
    sql: {
      exec: async (script) => {
        await pool.query(script);
      },
      query: async <Row>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as Row[],
      transaction: (work) =>
        inTransaction(pool, (client) =>
          work({
            exec: async (script) => {
              await client.query(script);
            },
            query: async <Row>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as Row[],
          }),
        ),
    },
    close: once(async () => {
      await prisma.$disconnect();
      await pool.end();
    }),
  };
}

/** Runs `work` on one pooled connection inside BEGIN ... COMMIT, rolling back if it throws. */
async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Closing twice (a shutdown signal during a failing start, say) must not fail the second time. */
function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | null = null;
  return () => (closing ??= close());
}
