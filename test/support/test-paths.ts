import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
/** Test artefacts (database templates, screenshots); git-ignored. */
export const OUTPUT_DIR = path.join(ROOT, 'test-output');
/**
 * Each test run builds its own templates, named for the run, and hands the names to its workers
 * through the environment (Jest forks them after global setup), so two runs at once never collide.
 */
export const RUN_TEMPLATE_ENV = { pglite: 'PERFBOT_TEST_PGLITE_TEMPLATE', postgres: 'PERFBOT_TEST_POSTGRES_TEMPLATE' } as const;

export function runTemplate(kind: keyof typeof RUN_TEMPLATE_ENV): string {
  const value = process.env[RUN_TEMPLATE_ENV[kind]];
  if (!value) throw new Error(`${RUN_TEMPLATE_ENV[kind]} is not set: run the tests through Jest (its global setup builds the templates)`);
  return value;
}
