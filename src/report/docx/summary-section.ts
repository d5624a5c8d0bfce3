import type { Paragraph, Table } from 'docx';
import type { QuarterReport } from '../../app/report/quarter-report-model';
import { quarterSplitChart } from '../charts/quarter-split-chart';
import { statusByGroupChart } from '../charts/status-by-group-chart';
import { countsInWords } from '../charts/status-colours';
import { heading, paragraph, TEXT_WIDTH } from './blocks';
import { chartParagraph } from './chart-image';
import { countsTable } from './counts-table';

/** The summary: completeness, the overall counts with their change, and the charts by lens and priority. */
export function summarySection(report: QuarterReport): (Paragraph | Table)[] {
  const o = report.overall.quarter;
  return [
    heading('Summary', 1),
    paragraph(`This report covers ${o.total} indicators as at the end of ${report.quarterLabel}: ${countsInWords(o)}. ${report.exceptions.length} ${report.exceptions.length === 1 ? 'indicator is' : 'indicators are'} red or amber and reported as exceptions below.`),
    heading('Completeness', 2),
    paragraph(`Figures in: ${report.completeness.text}.`),
    heading('Overall', 2),
    // The year to date row rates the year-to-date figures against the year-to-date targets, so it can differ from the quarter's.
    countsTable('Indicators', [
      { ...report.overall, label: 'This quarter' },
      { ...report.overall, label: 'Year to date', quarter: report.overall.yearToDate, changeText: 'Not compared' },
    ]),
    chartParagraph(quarterSplitChart(report.overall, report.quarterLabel), { maxWidthTwips: TEXT_WIDTH }),
    heading('By lens', 2),
    chartParagraph(statusByGroupChart(report.byLens, `Status of indicators by lens, ${report.quarterLabel}`), { maxWidthTwips: TEXT_WIDTH }),
    countsTable('Lens', report.byLens),
    heading('By corporate priority', 2),
    chartParagraph(statusByGroupChart(report.byPriority, `Status of indicators by corporate priority, ${report.quarterLabel}`), { maxWidthTwips: TEXT_WIDTH }),
    countsTable('Corporate priority', report.byPriority),
  ];
}
