/**
 * strip-bom for Jest. @microsoft/app-manifest requires strip-bom 5, which is ESM-only: Node 20.19+
 * loads it (so `npm run package` works), but Jest's own module loader cannot before Node 24.9.
 * jest.config.js maps "strip-bom" here; the behaviour is the same.
 */
module.exports = function stripBom(string) {
  if (typeof string !== 'string') throw new TypeError(`Expected a string, got ${typeof string}`);
  return string.charCodeAt(0) === 0xfeff ? string.slice(1) : string;
};
