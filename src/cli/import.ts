/**
 * npm run import -- <file.csv|file.xlsx> [--dry-run]
 *
 * Loads the indicator register (and any Targets, Values and People sheets) from a file. A file with any bad
 * row writes nothing and lists every problem; --dry-run checks and counts without writing.
 */
import path from 'node:path';
import { stat } from 'node:fs/promises';
import { Store } from '../db/store';
import { importRegister, type ImportCounts } from '../app/import-register';
import { UnreadableFileError } from '../import/read-register-file';
import { readRegisterFileInBackground } from './read-in-background';
import { describeProblem } from '../import/register-file';
import { currentFinancialYear } from '../domain/periods-today';
import { runCommand, UsageError } from './run-command';
import { ImportProgressLine } from './import-progress';

const USAGE = 'Usage: npm run import -- <register.xlsx|indicators.csv|people.csv> [--dry-run]';

const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const unknown = args.filter((arg) => arg.startsWith('--') && arg !== '--dry-run');
const files = args.filter((arg) => !arg.startsWith('--'));
const usable = unknown.length === 0 && files.length === 1;
// Started before the database is opened (which takes seconds for a new embedded one), to read meanwhile.
const reading = usable ? readRegisterFileInBackground(files[0]!) : null;

void runCommand('register import', async ({ database, clock }) => {
  if (!usable || !reading) throw new UsageError(unknown.length ? `Unknown option ${unknown.join(' ')}. ${USAGE}` : USAGE);
  const file = files[0]!;

  // Large files only: a line on stderr that says how far the import has got.
  const progress = new ImportProgressLine(process.stderr, { dryRun });
  let outcome;
  try {
    if (!reading.done) progress.reading(path.basename(file), await stat(file).then((s) => s.size, () => 0));
    const register = await reading.result;
    outcome = await importRegister(new Store(database.prisma), register, {
      dryRun,
      actorLabel: `import ${path.basename(file)}`,
      currentFinancialYear: currentFinancialYear(clock.now()),
      onProgress: (step) => progress.report(step),
    });
  } catch (error) {
    progress.finish();
    if (error instanceof UnreadableFileError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  progress.finish();
  if (!outcome.ok) {
    console.error(`${path.basename(file)} was not imported: nothing was written. Fix ${outcome.problems.length === 1 ? 'this problem' : `these ${outcome.problems.length} problems`} and import it again:`);
    for (const problem of outcome.problems) console.error(`  - ${describeProblem(problem)}`);
    return 1;
  }
  console.log(`${outcome.dryRun ? 'Dry run (nothing written): would import' : 'Imported'} ${path.basename(file)} into the ${database.description}:`);
  console.log(summarise(outcome.counts));
  return 0;
});

function summarise(c: ImportCounts): string {
  return [
    `  indicators: ${c.indicatorsCreated} new, ${c.indicatorsUpdated} updated, ${c.indicatorsUnchanged} unchanged`,
    `  people:     ${c.peopleCreated} new, ${c.peopleUpdated} updated`,
    `  roles:      ${c.rolesGranted} granted, ${c.rolesRevoked} revoked (admin and viewer, from the People sheet)`,
    `  targets:    ${c.targetsSet} set, ${c.targetsUnchanged} unchanged`,
    `  values:     ${c.valuesCreated} new, ${c.valuesCorrected} corrected (new version), ${c.valuesUnchanged} unchanged`,
  ].join('\n');
}
