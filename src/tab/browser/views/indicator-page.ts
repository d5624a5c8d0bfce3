/**
 * One indicator: the period's figure against target, the 24-period trend, what it measures and who
 * is responsible, the owner's narratives, the Board's commentary and action plan, and every version
 * of the period's value.
 */
import type { IndicatorPageView } from '../../../app/scorecard/tab-views';
import { h, type Child } from '../dom';
import { statusBadge } from '../status-badge';
import { trendChart, trendTable } from '../trend-chart';
import { xmrContent } from '../xmr-chart';
import type { Navigator } from './navigator';

export function indicatorPage(page: IndicatorPageView, month: string | null, nav: Navigator): HTMLElement[] {
  const scorecardHref = nav.href({ view: 'scorecard', month, filters: { lens: '', directorate: '', status: '', owner: '' } });
  return [
    h('nav', { 'aria-label': 'Breadcrumb', class: 'breadcrumb' }, h('a', { href: scorecardHref, 'data-nav': true }, 'Scorecard'), ' › ', page.code),
    h('h1', { tabindex: -1 }, h('span', { class: 'code' }, page.code), ' ', page.title),
    summary(page, month, nav),
    section('trend-heading', `Trend: the last ${page.trend.length} periods`, trendChart(page), trendTable(page)),
    ...(page.xmr ? [section('xmr-heading', 'Signals and noise: the XmR chart', xmrContent(page.xmr, page.code, page.unitLabel))] : []),
    section('about-heading', 'About this indicator', about(page)),
    section('narrative-heading', 'Narrative', narratives(page)),
    section('commentary-heading', 'Board commentary', commentary(page)),
    section('plan-heading', 'Action plan', actionPlan(page)),
    section('history-heading', 'Version history', history(page)),
  ];
}

function summary(page: IndicatorPageView, month: string | null, nav: Navigator): HTMLElement {
  const c = page.current;
  return h(
    'section',
    { 'aria-labelledby': 'summary-heading', class: 'summary' },
    h('h2', { id: 'summary-heading' }, page.periodLabel),
    h(
      'dl',
      { class: 'figures' },
      figure('Figure', [h('span', { class: 'big' }, c.valueText ?? 'No figure'), c.qualityText ? h('span', { class: 'quality' }, ` (${c.qualityText})`) : null]),
      figure('Target', c.targetText ?? 'No target'),
      figure('Status', [statusBadge(c.status, c.statusLabel), ' ', c.statusText]),
      figure('Direction of travel', [c.travelText, ': ', c.comparisonText]),
      figure('Since the same period last year', c.sinceLastYearText),
    ),
    h('h3', {}, 'Quarter and year to date'),
    h(
      'dl',
      { class: 'figures' },
      c.quarterToDate ? figure(c.quarterToDate.label, c.quarterToDate.text ?? 'No figure') : null,
      figure('Year to date', c.yearToDateText ?? 'No figure'),
      page.xmr?.signals.forecastText ? figure('Forecast', page.xmr.signals.forecastText) : null,
    ),
    h(
      'div',
      { class: 'period-bar' },
      h('label', { for: 'indicator-period' }, 'Period'),
      h(
        'select',
        {
          id: 'indicator-period',
          onchange: (event: Event) => nav.go({ view: 'indicator', code: page.code, period: (event.target as HTMLSelectElement).value, month }),
        },
        [...page.trend].reverse().map((p) => h('option', { value: p.period, selected: p.period === page.period }, p.label)),
      ),
    ),
  );
}

function about(page: IndicatorPageView): HTMLElement {
  const people = page.people;
  return h(
    'dl',
    { class: 'details' },
    detail('Definition', page.definition || 'No definition recorded.'),
    detail('Owner', people.owner),
    detail('Delegates', people.delegates.length > 0 ? people.delegates.join(', ') : 'None'),
    detail('Verifier', people.verifier ?? 'None'),
    detail('Director', people.director ?? 'None'),
    detail('Directorate', page.directorate),
    detail('Lens', page.lensLabel),
    detail('Kind', page.kindLabel),
    detail('Unit', page.unitLabel),
    detail('Polarity', page.polarityLabel),
    detail('Frequency', page.frequencyLabel),
    detail('Over the year', page.aggregationLabel),
    detail('Target', page.current.targetText ?? 'No target'),
    detail('Tolerance', page.current.toleranceText),
  );
}

function narratives(page: IndicatorPageView): HTMLElement {
  if (page.narratives.length === 0) return h('p', { class: 'empty' }, `No narrative has been recorded for ${page.periodLabel}.`);
  return h(
    'ul',
    { class: 'entries' },
    page.narratives.map((n) =>
      h(
        'li',
        { class: 'entry' },
        h('p', {}, n.remedialAction),
        h(
          'dl',
          { class: 'inline-details' },
          detail('Likely to be enough', n.likelyToRecoverText),
          detail('Expected to recover by', n.recoveryPeriod),
          detail('Given by', `${n.givenBy}, ${n.givenAtText} (for version ${n.valueVersion})`),
        ),
      ),
    ),
  );
}

function commentary(page: IndicatorPageView): HTMLElement {
  if (page.commentary.length === 0) return h('p', { class: 'empty' }, 'No thread commentary has been recorded.');
  return h(
    'ul',
    { class: 'entries' },
    page.commentary.map((c) => h('li', { class: 'entry' }, h('p', {}, c.text), h('p', { class: 'hint' }, `${c.authorName}, ${c.postedAtText}`))),
  );
}

function actionPlan(page: IndicatorPageView): HTMLElement {
  const plan = page.actionPlan;
  if (!plan) return h('p', { class: 'empty' }, 'No action plan has been recorded.');
  return h(
    'div',
    { class: 'entry' },
    h('p', {}, plan.summary),
    h(
      'dl',
      { class: 'inline-details' },
      detail('Approval', plan.stateText),
      plan.decidedBy && detail('Decided by', `${plan.decidedBy}${plan.decidedAtText ? `, ${plan.decidedAtText}` : ''}`),
    ),
  );
}

function history(page: IndicatorPageView): HTMLElement {
  const { versions, namesShown } = page.history;
  if (versions.length === 0) return h('p', { class: 'empty' }, `No value has been given for ${page.periodLabel}.`);
  const headings = ['Version', 'Figure', 'Change', ...(namesShown ? ['Entered by'] : []), 'When', 'How', 'Note'];
  return h(
    'div',
    {},
    !namesShown &&
      h('p', { class: 'hint' }, 'Who entered each version is shown to the indicator\'s owner, delegates, verifier and director, and to the performance team.'),
    h(
      'div',
      { class: 'table-scroll', role: 'region', 'aria-labelledby': 'history-caption', tabindex: 0 },
      h(
        'table',
        { class: 'data-table history-table' },
        h('caption', { id: 'history-caption' }, `Every version of the ${page.periodLabel} figure, oldest first`),
        h('thead', {}, h('tr', {}, headings.map((text) => h('th', { scope: 'col' }, text)))),
        h(
          'tbody',
          {},
          versions.map((v) =>
            h(
              'tr',
              { 'data-version': v.version },
              h('th', { scope: 'row' }, `Version ${v.version}`),
              h('td', { class: 'number' }, v.valueText),
              h('td', {}, v.changeText ?? 'First figure'),
              namesShown && h('td', { class: 'entered-by' }, v.enteredBy ?? ''),
              h('td', { class: 'nowrap' }, h('time', { datetime: v.enteredAt }, v.enteredAtText)),
              h('td', {}, v.sourceText),
              h('td', {}, v.note || '–', v.flagsText ? h('span', { class: 'quality' }, ` (${v.flagsText})`) : null),
            ),
          ),
        ),
      ),
    ),
  );
}

function section(headingId: string, title: string, ...content: Child[]): HTMLElement {
  return h('section', { 'aria-labelledby': headingId }, h('h2', { id: headingId }, title), content);
}

function figure(term: string, value: Child): HTMLElement {
  return h('div', { class: 'figure' }, h('dt', {}, term), h('dd', {}, value));
}

function detail(term: string, value: Child): HTMLElement {
  return h('div', {}, h('dt', {}, term), h('dd', {}, value));
}
