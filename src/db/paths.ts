import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository's root, found from this file's location so it works from src/ (tsx, ts-jest)
 * and from the compiled bundles in dist/ and dist/cli/ alike, whatever the working directory.
 */
export function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'prisma', 'migrations'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Cannot find prisma/migrations above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

export const migrationsDir = (): string => path.join(projectRoot(), 'prisma', 'migrations');
