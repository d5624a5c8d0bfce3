/**
 * npm run audit:export -- 2026-07 [--out file.csv]
 *
 * Writes the audit trail of one reporting period as a CSV for internal audit (#16): every figure
 * entered, corrected, verified or queried, every narrative, refusal, opening and closing, oldest
 * first. Without --out it writes audit-<period>.csv in the current directory (never standard output,
 * which the command's own report and warnings share). Exit codes: 0 done, 2 bad input (checked before
 * the database is opened) or configuration, 1 anything else.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Store } from '../db/store';
import { auditTrailCsv } from '../app/data-quality/audit-trail-csv';
import { parsePeriod, periodKey } from '../domain/periods';
import { runCommand } from './run-command';

const USAGE = 'Usage: npm run audit:export -- <period> [--out file.csv]   e.g. npm run audit:export -- 2026-07 --out audit-2026-07.csv';

function parseArgs(args: readonly string[]): { ok: true; period: ReturnType<typeof parsePeriod> & { ok: true }; out: string | null } | { ok: false; error: string } {
  const positional: string[] = [];
  let out: string | null = null;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--out') {
      out = args[++i] ?? '';
      if (!out) return { ok: false, error: '--out needs a file name.' };
    } else if (args[i]!.startsWith('--')) return { ok: false, error: `Unknown option ${args[i]}.` };
    else positional.push(args[i]!);
  }
  const period = parsePeriod(positional.join(' '));
  if (positional.length === 0) return { ok: false, error: 'Name the period whose audit trail to export.' };
  if (!period.ok) return { ok: false, error: `"${positional.join(' ')}" is not a period: write a month as 2026-07, a quarter as "2026/27 Q2", a year as 2026/27.` };
  return { ok: true, period, out };
}

const parsed = parseArgs(process.argv.slice(2));
if (!parsed.ok) {
  console.error(`${parsed.error}\n${USAGE}`);
  process.exitCode = 2;
} else {
  void runCommand('audit export', async ({ database }) => {
    const { csv, rows } = await auditTrailCsv(new Store(database.prisma), parsed.period.value);
    const key = periodKey(parsed.period.value);
    const target = path.resolve(parsed.out ?? `audit-${key.replace(/[/ ]+/g, '-')}.csv`);
    await writeFile(target, csv);
    console.log(`${rows} audit ${rows === 1 ? 'entry' : 'entries'} for ${key} written to ${target}`);
    return 0;
  });
}
