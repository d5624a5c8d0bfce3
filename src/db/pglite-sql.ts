/** The SqlExecutor (migrations, the test harness) over an open PGlite. */
import type { PGlite } from '@electric-sql/pglite';
import type { SqlExecutor } from './sql-executor';

export function pgliteSql(pglite: PGlite): SqlExecutor {
  return {
    exec: async (script) => {
      await pglite.exec(script);
    },
    query: async <Row>(sql: string, params: unknown[] = []) => (await pglite.query<Row>(sql, params)).rows,
    transaction: (work) =>
      pglite.transaction((tx) =>
        work({
          exec: async (script) => {
            await tx.exec(script);
          },
          query: async <Row>(sql: string, params: unknown[] = []) => (await tx.query<Row>(sql, params)).rows,
        }),
      ),
  };
}
