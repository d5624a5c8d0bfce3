import type { Paragraph, Table } from 'docx';
import type { QuarterReport, ReportException, ReportIndicator } from '../../app/report/quarter-report-model';
import { sparklineChart } from '../charts/sparkline-chart';
import { heading, labelled, paragraph, table, TEXT_WIDTH } from './blocks';
import { chartParagraph } from './chart-image';

const STATUS_WORD = { RED: 'Red', AMBER: 'Amber' } as const;

function actionsTable(exception: ReportException): Table | Paragraph {
  if (exception.actions.length === 0) return paragraph('No actions recorded.');
  const due = 1500;
  const done = 900;
  const lead = 2200;
  return table(
    [
      { header: 'Action', width: TEXT_WIDTH - due - done - lead },
      { header: 'Lead', width: lead },
      { header: 'Due', width: due },
      { header: 'Done', width: done },
    ],
    exception.actions.map((a) => [a.description, a.leadName ?? 'No lead named', a.dueText, a.done ? 'Yes' : 'No']),
  );
}

function exceptionBlocks(exception: ReportException, indicator: ReportIndicator | undefined): (Paragraph | Table)[] {
  const blocks: (Paragraph | Table)[] = [
    heading(`${exception.code} ${exception.title}`, 2),
    labelled('Status', `${STATUS_WORD[exception.status]} (${lowerFirst(exception.runningText)})`),
  ];
  if (indicator) {
    blocks.push(labelled('Figure', `${indicator.figure.text} for ${indicator.periodLabel} ${indicator.target.value === null ? 'with no target' : `against a target of ${indicator.target.text}`}; ${lowerFirst(indicator.travelText)} since last quarter`));
    // #17: whether the red or amber is a signal or within normal variation.
    if (indicator.signals && indicator.signals.variation !== 'NOT_ANALYSED') blocks.push(labelled('Variation', indicator.signals.variationText));
    // 1.5 times (144 dpi) is sharp enough for a line without text, and the PNG's cost goes with its
    // pixels: at 2 times, a large council's few hundred sparklines took a second of the report's time.
    if (indicator.sparkline.some((p) => p.value !== null)) {
      blocks.push(chartParagraph(sparklineChart(indicator), { maxWidthTwips: TEXT_WIDTH, withText: false, scale: 1.5 }));
    }
  }
  blocks.push(
    labelled('Owner’s narrative', exception.narrative ?? 'No narrative given for this period.'),
    labelled('Likely to recover', exception.likelyToRecoverText ?? 'Not said'),
    labelled('Board’s commentary', exception.commentary ?? 'None'),
    labelled('Recovery plan', exception.recoveryText ? `${exception.planStateText}. ${exception.recoveryText}.` : `${exception.planStateText}.`),
    heading('Actions', 3),
    actionsTable(exception),
  );
  return blocks;
}

/** The exceptions: every red and amber indicator with why, what is being done and what the Board said. */
export function exceptionsSection(report: QuarterReport): (Paragraph | Table)[] {
  const byId = new Map(report.indicators.map((x) => [x.id, x]));
  const blocks: (Paragraph | Table)[] = [heading('Exceptions', 1, { newPage: true })];
  if (report.exceptions.length === 0) {
    blocks.push(paragraph('No indicator is red or amber this quarter.'));
    return blocks;
  }
  blocks.push(paragraph(`${report.exceptions.length} indicators are red or amber. Each shows its last twelve periods (the dashed line is the target), the owner’s narrative, the Board’s commentary and the recovery plan.`));
  for (const exception of report.exceptions) blocks.push(...exceptionBlocks(exception, byId.get(exception.indicatorId)));
  return blocks;
}

/** "Improved: 0.5 points better than Q4 2025/26" inside a sentence: only its first letter lowered, so "Q4" stays. */
function lowerFirst(text: string): string {
  return `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}
