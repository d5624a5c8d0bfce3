/**
 * The committed migrations must build exactly the schema in prisma/schema.prisma. If this fails,
 * someone changed the schema without `npm run db:migration:new -- <name>`. The check runs as its
 * own process because Prisma's WASM schema engine is an ES module that Jest's CommonJS runtime
 * cannot load.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../support/test-paths';

it('prisma/migrations builds exactly the schema in prisma/schema.prisma', () => {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/check-schema-drift.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('');
  expect(run.stdout).toContain('prisma/migrations and prisma/schema.prisma agree.');
  expect(run.status).toBe(0);
});
