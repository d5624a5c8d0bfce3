/** "My indicators": what the signed-in person owns or covers, and what is still outstanding from them. */
import type { MyPageView } from '../../../app/scorecard/tab-views';
import { h } from '../dom';
import { statusBadge } from '../status-badge';
import type { Navigator } from './navigator';

export function myPage(page: MyPageView, nav: Navigator): HTMLElement[] {
  const link = (code: string, title: string) =>
    h('a', { href: nav.href({ view: 'indicator', code, period: null, month: null }), 'data-nav': true }, h('span', { class: 'code' }, code), ' ', title);
  return [
    h('h1', { tabindex: -1 }, 'My indicators'),
    h('p', { class: 'lede' }, `Signed in as ${page.viewer.name}.`),
    h(
      'section',
      { 'aria-labelledby': 'outstanding-heading' },
      h('h2', { id: 'outstanding-heading' }, page.openPeriodLabel ? `Outstanding for ${page.openPeriodLabel}` : 'Outstanding'),
      page.outstanding.length === 0
        ? h('p', { class: 'empty' }, page.openPeriodLabel ? 'Nothing is outstanding from you.' : 'No period is open for entry just now.')
        : h(
            'ul',
            { class: 'outstanding' },
            page.outstanding.map((item) => h('li', { 'data-code': item.code }, link(item.code, item.title), h('span', { class: 'what' }, `${item.what} (${item.periodLabel})`))),
          ),
      page.outstanding.length > 0 && h('p', { class: 'hint' }, 'Send "submit" to the bot in your chat with it to enter figures.'),
    ),
    h(
      'section',
      { 'aria-labelledby': 'mine-heading' },
      h('h2', { id: 'mine-heading' }, 'Your indicators'),
      page.indicators.length === 0
        ? h('p', { class: 'empty' }, 'You do not own or cover any indicators.')
        : h(
            'div',
            { class: 'table-scroll', role: 'region', 'aria-labelledby': 'mine-caption', tabindex: 0 },
            h(
              'table',
              { class: 'data-table' },
              h('caption', { id: 'mine-caption' }, 'Each indicator at its latest period with a figure'),
              h('thead', {}, h('tr', {}, ['Indicator', 'Period', 'Figure', 'Target', 'Status', 'Since last period'].map((text) => h('th', { scope: 'col' }, text)))),
              h(
                'tbody',
                {},
                page.indicators.map((row) =>
                  h(
                    'tr',
                    { 'data-code': row.code },
                    h('th', { scope: 'row' }, link(row.code, row.title)),
                    h('td', { class: 'nowrap' }, row.periodLabel ?? 'None yet'),
                    h('td', { class: 'number' }, row.valueText ?? 'No figure'),
                    h('td', { class: 'number' }, row.targetText ?? 'No target'),
                    h('td', {}, statusBadge(row.status, row.statusLabel, row.statusText)),
                    h('td', { class: 'nowrap' }, row.trendText),
                  ),
                ),
              ),
            ),
          ),
    ),
  ];
}
