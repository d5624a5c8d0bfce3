/**
 * The public edition's open data (#15): the quarter's figures as a CSV a resident, a journalist or
 * the LGA's tools can load, one row per indicator and period (the twelve periods up to the one the
 * report shows), with values as plain numbers and codes beside their labels. Written through the
 * house CSV writer (UTF-8 with a byte-order mark, CRLF, RFC 4180 quoting, formula-like text
 * neutralised), so Excel opens it without mangling and nothing in it can run.
 *
 * Public by construction: it has no column that could hold a person's name or free text staff
 * wrote, and it refuses the committee model, which holds indicators the council does not publish.
 */
import type { QuarterReport, ReportIndicator, SparkPoint } from '../../app/report/quarter-report-model';
import { toCsv, type SheetRecord } from '../../spreadsheet/write-spreadsheet';
import { statusLabel } from '../../app/scorecard/labels';
import { quarterSlug, type ReportFile } from '../report-file';

export const OPEN_DATA_COLUMNS = [
  'report_quarter', 'indicator_code', 'indicator_title', 'lens', 'corporate_priority', 'directorate', 'kind', 'unit', 'decimals',
  'polarity', 'aggregation', 'period', 'period_label', 'value', 'target', 'status', 'status_label',
  'is_reported_period', 'quarter_figure', 'year_to_date', 'year_to_date_target', 'year_to_date_status',
  'travel_since_last_quarter', 'travel_since_last_year',
] as const;

export function openDataFileName(quarter: string): string {
  return `performance-report-${quarterSlug(quarter)}-open-data.csv`;
}

export function renderOpenDataCsv(report: QuarterReport): ReportFile {
  if (report.edition !== 'public') {
    throw new Error('The open-data CSV is made from the public edition only (publicEdition(model)): the committee model holds indicators the council does not publish.');
  }
  const rows = report.indicators.flatMap((indicator) => periodsOf(indicator).map((point) => row(report, indicator, point)));
  return {
    name: openDataFileName(report.quarter),
    mediaType: 'text/csv; charset=utf-8',
    description: 'Open data (CSV)',
    bytes: new TextEncoder().encode(toCsv(OPEN_DATA_COLUMNS, rows)),
  };
}

/** The sparkline's periods, or the reported period alone when it has none (a new indicator). */
function periodsOf(indicator: ReportIndicator): readonly SparkPoint[] {
  if (indicator.sparkline.some((p) => p.period === indicator.period)) return indicator.sparkline;
  return [...indicator.sparkline, {
    period: indicator.period, label: indicator.periodLabel, value: indicator.figure.value, target: indicator.target.value, status: indicator.status,
  }];
}

function row(report: QuarterReport, indicator: ReportIndicator, point: SparkPoint): SheetRecord {
  const reported = point.period === indicator.period;
  const number = (value: number | null | undefined) => (value === null || value === undefined ? '' : value);
  return {
    report_quarter: report.quarter,
    indicator_code: indicator.code,
    indicator_title: indicator.title,
    lens: indicator.lensLabel,
    corporate_priority: indicator.priority,
    directorate: indicator.directorate,
    kind: indicator.kind,
    unit: indicator.unit,
    decimals: indicator.decimals,
    polarity: indicator.polarityText,
    aggregation: indicator.aggregation,
    period: point.period,
    period_label: point.label,
    value: number(point.value),
    target: number(point.target),
    status: point.status,
    status_label: statusLabel(point.status),
    is_reported_period: reported ? 'yes' : 'no',
    quarter_figure: reported ? number(indicator.quarterFigure.value) : '',
    year_to_date: reported ? number(indicator.yearToDate.value) : '',
    year_to_date_target: reported ? number(indicator.yearToDate.target.value) : '',
    year_to_date_status: reported ? indicator.yearToDate.status : '',
    travel_since_last_quarter: reported ? indicator.travelSinceLastQuarter : '',
    travel_since_last_year: reported ? indicator.travelSinceLastYear : '',
  };
}
