import { applyFilters, describeResult, validFilters } from '../../../src/tab/browser/filters';
import { NO_FILTERS } from '../../../src/tab/browser/route';
import type { IndicatorRowView } from '../../../src/app/scorecard/tab-views';

const row = (code: string, lens: IndicatorRowView['lens'], directorate: string, status: IndicatorRowView['status'], ownerId: string) =>
  ({ code, lens, directorate, status, ownerId }) as IndicatorRowView;

const rows = [
  row('FIN01', 'FINANCE', 'Resources', 'AMBER', 'sarah'),
  row('FIN03', 'FINANCE', 'Resources', 'GREEN', 'olivia'),
  row('SRV01', 'SERVICES', 'Resources', 'RED', 'gareth'),
  row('SRV07', 'SERVICES', 'Customers and Communities', 'RED', 'james'),
];
const options = {
  lenses: [{ value: 'FINANCE', label: 'Finance' }, { value: 'SERVICES', label: 'Services' }],
  directorates: [{ value: 'Resources', label: 'Resources' }, { value: 'Customers and Communities', label: 'Customers and Communities' }],
  statuses: [{ value: 'RED', label: 'Red' }, { value: 'AMBER', label: 'Amber' }, { value: 'GREEN', label: 'Green' }],
  owners: [{ value: 'gareth', label: 'Gareth Lewis' }, { value: 'james', label: 'James Patel' }],
};
const codes = (list: readonly IndicatorRowView[]) => list.map((r) => r.code);

describe('filtering the indicator list', () => {
  it('keeps everything with no filters, and narrows by each filter and by several together', () => {
    expect(codes(applyFilters(rows, NO_FILTERS))).toEqual(['FIN01', 'FIN03', 'SRV01', 'SRV07']);
    expect(codes(applyFilters(rows, { ...NO_FILTERS, lens: 'FINANCE' }))).toEqual(['FIN01', 'FIN03']);
    expect(codes(applyFilters(rows, { ...NO_FILTERS, status: 'RED' }))).toEqual(['SRV01', 'SRV07']);
    expect(codes(applyFilters(rows, { ...NO_FILTERS, status: 'RED', directorate: 'Resources' }))).toEqual(['SRV01']);
    expect(codes(applyFilters(rows, { ...NO_FILTERS, owner: 'james' }))).toEqual(['SRV07']);
    expect(codes(applyFilters(rows, { ...NO_FILTERS, lens: 'FINANCE', status: 'RED' }))).toEqual([]);
  });

  it('describes the result in words for the live region', () => {
    expect(describeResult(4, 4, NO_FILTERS, options)).toBe('Showing 4 of 4 indicators');
    expect(describeResult(1, 4, { ...NO_FILTERS, status: 'RED', directorate: 'Resources', owner: 'gareth' }, options)).toBe(
      'Showing 1 of 4 indicators: Resources, status Red, owned by Gareth Lewis',
    );
  });

  it('drops filter values that are not among the options (a stale link)', () => {
    expect(validFilters({ lens: 'MARKETING', directorate: 'Resources', status: 'PURPLE', owner: 'gareth' }, options)).toEqual({
      lens: '', directorate: 'Resources', status: '', owner: 'gareth',
    });
  });
});
