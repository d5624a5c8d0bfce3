/**
 * A freshly initialised, empty embedded database, made once by `npm install` (and `npm run build`)
 * in dist/, and copied into a new data directory when it is first opened, instead of running
 * initdb there: PGlite's initdb takes seconds and runs a second PostgreSQL beside the first, so a
 * first start peaked at 900 MB. Migrations and the demo data still run on the copy as on any new
 * database; the template is only what initdb would have made.
 *
 * Without a template (dist/ removed, an install with --ignore-scripts, a PGlite upgrade not yet
 * built) PGlite runs initdb as before: slower, never wrong. The template is named for the PGlite
 * version that made it, since a cluster is only readable by the PostgreSQL that wrote it.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './paths';
import { pgliteStartParams } from './pglite-settings';

export function pgliteVersion(): string {
  // The package exports no ./package.json; its entry point is <package>/dist/index.cjs.
  const packageJson = path.join(path.dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json');
  return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
}

export function templateDir(): string {
  return path.join(projectRoot(), 'dist', `pglite-template-${pgliteVersion()}`);
}

/**
 * Copies the template into `dataDir` if there is a template and `dataDir` is absent or empty;
 * says whether it did. The caller holds the data directory's lock. The copy is made beside the
 * directory and renamed into place, so a process killed half way leaves no half database.
 */
export function seedFromTemplate(dataDir: string, template = templateDir()): boolean {
  if (!existsSync(path.join(template, 'PG_VERSION'))) return false;
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) return false;
  const target = path.resolve(dataDir);
  mkdirSync(path.dirname(target), { recursive: true });
  const stagingPrefix = `${path.basename(target)}.seeding-`;
  for (const leftover of readdirSync(path.dirname(target)).filter((name) => name.startsWith(stagingPrefix))) {
    rmSync(path.join(path.dirname(target), leftover), { recursive: true, force: true });
  }
  const staging = path.join(path.dirname(target), `${stagingPrefix}${process.pid}`);
  cpSync(template, staging, { recursive: true });
  rmSync(target, { recursive: true, force: true }); // absent or empty, as checked above
  renameSync(staging, target);
  return true;
}

/** Makes the template unless it is there; removes templates of other PGlite versions. */
export async function buildTemplate(template = templateDir()): Promise<{ readonly built: boolean; readonly dir: string }> {
  const parent = path.dirname(template);
  mkdirSync(parent, { recursive: true });
  for (const name of readdirSync(parent)) {
    const other = path.join(parent, name);
    if (name.startsWith('pglite-template-') && other !== template) rmSync(other, { recursive: true, force: true });
  }
  if (existsSync(path.join(template, 'PG_VERSION'))) return { built: false, dir: template };
  const staging = `${template}.building-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = await PGlite.create({ dataDir: staging, startParams: pgliteStartParams(PGlite.defaultStartParams) });
  await pglite.close();
  rmSync(template, { recursive: true, force: true });
  renameSync(staging, template);
  return { built: true, dir: template };
}
