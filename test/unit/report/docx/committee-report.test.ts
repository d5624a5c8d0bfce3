import type { QuarterReport } from '../../../../src/app/report/quarter-report-model';
import { sampleQuarterReport } from '../../../../src/app/report/report-samples';
import { renderCommitteeReport } from '../../../../src/report/docx/committee-report';
import { INDICATOR_COLUMNS } from '../../../../src/report/docx/indicator-table';
import { children, elements, htmlTables, readDocx, text, W, WP, type ReadDocx } from './read-docx';

const DC = 'http://purl.org/dc/elements/1.1/';

describe('renderCommitteeReport', () => {
  let report: QuarterReport;
  let docx: ReadDocx;
  let name: string;
  let mediaType: string;

  beforeAll(async () => {
    report = sampleQuarterReport(40);
    const file = await renderCommitteeReport(report);
    name = file.name;
    mediaType = file.mediaType;
    docx = await readDocx(file.bytes);
  });

  it('is a Word file named for the quarter', () => {
    expect(name).toBe('performance-report-2026-27-q2-committee.docx');
    expect(mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  it('declares en-GB in the run defaults, so every run and the accessibility checker see it', () => {
    const defaults = elements(docx.styles, W, 'rPrDefault')[0]!;
    const lang = elements(defaults, W, 'lang')[0]!;
    expect(lang.getAttributeNS(W, 'val')).toBe('en-GB');
  });

  it('sets the title, subject and creator (the organisation) in the document properties', () => {
    expect(text(elements(docx.core, DC, 'title')[0]!)).toBe(`Performance report ${report.quarterLabel}`);
    expect(text(elements(docx.core, DC, 'creator')[0]!)).toBe(report.organisation);
    expect(text(elements(docx.core, DC, 'subject')[0]!)).toContain('committee edition');
  });

  it('has a cover with the organisation, the title, the quarter and when it was generated', () => {
    const body = elements(docx.document, W, 'body')[0]!;
    const firstTexts = children(body, 'p').slice(0, 5).map(text);
    expect(firstTexts).toEqual(expect.arrayContaining([report.organisation, 'Performance report', report.quarterLabel, report.generatedText]));
  });

  it('gives the overall counts for the quarter and the year to date, with the change since last quarter', () => {
    const overall = htmlTables(docx.html).find((t) => t[0]![0] === 'Indicators')!;
    const columns = ['RED', 'AMBER', 'GREEN', 'DATA_ONLY', 'MISSING', 'DUE', 'total'] as const;
    expect(overall[1]).toEqual(['This quarter', ...columns.map((c) => String(report.overall.quarter[c])), report.overall.changeText]);
    expect(overall[2]).toEqual(['Year to date', ...columns.map((c) => String(report.overall.yearToDate[c])), 'Not compared']);
    expect(text(Array.from(docx.html.getElementsByTagName('p')).find((p) => text(p).startsWith('Figures in:'))!)).toBe(`Figures in: ${report.completeness.text}.`);
  });

  it('repeats the header row of every table on each page', () => {
    const tables = elements(docx.document, W, 'tbl');
    expect(tables.length).toBeGreaterThan(report.byPriority.length);
    for (const table of tables) {
      const firstRow = children(table, 'tr')[0]!;
      const trPr = children(firstRow, 'trPr')[0];
      expect(trPr && children(trPr, 'tblHeader').length).toBe(1);
    }
  });

  it('gives every image a non-empty description (alt text), one per chart', () => {
    const images = elements(docx.document, WP, 'docPr');
    const sparklines = report.exceptions.length; // every sample exception has figures to draw
    expect(images).toHaveLength(3 + sparklines);
    for (const image of images) expect((image.getAttribute('descr') ?? '').trim().length).toBeGreaterThan(20);
    expect(images[0]!.getAttribute('descr')).toContain(`${report.overall.quarter.total} indicators`);
  });

  it('uses real heading styles, in order, with no level skipped', () => {
    const levels: { level: number; text: string }[] = [];
    for (const p of elements(docx.document, W, 'p')) {
      const style = elements(p, W, 'pStyle')[0]?.getAttributeNS(W, 'val') ?? '';
      const match = /^Heading([1-6])$/.exec(style);
      if (match) levels.push({ level: Number(match[1]), text: text(p) });
    }
    expect(levels[0]).toEqual({ level: 1, text: 'Summary' });
    for (let i = 1; i < levels.length; i++) expect(levels[i]!.level).toBeLessThanOrEqual(levels[i - 1]!.level + 1);
    expect(levels.filter((h) => h.level === 1).map((h) => h.text)).toEqual(['Summary', 'Performance by corporate priority', 'Exceptions', 'Signals and forecasts', 'Appendices']);
    // mammoth reads them as headings too: each priority is an h2.
    const h2s = Array.from(docx.html.getElementsByTagName('h2')).map(text);
    for (const group of report.byPriority) expect(h2s).toContain(group.label);
  });

  it('shows each indicator’s quarter figure, year to date and status in words exactly as the model has them', () => {
    const rows = htmlTables(docx.html)
      .filter((t) => t[0]!.join('|') === INDICATOR_COLUMNS.join('|'))
      .flatMap((t) => t.slice(1));
    expect(rows).toHaveLength(report.indicators.length);
    expect(rows.some((r) => /\(estimate; not yet verified\)$/.test(r[5]!))).toBe(true); // #16
    const byCode = new Map(rows.map((r) => [r[0]!, r]));
    for (const x of report.indicators) {
      const row = byCode.get(x.code)!;
      expect(row).toBeDefined();
      expect(row[2]).toBe(x.quarterFigure.text);
      expect(row[3]).toBe(x.yearToDate.complete ? x.yearToDate.text : `${x.yearToDate.text} (incomplete)`);
      expect(row[5]).toBe(x.qualityText ? `${x.statusLabel} (${x.qualityText})` : x.statusLabel);
      expect(row[6]).toBe(x.travelText);
    }
  });

  it('reports every exception with its narrative, plan and actions', () => {
    const h2s = Array.from(docx.html.getElementsByTagName('h2'));
    for (const exception of report.exceptions) {
      const h2 = h2s.find((h) => text(h) === `${exception.code} ${exception.title}`);
      expect(h2).toBeDefined();
      // The paragraphs between this heading and the next h2 are the exception's.
      const block: string[] = [];
      for (let n: Node | null = h2!.nextSibling; n && (n as Element).localName !== 'h2'; n = n.nextSibling) if (n.nodeType === 1) block.push(text(n as Element));
      const all = block.join('\n');
      expect(all).toContain(`Owner’s narrative: ${exception.narrative ?? 'No narrative given for this period.'}`);
      expect(all).toContain(`Recovery plan: ${exception.planStateText}`);
      expect(all).toContain(`Status: ${exception.status === 'RED' ? 'Red' : 'Amber'}`);
      for (const action of exception.actions) expect(all).toContain(action.description);
    }
  });

  it('says beside each exception whether it is a signal or within normal variation (#17)', () => {
    const analysed = report.exceptions.map((e) => report.indicators.find((i) => i.code === e.code)!).filter((x) => x.signals && x.signals.variation !== 'NOT_ANALYSED');
    expect(analysed.length).toBeGreaterThan(1);
    for (const x of analysed) expect(text(docx.html.documentElement)).toContain(`Variation: ${x.signals!.variationText}`);
  });

  it('lists the special causes with their variation and assurance, and the year-end forecasts, in tables (#17)', () => {
    const tables = htmlTables(docx.html);
    const special = tables.find((t) => t[0]!.join('|') === 'Code|Indicator|Status|Variation|Assurance')!;
    const expected = report.indicators.filter((x) => x.signals?.variation.startsWith('SPECIAL_CAUSE'));
    expect(expected.length).toBeGreaterThan(1);
    expect(special.slice(1)).toEqual(expected.map((x) => [x.code, x.title, x.statusLabel, x.signals!.variationText, x.signals!.assuranceLabel ?? 'None']));
    const forecasts = tables.find((t) => t[0]!.join('|') === 'Code|Indicator|Year to date|Forecast')!;
    expect(forecasts.slice(1)).toEqual(report.indicators.filter((x) => x.signals?.forecastText).map((x) => [x.code, x.title, x.yearToDate.text, x.signals!.forecastText]));
  });

  it('lists the data-only and missing indicators in the appendices', () => {
    const tables = htmlTables(docx.html);
    const dataOnly = tables.find((t) => t[0]!.join('|') === 'Code|Indicator|Figure|Period')!;
    expect(dataOnly.slice(1).map((r) => r[0])).toEqual(report.dataOnly.map((x) => x.code));
    const missing = tables.find((t) => t[0]!.join('|') === 'Code|Indicator|Status|Period|Owner')!;
    expect(missing.slice(1).map((r) => r[0])).toEqual(report.missing.map((x) => x.code));
  });

  it('has no empty paragraphs used for spacing', () => {
    const body = elements(docx.document, W, 'body')[0]!;
    const empty = children(body, 'p').filter((p) => text(p) === '' && elements(p, WP, 'docPr').length === 0);
    expect(empty).toHaveLength(0);
  });

  it('renders a register with no indicators (a council\'s first quarter) saying so, where the charts by group would be', async () => {
    const none = { RED: 0, AMBER: 0, GREEN: 0, DATA_ONLY: 0, MISSING: 0, DUE: 0, AWAITING_VERIFICATION: 0, total: 0 };
    const empty: QuarterReport = {
      ...report, indicators: [], exceptions: [], dataOnly: [], missing: [], byLens: [], byPriority: [], byDirectorate: [],
      overall: { ...report.overall, quarter: none, yearToDate: none, lastQuarter: null },
    };
    const read = await readDocx((await renderCommitteeReport(empty)).bytes);
    expect(text(elements(read.document, W, 'body')[0]!)).toContain('No indicators were in the register at the end of the quarter.');
  });

  it('refuses the public edition with a clear error', async () => {
    await expect(renderCommitteeReport({ ...report, edition: 'public' })).rejects.toThrow(/committee edition/);
  });
});
