/**
 * Renders a committee Word report to PDF and PNG pages, for people to look at (#15):
 *
 *   npm run report:render [-- --sample]          -> report-output/ from sampleQuarterReport(40)
 *   npm run report:render -- path/to/report.docx -> report-output/ from that file
 *   REPORT_OUTPUT_DIR=/tmp/report npm run report:render
 *
 * LibreOffice (headless) converts the DOCX to PDF and poppler's pdftoppm turns each page into a
 * PNG. Either missing is installed from Debian (libreoffice-writer-nogui, poppler-utils) when run
 * as root with apt; otherwise the script stops and says what to install. LibreOffice is not Word,
 * but it lays out the same tables, headings and images, so overflowing tables and unreadable
 * charts show here as they would there.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sampleQuarterReport } from '../src/app/report/report-samples';
import { renderCommitteeReport } from '../src/report/docx/committee-report';

function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Installs a Debian package when its command is missing, or explains what to do when it cannot. */
function ensureCommand(command: string, debianPackage: string): void {
  if (hasCommand(command)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !hasCommand('apt-get')) {
    throw new Error(`${command} is not installed and this script cannot install it (it needs root and apt-get). Install Debian's ${debianPackage} (apt-get install -y ${debianPackage}) and run it again.`);
  }
  console.log(`${command} is missing: installing Debian's ${debianPackage} with apt-get (this takes a minute or two) ...`);
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', debianPackage], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (!hasCommand(command)) throw new Error(`Installed ${debianPackage} but ${command} is still not on the PATH.`);
}

async function main(): Promise<void> {
  const outDir = path.resolve(process.env.REPORT_OUTPUT_DIR || 'report-output');
  mkdirSync(outDir, { recursive: true });
  // `--sample` (or nothing) renders the sample report; anything else is the DOCX to convert.
  const given = process.argv.slice(2).find((arg) => arg !== '--sample');
  let docxPath: string;
  if (given) {
    if (!existsSync(given)) throw new Error(`No such file: ${given}. Give the path of a .docx file, or nothing to render the sample report.`);
    docxPath = path.join(outDir, path.basename(given));
    if (path.resolve(given) !== docxPath) copyFileSync(given, docxPath);
  } else {
    const started = performance.now();
    const file = await renderCommitteeReport(sampleQuarterReport(40));
    docxPath = path.join(outDir, file.name);
    writeFileSync(docxPath, file.bytes);
    console.log(`Rendered the sample report (40 indicators) in ${Math.round(performance.now() - started)} ms: ${docxPath}`);
  }

  ensureCommand('soffice', 'libreoffice-writer-nogui');
  ensureCommand('pdftoppm', 'poppler-utils');

  const stem = path.basename(docxPath, '.docx');
  // A private LibreOffice profile, so a desktop LibreOffice left open does not swallow the conversion.
  const profile = path.join(outDir, '.lo-profile');
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, docxPath], { stdio: 'inherit' });
  const pdfPath = path.join(outDir, `${stem}.pdf`);
  if (!existsSync(pdfPath)) throw new Error(`LibreOffice did not write ${pdfPath}; see its output above.`);

  for (const old of readdirSync(outDir).filter((f) => f.startsWith(`${stem}-page`) && f.endsWith('.png'))) rmSync(path.join(outDir, old));
  execFileSync('pdftoppm', ['-png', '-r', '80', pdfPath, path.join(outDir, `${stem}-page`)], { stdio: 'inherit' });
  const pages = readdirSync(outDir).filter((f) => f.startsWith(`${stem}-page`) && f.endsWith('.png')).sort();
  console.log(`PDF: ${pdfPath}\n${pages.length} pages as PNG in ${outDir}:\n${pages.map((p) => `  ${p}`).join('\n')}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
