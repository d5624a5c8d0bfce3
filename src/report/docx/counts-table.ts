import type { Table } from 'docx';
import type { ReportGroupCounts } from '../../app/report/quarter-report-model';
import { table, TEXT_WIDTH } from './blocks';

/**
 * Groups' status counts as a table: one row per group with each status in words in the header, the
 * total and the change since last quarter, so every number in the charts is also in text.
 */
export function countsTable(firstHeader: string, groups: readonly ReportGroupCounts[]): Table {
  const narrow = 840;
  const change = 2300;
  const first = TEXT_WIDTH - 7 * narrow - change;
  return table(
    [
      { header: firstHeader, width: first },
      { header: 'Red', width: narrow, alignRight: true },
      { header: 'Amber', width: narrow, alignRight: true },
      { header: 'Green', width: narrow, alignRight: true },
      { header: 'Data only', width: narrow, alignRight: true },
      { header: 'Missing', width: narrow, alignRight: true },
      { header: 'Due', width: narrow, alignRight: true },
      { header: 'Total', width: narrow, alignRight: true },
      { header: 'Change since last quarter', width: change },
    ],
    groups.map((g) => [
      g.label,
      ...(['RED', 'AMBER', 'GREEN', 'DATA_ONLY', 'MISSING', 'DUE', 'total'] as const).map((s) => String(g.quarter[s])),
      g.changeText,
    ]),
  );
}
