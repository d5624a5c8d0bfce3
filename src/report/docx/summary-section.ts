import type { Paragraph, Table } from 'docx';
import type { QuarterReport, ReportGroupCounts } from '../../app/report/quarter-report-model';
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
    groupChart(report.byLens, `Status of indicators by lens, ${report.quarterLabel}`),
    countsTable('Lens', report.byLens),
    heading('By corporate priority', 2),
    groupChart(report.byPriority, `Status of indicators by corporate priority, ${report.quarterLabel}`),
    countsTable('Corporate priority', report.byPriority),
  ];
}

/** A register with no indicators (a council's first quarter on the product) has no groups: say so, draw nothing. */
function groupChart(groups: readonly ReportGroupCounts[], title: string): Paragraph {
  if (groups.length === 0) return paragraph('No indicators were in the register at the end of the quarter.');
  return chartParagraph(statusByGroupChart(groups, title), { maxWidthTwips: TEXT_WIDTH });
}
