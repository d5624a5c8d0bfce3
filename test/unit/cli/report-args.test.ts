import { parseReportArgs } from '../../../src/cli/report-args';
import { parseQuarter } from '../../../src/app/report/parse-quarter';

describe('the report command line', () => {
  it('reads the quarter, the edition and the folder, committee into ./reports by default', () => {
    expect(parseReportArgs(['2026/27 Q2'])).toEqual({ ok: true, value: { quarter: { kind: 'QUARTER', fyStart: 2026, quarter: 2 }, edition: 'committee', outDir: 'reports' } });
    expect(parseReportArgs(['--edition', 'public', 'Q3 2025/26', '--out', '/tmp/x'])).toEqual({
      ok: true, value: { quarter: { kind: 'QUARTER', fyStart: 2025, quarter: 3 }, edition: 'public', outDir: '/tmp/x' },
    });
  });

  it.each([
    [['2026', '/27', 'Q2'], /One quarter at a time/],
    [['2026/27 Q2', '--out'], /--out needs a value/],
    [['2026/27 Q2', '--format', 'pdf'], /Unknown option --format/],
    [['2026-09'], /"2026-09" is a month: a report is for a financial quarter such as "2026\/27 Q2"/],
  ])('refuses %j saying what to fix', (args, message) => {
    const parsed = parseReportArgs(args);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(message);
  });

  it('turns a month or a year down rather than rounding it to a quarter', () => {
    expect(parseQuarter('2026/27').ok).toBe(false);
    expect(parseQuarter('october 2026').ok).toBe(false);
  });
});
