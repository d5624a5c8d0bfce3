/**
 * Turns a period's data-quality measures into the card's view model (#16): every count in words,
 * the owners with anything to act on listed worst first, the rest counted.
 */
import type { DataQualityCardView, QualityRowView } from '../../cards/data-quality/data-quality-view-models';
import type { QualityCounts } from '../../domain/data-quality';
import { periodKey, periodLabel } from '../../domain/periods';
import { formatUkDate, formatUkLongDateTime } from '../../domain/dates';
import type { DataQualityReport } from './data-quality-report';

export function buildDataQualityView(report: DataQualityReport, tabUrl: string | null): DataQualityCardView {
  const { quality, window } = report;
  const owners = [...quality.byOwner].map(([name, counts]) => ({ counts, row: rowView(name, counts) }));
  const toFollowUp = owners
    .filter(({ counts }) => needsFollowUp(counts))
    .sort((a, b) => (a.counts.completenessPercent ?? 100) - (b.counts.completenessPercent ?? 100) || a.row.name.localeCompare(b.row.name, 'en-GB'));
  return {
    period: periodKey(report.period),
    periodLabel: periodLabel(report.period).split(' (')[0]!,
    windowText: window?.deadline
      ? `Deadline ${formatUkLongDateTime(window.deadline)}${window.closedAt ? `; closed ${formatUkDate(window.closedAt)}` : '; still open'}`
      : 'No reporting window: history loaded from a file',
    overall: rowView('All indicators', quality.overall),
    byDirectorate: [...quality.byDirectorate].map(([name, counts]) => rowView(name, counts)),
    ownersToFollowUp: toFollowUp.map((o) => o.row),
    ownersAllClean: owners.length - toFollowUp.length,
    tabUrl,
  };
}

function needsFollowUp(c: QualityCounts): boolean {
  return c.late > 0 || c.missing > 0 || c.correctionsAfterClose > 0 || c.queriesRaised > 0 || c.estimatesOutstanding > 0;
}

export function rowView(name: string, c: QualityCounts): QualityRowView {
  const days = (n: number) => `${n.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} ${n === 1 ? 'day' : 'days'}`;
  return {
    name,
    completenessText: c.expected === 0 ? 'none expected' : `${c.onTime} of ${c.expected} (${c.completenessPercent!.toFixed(1)}%)`,
    completenessPercent: c.completenessPercent,
    timelinessText: c.late === 0 ? 'none late' : `${c.late} late: ${days(c.averageDaysLate!)} on average, ${c.mostDaysLate} at most`,
    missingText: c.missing === 0 ? 'none missing' : `${c.missing} missing`,
    correctionsAfterClose: c.correctionsAfterClose,
    queriesRaised: c.queriesRaised,
    estimatesOutstanding: c.estimatesOutstanding,
  };
}
