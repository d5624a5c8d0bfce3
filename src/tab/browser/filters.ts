/** Filtering the scorecard's indicator list in the browser. Pure: no DOM. */
import type { IndicatorRowView, Option } from '../../app/scorecard/tab-views';
import type { Filters } from './route';

export function applyFilters(rows: readonly IndicatorRowView[], filters: Filters): IndicatorRowView[] {
  return rows.filter(
    (row) =>
      (!filters.lens || row.lens === filters.lens) &&
      (!filters.directorate || row.directorate === filters.directorate) &&
      (!filters.status || row.status === filters.status) &&
      (!filters.owner || row.ownerId === filters.owner),
  );
}

export interface FilterOptions {
  readonly lenses: readonly Option[];
  readonly directorates: readonly Option[];
  readonly statuses: readonly Option[];
  readonly owners: readonly Option[];
}

/** "Showing 3 of 22 indicators: Finance lens, status Red", for the live region and the caption. */
export function describeResult(shown: number, total: number, filters: Filters, options: FilterOptions): string {
  const label = (list: readonly Option[], value: string) => list.find((o) => o.value === value)?.label ?? value;
  const parts = [
    filters.lens && `${label(options.lenses, filters.lens)} lens`,
    filters.directorate && `${label(options.directorates, filters.directorate)}`,
    filters.status && `status ${label(options.statuses, filters.status)}`,
    filters.owner && `owned by ${label(options.owners, filters.owner)}`,
  ].filter(Boolean);
  const count = `Showing ${shown} of ${total} ${total === 1 ? 'indicator' : 'indicators'}`;
  return parts.length > 0 ? `${count}: ${parts.join(', ')}` : count;
}

/** Filters with any value not among the options dropped (a stale link, a renamed directorate). */
export function validFilters(filters: Filters, options: FilterOptions): Filters {
  const keep = (list: readonly Option[], value: string) => (list.some((o) => o.value === value) ? value : '');
  return {
    lens: keep(options.lenses, filters.lens),
    directorate: keep(options.directorates, filters.directorate),
    status: keep(options.statuses, filters.status),
    owner: keep(options.owners, filters.owner),
  };
}
