/**
 * Part of `npm install` and `npm run build`: makes the empty embedded database that new data
 * directories are copied from (src/db/embedded-template.ts), unless it is there already.
 */
import { buildTemplate } from '../db/embedded-template';

const started = Date.now();
buildTemplate().then(
  ({ built, dir }) => {
    if (built) console.log(`Made the embedded database template ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  },
  (error: unknown) => {
    // Not fatal: without a template a new embedded database is made by initdb, as before.
    console.warn(`Could not make the embedded database template (new databases will run initdb instead): ${String(error)}`);
  },
);
