/**
 * The committee pack's data appendix (#15): the quarter's figures as an Excel workbook, for the
 * performance team and members who want to sort, filter and chart the figures themselves.
 *
 * - "Figures": one row per indicator and period (the twelve periods of its own frequency up to the
 *   one the report shows, as the sparklines draw them), with the quarter figure, the year to date and
 *   the direction of travel on the reported period's row. Values are numbers (never text), formatted
 *   in the indicator's unit and precision, so a reader's own sums and charts work; the status is in
 *   words and colour, never colour alone. Frozen header and an autofilter.
 * - "Narratives and actions": each red or amber indicator's narrative, plan and actions, one row
 *   per action.
 * - "About": what the workbook is, when it was made and how complete the figures are.
 *
 * A pure function of the report model, like every renderer: it formats nothing itself that the
 * model has already worded, and every text cell goes through the house spreadsheet writer
 * (safeCell), so a title or narrative that begins like a formula stays text. The owner and action
 * lead columns are left out for the public model, which holds no staff names.
 */
import ExcelJS from 'exceljs';
import type { QuarterReport, ReportException, ReportIndicator, SparkPoint } from '../../app/report/quarter-report-model';
import type { Status, Unit } from '../../domain/types';
import { statusLabel } from '../../app/scorecard/labels';
import { safeCell, type SheetCell } from '../../spreadsheet/write-spreadsheet';
import { STATUS_STYLES } from '../charts/status-colours';
import { quarterSlug, type ReportFile } from '../report-file';

export const DATA_APPENDIX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function dataAppendixFileName(quarter: string): string {
  return `performance-report-${quarterSlug(quarter)}-data.xlsx`;
}

/** A column: its header, width, and how a row's cell is read from the indicator and period. */
interface Column<Row> {
  readonly header: string;
  readonly width: number;
  readonly cell: (row: Row) => SheetCell | null;
  /** A number column in the indicator's unit (its cells get the unit's number format). */
  readonly inUnit?: boolean;
  /** A status column (its cells get the status's fill). */
  readonly status?: (row: Row) => Status | null;
  readonly staff?: boolean;
}

interface FigureRow {
  readonly indicator: ReportIndicator;
  readonly point: SparkPoint;
  readonly reported: boolean;
}

const number = (value: number | null): number | null => value;

export const FIGURE_COLUMNS: readonly Column<FigureRow>[] = [
  { header: 'Code', width: 10, cell: (r) => r.indicator.code },
  { header: 'Indicator', width: 48, cell: (r) => r.indicator.title },
  { header: 'Lens', width: 16, cell: (r) => r.indicator.lensLabel },
  { header: 'Corporate priority', width: 28, cell: (r) => r.indicator.priority },
  { header: 'Directorate', width: 22, cell: (r) => r.indicator.directorate },
  { header: 'Owner', width: 22, cell: (r) => r.indicator.ownerName, staff: true },
  { header: 'Kind', width: 10, cell: (r) => kindText(r.indicator.kind) },
  { header: 'Polarity', width: 22, cell: (r) => r.indicator.polarityText },
  { header: 'Period', width: 12, cell: (r) => r.point.period },
  { header: 'Period label', width: 14, cell: (r) => r.point.label },
  { header: 'Reported period', width: 10, cell: (r) => (r.reported ? 'Yes' : 'No') },
  { header: 'Value', width: 14, cell: (r) => number(r.point.value), inUnit: true },
  { header: 'Target', width: 14, cell: (r) => number(r.point.target), inUnit: true },
  { header: 'Status', width: 12, cell: (r) => statusLabel(r.point.status), status: (r) => r.point.status },
  // #16: an estimate, or a figure its verifier has not yet verified, for the period reported.
  { header: 'Data quality', width: 24, cell: (r) => (r.reported ? (r.indicator.qualityText ?? '') : null) },
  { header: 'Quarter figure', width: 14, cell: (r) => (r.reported ? number(r.indicator.quarterFigure.value) : null), inUnit: true },
  { header: 'Year to date', width: 14, cell: (r) => (r.reported ? number(r.indicator.yearToDate.value) : null), inUnit: true },
  { header: 'Year to date target', width: 14, cell: (r) => (r.reported ? number(r.indicator.yearToDate.target.value) : null), inUnit: true },
  {
    header: 'Year to date status', width: 14,
    cell: (r) => (r.reported ? statusLabel(r.indicator.yearToDate.status) : null),
    status: (r) => (r.reported ? r.indicator.yearToDate.status : null),
  },
  { header: 'Since last quarter', width: 36, cell: (r) => (r.reported ? r.indicator.travelText : null) },
  { header: 'Since last year', width: 36, cell: (r) => (r.reported ? r.indicator.sinceLastYearText : null) },
  // #17: variation beside RAG, and the year-end forecast, for the period reported.
  { header: 'Variation', width: 48, cell: (r) => (r.reported ? (r.indicator.signals?.variationText ?? '') : null) },
  { header: 'Assurance', width: 20, cell: (r) => (r.reported ? (r.indicator.signals?.assuranceLabel ?? '') : null) },
  { header: 'Year-end forecast', width: 48, cell: (r) => (r.reported ? (r.indicator.signals?.forecastText ?? '') : null) },
];

interface ActionRow {
  readonly exception: ReportException;
  readonly action: ReportException['actions'][number] | null;
}

export const ACTION_COLUMNS: readonly Column<ActionRow>[] = [
  { header: 'Code', width: 10, cell: (r) => r.exception.code },
  { header: 'Indicator', width: 40, cell: (r) => r.exception.title },
  { header: 'Status', width: 10, cell: (r) => statusLabel(r.exception.status), status: (r) => r.exception.status },
  { header: 'Running', width: 20, cell: (r) => r.exception.runningText },
  { header: 'Narrative', width: 60, cell: (r) => r.exception.narrative },
  { header: 'Likely to recover', width: 12, cell: (r) => r.exception.likelyToRecoverText },
  { header: 'Board commentary', width: 60, cell: (r) => r.exception.commentary },
  { header: 'Action plan', width: 20, cell: (r) => r.exception.planStateText },
  { header: 'Recovery', width: 28, cell: (r) => r.exception.recoveryText },
  { header: 'Action', width: 60, cell: (r) => r.action?.description ?? 'No actions recorded' },
  { header: 'Action lead', width: 22, cell: (r) => r.action?.leadName ?? null, staff: true },
  { header: 'Due', width: 14, cell: (r) => r.action?.dueText ?? null },
  { header: 'Done', width: 8, cell: (r) => (r.action === null ? null : r.action.done ? 'Yes' : 'No') },
];

export async function renderDataAppendix(report: QuarterReport): Promise<ReportFile> {
  const workbook = new ExcelJS.Workbook();
  // From the model, never the clock, so the same model makes the same workbook's properties.
  const made = new Date(report.generatedAt);
  workbook.creator = report.organisation;
  workbook.lastModifiedBy = report.organisation;
  workbook.title = `Performance report ${report.quarterLabel}: data appendix`;
  workbook.subject = `${report.organisation} performance figures for ${report.quarterLabel}`;
  workbook.company = report.organisation;
  workbook.created = made;
  workbook.modified = made;

  const withStaff = report.edition === 'committee';
  writeAbout(workbook.addWorksheet('About'), report);
  writeTable(workbook.addWorksheet('Figures'), FIGURE_COLUMNS, figureRows(report), {
    withStaff, indicatorOf: (r) => r.indicator, emptyText: 'No indicators are in the register.', wrapRows: false,
  });
  writeTable(workbook.addWorksheet('Narratives and actions'), ACTION_COLUMNS, actionRows(report), {
    withStaff, indicatorOf: () => null, emptyText: 'No indicator is red or amber this quarter.', wrapRows: true,
  });

  const buffer = await workbook.xlsx.writeBuffer();
  return {
    name: dataAppendixFileName(report.quarter),
    mediaType: DATA_APPENDIX_MEDIA_TYPE,
    description: 'Data appendix (Excel)',
    bytes: new Uint8Array(buffer as ArrayBuffer),
  };
}

/** The sparkline's periods, or the reported period alone when it has none (a new indicator). */
export function figureRows(report: QuarterReport): FigureRow[] {
  return report.indicators.flatMap((indicator) => {
    const points = indicator.sparkline.some((p) => p.period === indicator.period)
      ? indicator.sparkline
      : [...indicator.sparkline, {
          period: indicator.period, label: indicator.periodLabel, value: indicator.figure.value, target: indicator.target.value, status: indicator.status,
        }];
    return points.map((point) => ({ indicator, point, reported: point.period === indicator.period }));
  });
}

function actionRows(report: QuarterReport): ActionRow[] {
  return report.exceptions.flatMap((exception): ActionRow[] =>
    exception.actions.length === 0 ? [{ exception, action: null }] : exception.actions.map((action) => ({ exception, action })));
}

function writeTable<Row>(
  sheet: ExcelJS.Worksheet,
  allColumns: readonly Column<Row>[],
  rows: readonly Row[],
  options: {
    readonly withStaff: boolean;
    readonly indicatorOf: (row: Row) => ReportIndicator | null;
    readonly emptyText: string;
    /** Wrap each row's text (the narratives); the figures' rows stay one line each, titles cut at the column's edge. */
    readonly wrapRows: boolean;
  },
): void {
  const { withStaff, indicatorOf } = options;
  const columns = allColumns.filter((column) => withStaff || !column.staff);
  sheet.columns = columns.map((column) => ({ header: String(safeCell(column.header)), width: column.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];

  for (const row of rows) {
    const added = sheet.addRow(columns.map((column) => {
      const value = column.cell(row);
      return value === null ? null : safeCell(value);
    }));
    // Styles only where they say something (a unit, a status, wrapped text): exceljs writes a style
    // per styled cell, and at a large council's 12,000 rows a style on every cell doubles the time.
    if (options.wrapRows) added.alignment = { vertical: 'top', wrapText: true };
    const indicator = indicatorOf(row);
    columns.forEach((column, index) => {
      const cell = added.getCell(index + 1);
      if (column.inUnit && indicator && cell.value !== null) cell.numFmt = numberFormat(indicator.unit, indicator.decimals);
      const status = column.status?.(row);
      if (status) {
        const style = STATUS_STYLES.find((s) => s.status === status);
        if (style) {
          cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
          cell.font = { color: { argb: argb(style.text) }, bold: true };
        }
      }
    });
  }
  if (rows.length > 0) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: columns.length } };
  } else {
    sheet.addRow([safeCell(options.emptyText)]);
  }
}

function writeAbout(sheet: ExcelJS.Worksheet, report: QuarterReport): void {
  sheet.columns = [{ width: 28 }, { width: 90 }];
  const title = sheet.addRow([safeCell(`${report.organisation}: performance report ${report.quarterLabel}`)]);
  title.font = { bold: true, size: 14 };
  const lines: [string, string][] = [
    ['What this is', 'The figures behind the quarterly performance report, for sorting, filtering and charting.'],
    ['Quarter', report.quarterLabel],
    ['Edition', report.edition === 'committee' ? 'Committee' : 'Public'],
    ['Figures shown as at', report.asAtMonth],
    ['Made', report.generatedText],
    ['Completeness', report.completeness.text],
    ['Sheet "Figures"', 'One row per indicator and period: the twelve periods of the indicator\'s own frequency up to the one the report shows ("Reported period" Yes). The quarter figure, the year to date and the direction of travel are on the reported period\'s row.'],
    ['Sheet "Narratives and actions"', 'Each red or amber indicator\'s narrative, action plan and actions, one row per action.'],
  ];
  for (const [label, text] of lines) {
    const row = sheet.addRow([safeCell(label), safeCell(text)]);
    row.getCell(1).font = { bold: true };
    row.alignment = { vertical: 'top', wrapText: true };
  }
}

/** "#D4351C" → "FFD4351C" (exceljs wants alpha first). */
function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

/**
 * Excel's number format for a unit, matching formatValue (src/domain/numbers.ts): "95.0%" for a
 * percentage held as 95 (not 0.95, so no "%" format, which would multiply by 100), "£1,234", "12.5 days".
 */
export function numberFormat(unit: Unit, decimals: number): string {
  const base = decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
  switch (unit) {
    case 'PERCENT':
      return `${base}"%"`;
    case 'CURRENCY':
      return `"£"${base};-"£"${base}`;
    case 'DAYS':
      return `${base}" days"`;
    case 'MINUTES':
      return `${base}" minutes"`;
    case 'NUMBER':
    case 'RATE':
    case 'RATIO':
      return base;
  }
}

function kindText(kind: ReportIndicator['kind']): string {
  return kind === 'DATA_ONLY' ? 'Data only' : kind;
}
