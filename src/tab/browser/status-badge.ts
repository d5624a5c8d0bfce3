/** A status as a word in a coloured pill: the word is always there, so colour is never the only signal. */
import type { Status } from '../../domain/types';
import { h } from './dom';

export function statusBadge(status: Status, label: string, description?: string): HTMLElement {
  return h(
    'span',
    { class: `status status-${status.toLowerCase().replace('_', '-')}`, 'data-status': status },
    label,
    description ? h('span', { class: 'visually-hidden' }, `: ${description}`) : null,
  );
}
