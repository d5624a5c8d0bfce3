import type { Table } from 'docx';
import type { ReportGroupCounts } from '../../app/report/quarter-report-model';
import { table, TEXT_WIDTH } from './blocks';

/**
 * Groups' status counts as a table: one row per group with each status in words in the header, the
 * total and the change since last quarter, so every number in the charts is also in text.
 */
export function countsTable(firstHeader: string, groups: readonly ReportGroupCounts[]): Table {
  // "Awaiting verification" only where the council holds unverified figures back and some are (#16).
  const counted = COUNTED.filter(([status]) => status !== 'AWAITING_VERIFICATION' || groups.some((g) => g.quarter[status] > 0));
  const narrow = counted.length > 7 ? 760 : 840;
  const change = counted.length > 7 ? 2000 : 2300;
  const first = TEXT_WIDTH - counted.length * narrow - change;
  return table(
    [
      { header: firstHeader, width: first },
      ...counted.map(([, header]) => ({ header, width: narrow, alignRight: true })),
      { header: 'Change since last quarter', width: change },
    ],
    groups.map((g) => [g.label, ...counted.map(([s]) => String(g.quarter[s])), g.changeText]),
  );
}

const COUNTED = [
  ['RED', 'Red'], ['AMBER', 'Amber'], ['GREEN', 'Green'], ['AWAITING_VERIFICATION', 'Awaiting verification'],
  ['DATA_ONLY', 'Data only'], ['MISSING', 'Missing'], ['DUE', 'Due'], ['total', 'Total'],
] as const;
