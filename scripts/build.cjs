#!/usr/bin/env node
// Compiles the server and the command-line tools to JavaScript in dist/ (git-ignored), so that
// `npm start` runs plain Node: no TypeScript compiler in memory, no tsx process in between, no
// esbuild at run time. Each entry point is one bundle of our code; packages stay in node_modules.
// The Scorecard tab's browser script is bundled too and carried inside dist/main.js with its
// stylesheet, so the compiled server reads nothing from src/ (a production tree has none).
//
// Run by `npm install` (postinstall), `npm run build`, and with --if-stale before `npm start`,
// `npm run import`, `npm run cycle` and `npm run db:migrate`: then it compiles only when a source
// file of the last build changed since (about 0.05 s to check, 0.5 s to compile), and not at all
// in a tree without src/ (the container image), where those commands run dist/ as it is.
// `npm run start:prod` never runs it: production starts what was built, nothing else.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const infoFile = path.join(dist, 'build-info.json');
const TAB_STYLESHEET = 'src/tab/browser/tab.css';
const ENTRY_POINTS = ['src/main.ts', 'src/cli/import.ts', 'src/cli/cycle.ts', 'src/cli/migrate.ts', 'src/cli/anonymise-person.ts', 'src/cli/report.ts', 'src/cli/audit-export.ts', 'src/cli/make-embedded-template.ts', 'src/report/worker/render-worker.ts'];
const outputOf = (entry) => path.join(dist, path.relative('src', entry).replace(/\.ts$/, '.js'));

/** Why the last build is out of date, or null when it is not. */
function staleness() {
  let info;
  try {
    info = JSON.parse(fs.readFileSync(infoFile, 'utf8'));
  } catch {
    return 'no build yet';
  }
  if (JSON.stringify(info.entryPoints) !== JSON.stringify(ENTRY_POINTS)) return 'the entry points changed';
  for (const file of [...ENTRY_POINTS.map(outputOf), ...info.inputs.map((input) => path.join(root, input)), __filename]) {
    let modified;
    try {
      modified = fs.statSync(file).mtimeMs;
    } catch {
      return `${path.relative(root, file)} is missing`;
    }
    if (modified > info.startedAt && !file.startsWith(dist)) return `${path.relative(root, file)} changed`;
  }
  return null;
}

async function build() {
  const esbuild = require('esbuild'); // here, not above: a production tree (--if-stale, no src/) has no esbuild
  const startedAt = Date.now();
  const tabOptions = JSON.parse(fs.readFileSync(path.join(root, 'src/tab/tab-script-build.json'), 'utf8'));
  const tab = await esbuild.build({ ...tabOptions, write: false, metafile: true, logLevel: 'warning', absWorkingDir: root });
  const server = await esbuild.build({
    entryPoints: ENTRY_POINTS,
    outbase: 'src',
    outdir: dist,
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'cjs',
    packages: 'external',
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
    absWorkingDir: root,
    // src/tab/tab-assets.ts serves this instead of running esbuild in the server.
    define: {
      PREBUILT_TAB_SCRIPT: JSON.stringify(tab.outputFiles[0].text),
      PREBUILT_TAB_STYLESHEET: JSON.stringify(fs.readFileSync(path.join(root, TAB_STYLESHEET), 'utf8')),
    },
  });
  const inputs = [...new Set([...Object.keys(tab.metafile.inputs), ...Object.keys(server.metafile.inputs), TAB_STYLESHEET])].sort();
  fs.writeFileSync(infoFile, JSON.stringify({ startedAt, entryPoints: ENTRY_POINTS, inputs }, null, 1));
  return ((Date.now() - startedAt) / 1000).toFixed(1);
}

async function main() {
  if (process.argv.includes('--if-stale')) {
    // A production tree or image (dist/ without src/, dev dependencies left out): dist/ is what runs.
    if (!fs.existsSync(path.join(root, 'src'))) return;
    const reason = staleness();
    if (reason === null) return;
    console.log(`Compiling to dist/ (${reason})`);
  }
  const seconds = await build();
  console.log(`Compiled the server and command-line tools to dist/ in ${seconds} s`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
