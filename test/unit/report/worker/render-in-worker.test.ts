import ExcelJS from 'exceljs';
import { sampleQuarterReport } from '../../../../src/app/report/report-samples';
import type { QuarterReport } from '../../../../src/app/report/quarter-report-model';
import { renderCommitteeReport } from '../../../../src/report/docx/committee-report';
import { renderDataAppendix } from '../../../../src/report/xlsx/data-appendix';
import { renderInWorker } from '../../../../src/report/worker/render-in-worker';
import { readDocx } from '../docx/read-docx';

const report = sampleQuarterReport(12);

/** The Figures sheet's cell values, row by row. */
async function figuresOf(bytes: Uint8Array): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.getWorksheet('Figures')?.eachRow((row) => rows.push(row.values as unknown[]));
  return rows;
}

describe('rendering a committee file on a worker thread', () => {
  it('answers with the Word report the renderer makes on this thread: same name, type, description and text', async () => {
    const [onWorker, here] = await Promise.all([renderInWorker('committeeReport', report), renderCommitteeReport(report)]);
    expect(onWorker.name).toMatch(/-committee\.docx$/);
    expect({ ...onWorker, bytes: null }).toEqual({ ...here, bytes: null });
    expect(onWorker.bytes).toBeInstanceOf(Uint8Array);
    const [a, b] = await Promise.all([readDocx(onWorker.bytes), readDocx(here.bytes)]);
    expect(a.document.documentElement.textContent).toBe(b.document.documentElement.textContent);
    expect(a.document.documentElement.textContent).toContain(report.quarterLabel);
  });

  it('answers with the Excel appendix, every figure as the renderer writes it', async () => {
    const [onWorker, here] = await Promise.all([renderInWorker('dataAppendix', Promise.resolve(report)), renderDataAppendix(report)]);
    expect({ ...onWorker, bytes: null }).toEqual({ ...here, bytes: null });
    const [a, b] = await Promise.all([figuresOf(onWorker.bytes), figuresOf(here.bytes)]);
    expect(a.length).toBeGreaterThan(report.indicators.length);
    expect(a).toEqual(b);
  });

  it('rejects with the model\'s own error when the model fails to load', async () => {
    await expect(renderInWorker('committeeReport', Promise.reject(new Error('The quarter 2026/27 Q5 does not exist.'))))
      .rejects.toThrow('The quarter 2026/27 Q5 does not exist.');
  });

  it('rejects with the renderer\'s message when the renderer fails on the thread', async () => {
    const broken = { ...report, indicators: null } as unknown as QuarterReport;
    await expect(renderInWorker('dataAppendix', broken)).rejects.toThrow(/indicators|null|undefined/);
  });
});
