import type { Paragraph, Table } from 'docx';
import type { QuarterReport } from '../../app/report/quarter-report-model';
import { countsInWords } from '../charts/status-colours';
import { heading, paragraph } from './blocks';
import { indicatorTable } from './indicator-table';

/**
 * One section per corporate priority (in the model's order): its counts in a sentence and the table
 * of its indicators. Data-only and missing ones stay in the table too, so a priority's list is whole.
 */
export function prioritySections(report: QuarterReport): (Paragraph | Table)[] {
  const blocks: (Paragraph | Table)[] = [heading('Performance by corporate priority', 1, { newPage: true })];
  for (const group of report.byPriority) {
    const members = report.indicators.filter((x) => x.priority === group.key);
    blocks.push(
      heading(group.label, 2),
      paragraph(`${group.quarter.total} ${group.quarter.total === 1 ? 'indicator' : 'indicators'}: ${countsInWords(group.quarter)}. ${group.changeText}.`),
    );
    if (members.length > 0) blocks.push(indicatorTable(members));
  }
  return blocks;
}
