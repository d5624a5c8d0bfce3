/**
 * Prisma's schema engine (WASM build), driven without the native binary that the Prisma CLI would
 * download. Used by the migration writer and the drift check; never by the running product.
 *
 * Plain Node cannot import the package's `.wasm` file as a module, so we instantiate it by hand and
 * hand it to the bindings (see ../shared/notes/prisma-offline.md).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';

type Bindings = typeof import('@prisma/schema-engine-wasm');
export type SchemaEngine = import('@prisma/schema-engine-wasm').SchemaEngine;

const ROOT = path.resolve(__dirname, '..');
export const SCHEMA_PATH = path.join(ROOT, 'prisma', 'schema.prisma');
export const MIGRATIONS_DIR = path.join(ROOT, 'prisma', 'migrations');

async function loadBindings(): Promise<Bindings> {
  const pkgDir = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
  const bindings = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as unknown as Bindings & {
    __wbg_set_wasm(exports: WebAssembly.Exports): void;
  };
  const bytes = readFileSync(path.join(pkgDir, 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bindings as never });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bindings;
}

/** A schema engine whose database (and shadow database) is a throw-away in-memory PGlite. */
export async function openSchemaEngine(): Promise<{ engine: SchemaEngine; close(): Promise<void> }> {
  const bindings = await loadBindings();
  const pglite = new PGlite();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(pglite) as never);
  const schema = readFileSync(SCHEMA_PATH, 'utf8');
  const engine = await bindings.SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    (log: string) => process.env.SCHEMA_ENGINE_DEBUG && console.error(log),
    adapter,
  );
  return { engine, close: async () => { engine.free(); await pglite.close(); } };
}

/** The committed migration history in the shape the engine wants. */
export function migrationList() {
  const dirs = existsSync(MIGRATIONS_DIR)
    ? readdirSync(MIGRATIONS_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const lockPath = path.join(MIGRATIONS_DIR, 'migration_lock.toml');
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok' as const, value: readFileSync(path.join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8') },
      },
    })),
  };
}

/** SQL that takes a database built by the committed migrations to the current schema ('' if none). */
export async function pendingSchemaChange(engine: SchemaEngine): Promise<string> {
  const result = await engine.diff({
    from: { tag: 'migrations', ...migrationList() },
    to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: readFileSync(SCHEMA_PATH, 'utf8') }] },
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  const sql = (result.stdout ?? '').trim();
  return sql === '' || /^-- This is an empty migration\.?$/.test(sql) ? '' : sql + '\n';
}
