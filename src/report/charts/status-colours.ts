import type { ReportStatusCounts } from '../../app/report/quarter-report-model';

export type CountedStatus = Exclude<keyof ReportStatusCounts, 'total'>;

/**
 * The order statuses are stacked and listed in, with their colours and words. Colours follow the
 * GOV.UK palette (strong enough against white); the text colour on each keeps contrast at 4.5:1,
 * and every segment is labelled in words too, so colour is never the only cue.
 */
export const STATUS_STYLES: readonly { readonly status: CountedStatus; readonly label: string; readonly fill: string; readonly text: string }[] = [
  { status: 'RED', label: 'Red', fill: '#d4351c', text: '#ffffff' },
  { status: 'AMBER', label: 'Amber', fill: '#ffdd00', text: '#0b0c0c' },
  { status: 'GREEN', label: 'Green', fill: '#00703c', text: '#ffffff' },
  { status: 'DATA_ONLY', label: 'Data only', fill: '#505a5f', text: '#ffffff' },
  { status: 'MISSING', label: 'Missing', fill: '#b1b4b6', text: '#0b0c0c' },
  { status: 'DUE', label: 'Due', fill: '#1d70b8', text: '#ffffff' },
  { status: 'AWAITING_VERIFICATION', label: 'Awaiting verification', fill: '#4c2c92', text: '#ffffff' },
];

/** "3 red, 2 amber, 10 green" — only the statuses with any, in the stacking order. */
export function countsInWords(counts: ReportStatusCounts): string {
  const parts = STATUS_STYLES.filter((s) => counts[s.status] > 0).map((s) => `${counts[s.status]} ${s.label.toLowerCase()}`);
  return parts.length === 0 ? 'no indicators' : parts.join(', ');
}
