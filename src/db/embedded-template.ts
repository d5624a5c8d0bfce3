/**
 * An empty embedded database, initialised and migrated, made once by `npm install` (and `npm run
 * build`) in dist/, and copied into a new data directory when it is first opened. Without it a
 * first start ran PGlite's initdb (seconds, and a second PostgreSQL beside the first: a 900 MB
 * peak) and then every migration's DDL (about a second of CPU). The demo data is still loaded at
 * start as on any empty database: it depends on today's date.
 *
 * The template is named for the PGlite version that made it (a cluster is only readable by the
 * PostgreSQL that wrote it), and beside it `<template>.json` lists the migrations it holds. It is
 * used only when those are the first of ours, name and checksum alike; opening then applies the
 * rest as on any database. Otherwise (a migration edited or removed since, another branch), or
 * without a template (dist/ removed, an install with --ignore-scripts), PGlite runs initdb and
 * every migration runs, as before: slower, never wrong.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot, migrationsDir } from './paths';
import { applyMigrations, readMigrations, type Migration } from './migrate';
import { pgliteSql } from './pglite-sql';
import { pgliteStartParams } from './pglite-settings';

interface TemplateManifest {
  readonly pglite: string;
  readonly migrations: readonly { readonly name: string; readonly checksum: string }[];
}

export function pgliteVersion(): string {
  // The package exports no ./package.json; its entry point is <package>/dist/index.cjs.
  const packageJson = path.join(path.dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json');
  return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
}

export function templateDir(): string {
  return path.join(projectRoot(), 'dist', `pglite-template-${pgliteVersion()}`);
}

/**
 * Copies the template into `dataDir` if `dataDir` is absent or empty and the template holds only
 * the first of `migrations`; says whether it did. The caller holds the data directory's lock. The
 * copy is made beside the directory and renamed into place, so a process killed half way leaves
 * no half database.
 */
export function seedFromTemplate(dataDir: string, template?: string, migrations?: readonly Migration[]): boolean {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) return false; // every start but the first
  const source = template ?? templateDir();
  if (!existsSync(path.join(source, 'PG_VERSION')) || !holdsFirstOf(source, migrations ?? readMigrations(migrationsDir()))) return false;
  const target = path.resolve(dataDir);
  mkdirSync(path.dirname(target), { recursive: true });
  const stagingPrefix = `${path.basename(target)}.seeding-`;
  for (const leftover of readdirSync(path.dirname(target)).filter((name) => name.startsWith(stagingPrefix))) {
    rmSync(path.join(path.dirname(target), leftover), { recursive: true, force: true });
  }
  const staging = path.join(path.dirname(target), `${stagingPrefix}${process.pid}`);
  cpSync(source, staging, { recursive: true });
  rmSync(target, { recursive: true, force: true }); // absent or empty, as checked above
  renameSync(staging, target);
  return true;
}

function holdsFirstOf(template: string, migrations: readonly Migration[]): boolean {
  let manifest: TemplateManifest;
  try {
    manifest = JSON.parse(readFileSync(`${template}.json`, 'utf8')) as TemplateManifest;
  } catch {
    return false;
  }
  return (
    manifest.migrations.length <= migrations.length &&
    manifest.migrations.every((held, i) => held.name === migrations[i]!.name && held.checksum === migrations[i]!.checksum)
  );
}

/**
 * Makes the template with `migrations` unless it holds exactly those already; removes templates
 * of other PGlite versions.
 */
export async function buildTemplate(
  template = templateDir(),
  migrations = readMigrations(migrationsDir()),
): Promise<{ readonly built: boolean; readonly dir: string }> {
  const manifest: TemplateManifest = { pglite: pgliteVersion(), migrations: migrations.map(({ name, checksum }) => ({ name, checksum })) };
  const parent = path.dirname(template);
  mkdirSync(parent, { recursive: true });
  for (const name of readdirSync(parent)) {
    const other = path.join(parent, name);
    if (name.startsWith('pglite-template-') && other !== template && other !== `${template}.json`) rmSync(other, { recursive: true, force: true });
  }
  const current = existsSync(`${template}.json`) ? readFileSync(`${template}.json`, 'utf8') : null;
  if (existsSync(path.join(template, 'PG_VERSION')) && current === JSON.stringify(manifest)) return { built: false, dir: template };

  const staging = `${template}.building-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const pglite = await PGlite.create({ dataDir: staging, startParams: pgliteStartParams(PGlite.defaultStartParams) });
    try {
      await applyMigrations(pgliteSql(pglite), migrations);
    } finally {
      await pglite.close();
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  rmSync(`${template}.json`, { force: true }); // never a manifest describing another template
  rmSync(template, { recursive: true, force: true });
  renameSync(staging, template);
  writeFileSync(`${template}.json`, JSON.stringify(manifest));
  return { built: true, dir: template };
}
