/**
 * The smallest interface the migration runner and the test harness need from a database: run a
 * script, run a parameterised query, do both inside one transaction. Everything else goes through
 * Prisma.
 */
export interface SqlSession {
  /** Runs a script of one or more statements with no parameters. */
  exec(script: string): Promise<void>;
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
}

export interface SqlExecutor extends SqlSession {
  /** Runs `work` on one connection inside BEGIN ... COMMIT, rolling back if it throws. */
  transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
}
