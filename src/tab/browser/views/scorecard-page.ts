/**
 * The balanced scorecard: the month's counts of each status in the five lenses, and the list of
 * indicators, filtered in the browser by lens, directorate, status and owner.
 */
import type { IndicatorRowView, LensSummaryView, Option, ScorecardView } from '../../../app/scorecard/tab-views';
import { h, replaceChildren } from '../dom';
import { applyFilters, describeResult, validFilters } from '../filters';
import { NO_FILTERS, type Filters } from '../route';
import { statusBadge } from '../status-badge';
import { assuranceBadge, variationBadge } from '../signal-icons';
import type { Navigator } from './navigator';

/** Which statuses a lens card always shows; the others only when some indicator has them. */
const ALWAYS_SHOWN = new Set(['RED', 'AMBER', 'GREEN']);

export class ScorecardPage {
  private filters: Filters;
  private readonly tableArea = h('div', { class: 'indicator-list' });
  private readonly resultCount = h('p', { class: 'result-count', id: 'result-count' });
  private readonly selects = new Map<keyof Filters, HTMLSelectElement>();

  constructor(
    private readonly view: ScorecardView,
    filters: Filters,
    private readonly nav: Navigator,
  ) {
    this.filters = validFilters(filters, view.filters);
  }

  render(): HTMLElement[] {
    const view = this.view;
    const elements = [
      h('h1', { tabindex: -1 }, 'Balanced scorecard'),
      h(
        'div',
        { class: 'period-bar' },
        h('label', { for: 'month' }, 'Month or quarter'),
        h(
          'select',
          { id: 'month', onchange: (event: Event) => this.nav.go({ view: 'scorecard', month: (event.target as HTMLSelectElement).value, filters: this.filters }) },
          this.periodGroup('Months', view.months),
          view.quarters.length > 0 && this.periodGroup('Quarters', view.quarters),
        ),
        h('p', { class: 'hint' }, view.asAtNote),
      ),
      h(
        'section',
        { 'aria-labelledby': 'lenses-heading' },
        h('h2', { id: 'lenses-heading' }, `The five lenses, ${view.monthLabel}`),
        h('ul', { class: 'lens-grid' }, view.lenses.map((lens) => this.lensCard(lens))),
      ),
      h(
        'section',
        { 'aria-labelledby': 'indicators-heading', id: 'indicators' },
        h('h2', { id: 'indicators-heading' }, 'Indicators'),
        this.filterForm(),
        this.resultCount,
        this.tableArea,
      ),
    ];
    this.showRows(false);
    return elements;
  }

  private periodGroup(label: string, options: readonly Option[]): HTMLElement {
    return h('optgroup', { label }, options.map((o) => h('option', { value: o.value, selected: o.value === this.view.month }, o.label)));
  }

  private lensCard(lens: LensSummaryView): HTMLElement {
    const shown = lens.counts.filter((c) => ALWAYS_SHOWN.has(c.status) || c.count > 0);
    return h(
      'li',
      { class: 'lens-card', 'data-lens': lens.lens },
      h('h3', {}, lens.label),
      h('p', { class: 'lens-total' }, `${lens.total} ${lens.total === 1 ? 'indicator' : 'indicators'}`),
      h(
        'ul',
        { class: 'status-counts', 'aria-label': `${lens.label}: indicators by status` },
        shown.map((c) =>
          h('li', { 'data-status': c.status, class: c.count === 0 ? 'zero' : null }, statusBadge(c.status, c.label), ' ', h('span', { class: 'count' }, c.count)),
        ),
      ),
      lens.total > 0 &&
        h(
          'button',
          { type: 'button', class: 'link-button', onclick: () => this.setFilters({ ...NO_FILTERS, lens: lens.lens }, true) },
          `Show the ${lens.label} indicators`,
        ),
    );
  }

  private filterForm(): HTMLElement {
    const options = this.view.filters;
    const select = (name: keyof Filters, label: string, all: string, list: readonly Option[]) => {
      const id = `filter-${name}`;
      const element = h(
        'select',
        { id, name, onchange: () => this.setFilters({ ...this.filters, [name]: element.value }, false) },
        h('option', { value: '' }, all),
        list.map((o) => h('option', { value: o.value, selected: this.filters[name] === o.value }, o.label)),
      );
      this.selects.set(name, element);
      return h('div', { class: 'filter' }, h('label', { for: id }, label), element);
    };
    return h(
      'form',
      { class: 'filters', role: 'search', 'aria-label': 'Filter the indicators', onsubmit: (event: Event) => event.preventDefault() },
      select('lens', 'Lens', 'All lenses', options.lenses),
      select('directorate', 'Directorate', 'All directorates', options.directorates),
      select('status', 'Status', 'All statuses', options.statuses),
      select('owner', 'Owner', 'All owners', options.owners),
      h('button', { type: 'button', class: 'secondary', onclick: () => this.setFilters(NO_FILTERS, false) }, 'Clear filters'),
    );
  }

  private setFilters(filters: Filters, moveToList: boolean): void {
    this.filters = validFilters(filters, this.view.filters);
    for (const [name, element] of this.selects) element.value = this.filters[name];
    this.nav.replace({ view: 'scorecard', month: this.view.month, filters: this.filters });
    this.showRows(true);
    if (moveToList) document.getElementById('indicators-heading')?.scrollIntoView({ block: 'start' });
    if (moveToList) this.selects.get('lens')?.focus();
  }

  private showRows(announce: boolean): void {
    const rows = applyFilters(this.view.indicators, this.filters);
    const summary = describeResult(rows.length, this.view.indicators.length, this.filters, this.view.filters);
    this.resultCount.textContent = summary;
    const none = this.view.indicators.length === 0 ? 'The register has no indicators for this month yet.' : 'No indicators match these filters.';
    replaceChildren(this.tableArea, rows.length > 0 ? this.table(rows) : h('p', { class: 'empty' }, none));
    if (announce) this.nav.announce(summary);
  }

  private table(rows: readonly IndicatorRowView[]): HTMLElement {
    // The variation and assurance columns (#17) appear once the server sends them for any row.
    const signalled = this.view.indicators.some((row) => row.signals);
    const headings = ['Indicator', 'Lens', 'Directorate', 'Owner', 'Period', 'Figure', 'Target', 'Status', ...(signalled ? ['Variation', 'Assurance'] : []), 'Travel', 'Year to date'];
    return h(
      'div',
      { class: 'table-scroll', role: 'region', 'aria-labelledby': 'indicator-table-caption', tabindex: 0 },
      h(
        'table',
        { class: 'data-table indicator-table' },
        h('caption', { id: 'indicator-table-caption' }, `Indicators for ${this.view.monthLabel}`),
        h('thead', {}, h('tr', {}, headings.map((text) => h('th', { scope: 'col' }, text)))),
        h(
          'tbody',
          {},
          rows.map((row) =>
            h(
              'tr',
              { 'data-code': row.code },
              h(
                'th',
                { scope: 'row' },
                h('a', { href: this.nav.href({ view: 'indicator', code: row.code, period: row.period, month: this.view.month }), 'data-nav': true },
                  h('span', { class: 'code' }, row.code), ' ', row.title),
              ),
              h('td', {}, row.lensLabel),
              h('td', {}, row.directorate),
              h('td', {}, row.ownerName),
              h('td', { class: 'period-cell' }, row.periodLabel),
              h('td', { class: 'number' }, row.valueText ?? 'No figure', row.qualityText ? h('span', { class: 'quality' }, ` (${row.qualityText})`) : null),
              h('td', { class: 'number' }, row.targetText ?? 'No target'),
              h('td', {}, statusBadge(row.status, row.statusLabel, row.statusText)),
              signalled && h('td', { class: 'signal-cell' }, row.signals ? variationBadge(row.signals) : notShown('No variation analysis')),
              signalled && h('td', { class: 'signal-cell' }, (row.signals && assuranceBadge(row.signals)) ?? notShown('No assurance')),
              h('td', { class: 'travel-cell', title: row.comparisonText }, row.travelText),
              // The year-end forecast (#17) is on the indicator page: beside the year to date here it made the table too wide for 1280 px.
              h('td', { class: 'number', title: row.yearToDateText ?? undefined }, row.yearToDateValueText ?? 'No figure'),
            ),
          ),
        ),
      ),
    );
  }
}

/** An empty signal cell: a dash to see, and what it means to hear. */
function notShown(meaning: string): HTMLElement {
  return h('span', { class: 'not-shown' }, h('span', { 'aria-hidden': 'true' }, '–'), h('span', { class: 'visually-hidden' }, meaning));
}
