import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
/** Test artefacts (database templates, screenshots); git-ignored. */
export const OUTPUT_DIR = path.join(ROOT, 'test-output');
export const PGLITE_TEMPLATE = path.join(OUTPUT_DIR, 'pglite-template.tar.gz');
export const POSTGRES_TEMPLATE_DB = 'perfbot_test_template';
