import type { Table } from 'docx';
import type { ReportIndicator } from '../../app/report/quarter-report-model';
import { table, TEXT_WIDTH } from './blocks';

/** The column headers, exported so the tests read the table by name rather than by position. */
export const INDICATOR_COLUMNS = ['Code', 'Indicator', 'Quarter', 'Year to date', 'Target', 'Status', 'Since last quarter'] as const;

/**
 * A priority's indicators, one row each: figures as the model formatted them and the status and
 * travel in words (never by colour alone). A lagged figure's period is added to its title; an
 * estimate, or a figure its verifier has not yet verified, says so beside its status (#16).
 */
export function indicatorTable(indicators: readonly ReportIndicator[]): Table {
  const widths = [900, 0, 1150, 1150, 1150, 1000, 1350];
  widths[1] = TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return table(
    INDICATOR_COLUMNS.map((header, i) => ({ header, width: widths[i]!, alignRight: i >= 2 && i <= 4 })),
    indicators.map((x) => [
      x.code,
      x.periodLabel.includes('late') ? `${x.title} (${x.periodLabel})` : x.title,
      x.quarterFigure.text,
      x.yearToDate.complete ? x.yearToDate.text : `${x.yearToDate.text} (incomplete)`,
      x.target.value === null ? 'No target' : x.target.text,
      x.qualityText ? `${x.statusLabel} (${x.qualityText})` : x.statusLabel,
      x.travelText,
    ]),
  );
}
