import { parse } from 'csv-parse/sync';
import { sampleQuarterReport } from '../../../../src/app/report/report-samples';
import { publicEdition } from '../../../../src/app/report/public-edition';
import { OPEN_DATA_COLUMNS, renderOpenDataCsv } from '../../../../src/report/public/open-data-csv';
import type { QuarterReport } from '../../../../src/app/report/quarter-report-model';

const committee = sampleQuarterReport(24);
const published = publicEdition(committee);

function rowsOf(report: QuarterReport): Record<string, string>[] {
  const text = new TextDecoder().decode(renderOpenDataCsv(report).bytes);
  return parse(text, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
}

/** Every person named anywhere in the committee model: owners, action leads and the commentators quoted. */
function staffNames(report: QuarterReport): string[] {
  const names = new Set<string>();
  for (const x of report.indicators) if (x.ownerName) names.add(x.ownerName);
  for (const x of report.exceptions) {
    for (const a of x.actions) if (a.leadName) names.add(a.leadName);
    for (const match of (x.commentary ?? '').matchAll(/\(([A-Z][a-z]+ [A-Z][a-z]+),/g)) names.add(match[1]!);
  }
  return [...names];
}

describe('the open-data CSV of the public edition', () => {
  it('has the documented header and one row per published indicator and period of its last twelve', () => {
    const text = new TextDecoder().decode(renderOpenDataCsv(published).bytes);
    const header = parse(text, { bom: true, to_line: 1 })[0] as string[];
    expect(header).toEqual([...OPEN_DATA_COLUMNS]);
    const rows = rowsOf(published);
    expect(rows).toHaveLength(published.indicators.reduce((n, x) => n + x.sparkline.length, 0));
    expect(new Set(rows.map((r) => r.indicator_code))).toEqual(new Set(published.indicators.map((x) => x.code)));
    const unpublished = committee.indicators.filter((x) => !x.public).map((x) => x.code);
    expect(unpublished.length).toBeGreaterThan(0);
    for (const code of unpublished) expect(rows.some((r) => r.indicator_code === code)).toBe(false);
  });

  it('gives every figure as a plain number equal to the model\'s, and the quarter\'s figures on the reported period\'s row', () => {
    const rows = rowsOf(published);
    const asNumber = (text: string) => (text === '' ? null : Number(text));
    for (const indicator of published.indicators) {
      for (const point of indicator.sparkline) {
        const row = rows.find((r) => r.indicator_code === indicator.code && r.period === point.period)!;
        expect(row).toBeDefined();
        expect([asNumber(row.value!), asNumber(row.target!), row.status]).toEqual([point.value, point.target, point.status]);
        const reported = point.period === indicator.period;
        expect(row.is_reported_period).toBe(reported ? 'yes' : 'no');
        if (reported) {
          expect(asNumber(row.quarter_figure!)).toBe(indicator.quarterFigure.value);
          expect(asNumber(row.year_to_date!)).toBe(indicator.yearToDate.value);
          expect(asNumber(row.year_to_date_target!)).toBe(indicator.yearToDate.target.value);
          expect(row.travel_since_last_quarter).toBe(indicator.travelSinceLastQuarter);
        } else {
          expect(row.quarter_figure).toBe('');
        }
      }
    }
  });

  it('names no member of staff, and refuses the committee model', () => {
    const text = new TextDecoder().decode(renderOpenDataCsv(published).bytes);
    const names = staffNames(committee);
    expect(names.length).toBeGreaterThan(3);
    for (const name of names) expect(text).not.toContain(name);
    expect(() => renderOpenDataCsv(committee)).toThrow(/public edition only/);
  });

  it('keeps text that looks like a formula from running when the file is opened in a spreadsheet', () => {
    const [first, ...rest] = published.indicators;
    const hostile = { ...published, indicators: [{ ...first!, title: '=HYPERLINK("http://evil.example","click")' }, ...rest] };
    const row = rowsOf(hostile).find((r) => r.indicator_code === first!.code)!;
    expect(row.indicator_title!.startsWith('=')).toBe(false);
    expect(row.indicator_title).toContain('HYPERLINK');
  });
});
