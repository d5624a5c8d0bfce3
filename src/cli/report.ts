/**
 * npm run report -- "2026/27 Q2" [--edition committee|public] [--out dir]
 *
 * Generates a quarterly report pack (#15) from the figures held now, stores it (as the chat
 * command and the Scorecard tab's Reports page would: every generation is kept) and writes its
 * files into --out (default ./reports), printing each file's path and size. Exit codes: 0 done,
 * 2 bad input (checked before the database is opened) or configuration, 1 anything else.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Store } from '../db/store';
import { ReportPackService } from '../app/report/report-pack-service';
import { reportRenderers } from '../app/report/report-renderers';
import { parseReportArgs, REPORT_USAGE } from './report-args';
import { runCommand } from './run-command';

const parsed = parseReportArgs(process.argv.slice(2));
if (!parsed.ok) {
  console.error(`${parsed.error}\n${REPORT_USAGE}`);
  process.exitCode = 2;
} else {
  const { quarter, edition, outDir } = parsed.value;
  void runCommand('report pack', async ({ config, database, clock }) => {
    const store = new Store(database.prisma);
    const packs = new ReportPackService(store, clock, { defaultTolerance: config.defaultTolerance, unverifiedFigures: config.unverifiedFigures, runLengths: config.runLengths, teamsAppId: config.app.teamsAppId, organisationName: config.organisationName }, reportRenderers);
    const generated = await packs.generateWithCard(quarter, edition, null);
    const dir = path.resolve(outDir);
    await mkdir(dir, { recursive: true });
    console.log(`${generated.view.editionLabel} pack for ${generated.summary.quarterLabel} stored (id ${generated.summary.id}):`);
    for (const summary of generated.summary.files) {
      const file = await packs.file(generated.summary.id, summary.name);
      if (!file) throw new Error(`The stored pack ${generated.summary.id} has no file ${summary.name}.`);
      const target = path.join(dir, file.name);
      await writeFile(target, file.bytes);
      console.log(`  ${target}  ${file.bytes.byteLength} bytes`);
    }
    if (generated.boardCardQueued) console.log('The "Quarterly report ready" card is queued for the Board channel.');
    return 0;
  });
}
