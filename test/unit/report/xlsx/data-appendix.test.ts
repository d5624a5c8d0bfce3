import ExcelJS from 'exceljs';
import { sampleQuarterReport } from '../../../../src/app/report/report-samples';
import { publicEdition } from '../../../../src/app/report/public-edition';
import type { QuarterReport } from '../../../../src/app/report/quarter-report-model';
import { dataAppendixFileName, numberFormat, renderDataAppendix } from '../../../../src/report/xlsx/data-appendix';

const committee = sampleQuarterReport(24);

async function workbookOf(report: QuarterReport): Promise<ExcelJS.Workbook> {
  const file = await renderDataAppendix(report);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet as records keyed by its header row, cells as exceljs read them back. */
function recordsOf(sheet: ExcelJS.Worksheet): { records: Record<string, ExcelJS.Cell>[]; headers: string[] } {
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const records: Record<string, ExcelJS.Cell>[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    records.push(Object.fromEntries(headers.map((header, index) => [header, row.getCell(index + 1)])));
  });
  return { records, headers };
}

const valueOf = (cell: ExcelJS.Cell | undefined): unknown => (cell?.value === undefined ? null : cell.value);

describe('the committee pack\'s data appendix (Excel)', () => {
  it('is named for the quarter and typed as a workbook, with the organisation and quarter in its properties', async () => {
    const file = await renderDataAppendix(committee);
    expect(file.name).toBe(dataAppendixFileName(committee.quarter));
    expect(file.name).toMatch(/^performance-report-\d{4}-\d{2}-q\d-data\.xlsx$/);
    expect(file.mediaType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = await workbookOf(committee);
    expect(workbook.creator).toBe(committee.organisation);
    expect(workbook.title).toContain(committee.quarterLabel);
    expect(workbook.created.toISOString()).toBe(new Date(committee.generatedAt).toISOString());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['About', 'Figures', 'Narratives and actions']);
  });

  it('holds every figure of the model as a number, one row per indicator and period, the quarter\'s figures on the reported row', async () => {
    const sheet = (await workbookOf(committee)).getWorksheet('Figures')!;
    const { records, headers } = recordsOf(sheet);
    expect(headers).toContain('Owner');
    expect(records).toHaveLength(committee.indicators.reduce((n, x) => n + Math.max(1, x.sparkline.length), 0));
    let checked = 0;
    for (const indicator of committee.indicators) {
      const rows = records.filter((r) => r.Code!.value === indicator.code);
      expect(rows.map((r) => r.Period!.value)).toEqual(indicator.sparkline.map((p) => p.period));
      for (const [index, point] of indicator.sparkline.entries()) {
        const row = rows[index]!;
        expect([valueOf(row.Value), valueOf(row.Target)]).toEqual([point.value, point.target]);
        if (point.value !== null) expect(row.Value!.numFmt).toBe(numberFormat(indicator.unit, indicator.decimals));
        const reported = point.period === indicator.period;
        expect(row['Reported period']!.value).toBe(reported ? 'Yes' : 'No');
        if (reported) {
          expect(valueOf(row['Quarter figure'])).toBe(indicator.quarterFigure.value);
          expect(valueOf(row['Year to date'])).toBe(indicator.yearToDate.value);
          expect(valueOf(row['Year to date target'])).toBe(indicator.yearToDate.target.value);
          expect(row['Since last quarter']!.value).toBe(indicator.travelText);
          expect(row.Owner!.value ?? null).toBe(indicator.ownerName);
          expect(row['Data quality']!.value ?? '').toBe(indicator.qualityText ?? ''); // #16
          expect([row.Variation!.value ?? '', row.Assurance!.value ?? '', row['Year-end forecast']!.value ?? '']) // #17
            .toEqual([indicator.signals?.variationText ?? '', indicator.signals?.assuranceLabel ?? '', indicator.signals?.forecastText ?? '']);
          checked += 1;
        } else {
          expect(valueOf(row['Quarter figure'])).toBeNull();
        }
      }
    }
    expect(checked).toBe(committee.indicators.filter((x) => x.sparkline.some((p) => p.period === x.period)).length);
    expect(checked).toBeGreaterThan(10);
  });

  it('gives the status in words and colour, freezes the header and filters the table', async () => {
    const sheet = (await workbookOf(committee)).getWorksheet('Figures')!;
    const { records } = recordsOf(sheet);
    const red = records.find((r) => r.Status!.value === 'Red')!;
    const green = records.find((r) => r.Status!.value === 'Green')!;
    expect((red.Status!.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFD4351C');
    expect((green.Status!.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FF00703C');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getRow(1).font?.bold).toBe(true);
  });

  it('lists each red or amber indicator\'s narrative, plan and actions, one row per action', async () => {
    const sheet = (await workbookOf(committee)).getWorksheet('Narratives and actions')!;
    const { records } = recordsOf(sheet);
    expect(committee.exceptions.length).toBeGreaterThan(0);
    expect(records).toHaveLength(committee.exceptions.reduce((n, x) => n + Math.max(1, x.actions.length), 0));
    for (const exception of committee.exceptions) {
      const rows = records.filter((r) => r.Code!.value === exception.code);
      expect(rows[0]!['Action plan']!.value).toBe(exception.planStateText);
      expect(valueOf(rows[0]!.Narrative)).toBe(exception.narrative);
      for (const action of exception.actions) {
        const row = rows.find((r) => r.Action!.value === action.description)!;
        expect([row['Action lead']!.value ?? null, row.Due!.value, row.Done!.value]).toEqual([action.leadName, action.dueText, action.done ? 'Yes' : 'No']);
      }
    }
  });

  it('keeps text that begins like a formula as text', async () => {
    const first = committee.indicators[0]!;
    const hostile: QuarterReport = { ...committee, indicators: [{ ...first, title: '=HYPERLINK("http://evil.example","x")' }, ...committee.indicators.slice(1)] };
    const sheet = (await workbookOf(hostile)).getWorksheet('Figures')!;
    const cell = recordsOf(sheet).records[0]!.Indicator!;
    expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
    expect(cell.value).toBe('\'=HYPERLINK("http://evil.example","x")');
  });

  it('leaves out the owner and action lead columns for the public model, which names no staff', async () => {
    const workbook = await workbookOf(publicEdition(committee));
    expect(recordsOf(workbook.getWorksheet('Figures')!).headers).not.toContain('Owner');
    expect(recordsOf(workbook.getWorksheet('Narratives and actions')!).headers).not.toContain('Action lead');
  });

  it('matches the unit\'s wording in its number formats', () => {
    expect(numberFormat('PERCENT', 1)).toBe('#,##0.0"%"');
    expect(numberFormat('CURRENCY', 0)).toBe('"£"#,##0;-"£"#,##0');
    expect(numberFormat('DAYS', 2)).toBe('#,##0.00" days"');
    expect(numberFormat('NUMBER', 0)).toBe('#,##0');
  });
});
