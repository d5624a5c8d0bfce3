/**
 * npm run package [-- --out <file.zip>]
 *
 * Builds the Teams app package, appPackage/build/performance-bot.zip by default: the manifest with
 * its placeholders filled from the configuration (TEAMS_APP_ID, MicrosoftAppId, PUBLIC_HOSTNAME,
 * TAB_TOKEN_AUDIENCE; never MicrosoftAppPassword, so a pipeline with no secrets can build it),
 * validated offline against Microsoft's schema, and the two icons.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadPackageConfig, ConfigError } from '../config/config';
import { projectRoot } from '../db/paths';
import { buildAppPackage, AppPackageError } from '../app-package/app-package';
import { ManifestTemplateError } from '../app-package/manifest';
import { validateManifest } from '../app-package/validate-manifest';

const USAGE = 'Usage: npm run package [-- --out <file.zip>]';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const unknown = args.filter((arg, index) => index !== outIndex && index !== outIndex + 1);
  if (unknown.length > 0 || (outIndex >= 0 && !args[outIndex + 1])) {
    console.error(USAGE);
    return 64;
  }
  const root = projectRoot();
  const out = outIndex >= 0 ? path.resolve(args[outIndex + 1]!) : path.join(root, 'appPackage', 'build', 'performance-bot.zip');

  const config = loadPackageConfig();
  const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const built = await buildAppPackage(config, path.join(root, 'appPackage'), version);
  const validation = await validateManifest(built.manifest);
  if (validation.errors.length > 0) {
    console.error(`The manifest does not validate against ${path.basename(path.dirname(validation.schemaFile))} of the Teams schema; no package was written:`);
    for (const error of validation.errors) console.error(`  ${error}`);
    return 1;
  }
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, built.zip);
  console.log(`Wrote ${path.relative(process.cwd(), out) || out} (${built.zip.length} bytes): manifest.json (schema ${String(built.manifest.manifestVersion)}, valid), color.png, outline.png`);
  for (const warning of built.warnings) console.warn(`Warning: ${warning}`);
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof AppPackageError || error instanceof ManifestTemplateError) {
      console.error(error.message);
      process.exitCode = 2;
      return;
    }
    console.error(error);
    process.exitCode = 1;
  },
);
