#!/usr/bin/env node
// Runs `prisma generate` offline.
//
// The Prisma CLI insists on finding its native schema engine before it generates anything, and that
// engine cannot be downloaded here (nor on many council networks). Generation itself never uses it,
// so any existing executable satisfies the check: we point it at the running Node binary.
// See ../shared/notes/prisma-offline.md and the README's "Database" section.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const result = spawnSync(
  process.execPath,
  [require.resolve('prisma/build/index.js', { paths: [root] }), 'generate', '--schema', 'prisma/schema.prisma'],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath,
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
    },
  },
);
process.exit(result.status ?? 1);
