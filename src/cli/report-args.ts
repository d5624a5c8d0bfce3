/** The `npm run report` command line, read without touching the database (so bad input costs nothing). */
import type { QuarterPeriod } from '../domain/periods';
import type { Result } from '../domain/result';
import type { ReportEdition } from '../app/report/quarter-report-model';
import { parseQuarter } from '../app/report/parse-quarter';

export const REPORT_USAGE = 'Usage: npm run report -- "2026/27 Q2" [--edition committee|public] [--out dir]';

export interface ReportArgs {
  readonly quarter: QuarterPeriod;
  readonly edition: ReportEdition;
  readonly outDir: string;
}

export function parseReportArgs(args: readonly string[]): Result<ReportArgs> {
  let quarterText: string | null = null;
  let edition: ReportEdition = 'committee';
  let outDir = 'reports';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--edition' || arg === '--out') {
      const value = args[++i];
      if (value === undefined || value.startsWith('--')) return { ok: false, error: `${arg} needs a value.` };
      if (arg === '--out') outDir = value;
      else if (value === 'committee' || value === 'public') edition = value;
      else return { ok: false, error: `--edition is committee or public, not "${value}".` };
    } else if (arg.startsWith('--')) {
      return { ok: false, error: `Unknown option ${arg}.` };
    } else if (quarterText === null) {
      quarterText = arg;
    } else {
      return { ok: false, error: `One quarter at a time: "${quarterText}" and "${arg}" were both given (quote the quarter: "2026/27 Q2").` };
    }
  }
  if (quarterText === null) return { ok: false, error: 'Say which quarter, such as "2026/27 Q2".' };
  const quarter = parseQuarter(quarterText);
  if (!quarter.ok) return quarter;
  return { ok: true, value: { quarter: quarter.value, edition, outDir } };
}
