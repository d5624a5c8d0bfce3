/**
 * Validates a manifest against Microsoft's official JSON schema for its manifest version, offline:
 * @microsoft/app-manifest bundles every published schema, and the schema file is read from the
 * package and handed to its validator, so nothing is fetched (@microsoft/teams-manifest would
 * download the schema and fail without a network).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface ManifestValidation {
  /** The bundled schema the manifest was checked against. */
  readonly schemaFile: string;
  /** Every problem the schema finds; empty when the manifest is valid. */
  readonly errors: readonly string[];
}

export class SchemaNotBundledError extends Error {}

export async function validateManifest(manifest: Record<string, unknown>): Promise<ManifestValidation> {
  const version = String(manifest.manifestVersion ?? '');
  const expectedSchema = `https://developer.microsoft.com/en-us/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`;
  const schemaFile = bundledSchemaFile(version);
  // The library's own reading of its schema files works around two escapes JSON does not allow.
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as object;
  const { AppManifestUtils } = await import('@microsoft/app-manifest');
  const errors = await AppManifestUtils.validateAgainstSchema(manifest as never, schema as never);
  if (manifest.$schema !== expectedSchema) errors.unshift(`$schema should be ${expectedSchema} for manifestVersion ${version}`);
  return { schemaFile, errors };
}

/** node_modules/@microsoft/app-manifest/build/json-schemas/teams/v<version>/MicrosoftTeams.schema.json */
export function bundledSchemaFile(version: string): string {
  const packageMain = require.resolve('@microsoft/app-manifest');
  const file = path.join(path.dirname(packageMain), 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json');
  if (!/^\d+\.\d+$/.test(version) || !existsSync(file)) {
    throw new SchemaNotBundledError(`@microsoft/app-manifest has no bundled schema for manifest version "${version}"`);
  }
  return file;
}
