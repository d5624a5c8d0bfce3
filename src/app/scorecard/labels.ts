/** Short words the tab shows beside colours and codes, so that colour is never the only signal. */
import type { ValueSource } from '../../db/repositories/value-repository';
import type { LikelyToRecover, Status } from '../../domain/types';

/** The order statuses are counted and offered in: worst first, then the unrated ones. */
export const STATUS_ORDER: readonly Status[] = ['RED', 'AMBER', 'GREEN', 'AWAITING_VERIFICATION', 'DATA_ONLY', 'MISSING', 'DUE'];

const STATUS_LABELS: Readonly<Record<Status, string>> = {
  RED: 'Red',
  AMBER: 'Amber',
  GREEN: 'Green',
  DATA_ONLY: 'Data only',
  MISSING: 'Missing',
  DUE: 'Due',
  AWAITING_VERIFICATION: 'Awaiting verification',
};

export function statusLabel(status: Status): string {
  return STATUS_LABELS[status];
}

export function sourceText(source: ValueSource): string {
  switch (source) {
    case 'CARD':
      return 'Teams card';
    case 'IMPORT':
      return 'Register import';
    case 'DEMO':
      return 'Demo data';
    case 'ADMIN':
      return 'Performance team';
  }
}

export function likelyToRecoverText(likely: LikelyToRecover): string {
  switch (likely) {
    case 'YES':
      return 'Yes';
    case 'NO':
      return 'No';
    case 'UNSURE':
      return 'Not sure';
  }
}
