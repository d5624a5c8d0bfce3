// Preloaded into a server (NODE_OPTIONS=--require) by tests that check what it loads: when the
// server (dist/main.js, not npm) exits, it writes every file in require.cache to LOADED_MODULES_FILE.
// CommonJS files imported from ES modules are in require.cache too.
const fs = require('node:fs');

const out = process.env.LOADED_MODULES_FILE;
if (out && /dist[\\/]main\.js$/.test(process.argv[1] || '')) {
  process.on('exit', () => fs.writeFileSync(out, JSON.stringify(Object.keys(require.cache))));
}
