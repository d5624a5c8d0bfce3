/**
 * The Teams app package a council uploads: a zip holding exactly manifest.json (filled from the
 * configuration) and the two icons, at its root, as Teams expects.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import type { PackageConfig } from '../config/config';
import { fillManifest, manifestValues, PLACEHOLDER_APP_ID } from './manifest';
import { ICON_FILES, iconProblems } from './icons';

export const MANIFEST_FILE = 'manifest.json';

export interface AppPackage {
  readonly manifest: Record<string, unknown>;
  readonly zip: Buffer;
  /** Things that do not stop the build but would stop the package working in Teams. */
  readonly warnings: readonly string[];
}

export class AppPackageError extends Error {}

/** Builds the package from the template and icons in `sourceDir` (appPackage/). */
export async function buildAppPackage(config: PackageConfig, sourceDir: string, appVersion: string): Promise<AppPackage> {
  const [templateText, color, outline] = await Promise.all([
    readFile(path.join(sourceDir, MANIFEST_FILE), 'utf8'),
    readFile(path.join(sourceDir, ICON_FILES.color)),
    readFile(path.join(sourceDir, ICON_FILES.outline)),
  ]);
  const problems = iconProblems({ color, outline });
  if (problems.length > 0) throw new AppPackageError(`The icons are not as Teams needs them: ${problems.join('; ')}`);
  const manifest = fillManifest(JSON.parse(templateText) as unknown, manifestValues(config, appVersion));

  const zip = new JSZip();
  // A fixed date keeps the zip's bytes the same for the same inputs.
  const date = new Date('2026-01-01T00:00:00Z');
  zip.file(MANIFEST_FILE, `${JSON.stringify(manifest, null, 2)}\n`, { date });
  zip.file(ICON_FILES.color, color, { date });
  zip.file(ICON_FILES.outline, outline, { date });
  const buffer = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });

  const warnings: string[] = [];
  if (!config.bot.appId) {
    warnings.push(`MicrosoftAppId is not set: the bot id and the single sign-on app id are ${PLACEHOLDER_APP_ID}. Set it (and PUBLIC_HOSTNAME) before uploading the package to Teams.`);
  }
  if (/^(localhost|127\.)/.test(config.app.publicHostname)) {
    warnings.push(`PUBLIC_HOSTNAME is ${config.app.publicHostname}: Teams loads tabs over HTTPS from a public host name, so set it to where the bot is served.`);
  }
  return { manifest, zip: buffer, warnings };
}
