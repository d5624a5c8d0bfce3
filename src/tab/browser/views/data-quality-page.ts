/**
 * The Data quality page (#16), for the performance team: a period's measures for the whole
 * register, a table by directorate, the owners to follow up, and the period's audit trail as a CSV
 * (a button, not a link: the file comes through the tab's API with the person's token).
 *
 * Completeness is coloured as on the card (good at 100%, warning from 90%, attention below), but
 * the colour only repeats what its text says: "3 of 4 (75.0%)".
 */
import type { DataQualityPageView } from '../../../app/scorecard/tab-views';
import type { QualityRowView } from '../../../cards/data-quality/data-quality-view-models';
import { h } from '../dom';
import { NO_FILTERS } from '../route';
import type { Navigator } from './navigator';

export interface AuditTrailDownload {
  /** Fetches the period's audit trail and saves it; resolves when it has been handed to the browser. */
  save(period: string): Promise<void>;
}

export function dataQualityPage(page: DataQualityPageView, audit: AuditTrailDownload, nav: Navigator): HTMLElement[] {
  const q = page.quality;
  return [
    h('h1', { tabindex: -1 }, 'Data quality'),
    h('p', { class: 'lede' }, 'Were the figures in on time, complete and clean? For the performance team: the measures the data-quality frameworks ask for, by directorate and by owner.'),
    h(
      'div',
      { class: 'period-bar' },
      h('label', { for: 'dq-period' }, 'Period'),
      h(
        'select',
        { id: 'dq-period', onchange: (event: Event) => nav.go({ view: 'data-quality', period: (event.target as HTMLSelectElement).value }) },
        page.periods.map((o) => h('option', { value: o.value, selected: o.value === page.period }, o.label)),
      ),
      h('p', { class: 'hint', 'data-window': true }, q.windowText),
    ),
    h(
      'section',
      { 'aria-labelledby': 'dq-overall-heading', class: 'dq-overall' },
      h('h2', { id: 'dq-overall-heading' }, `All indicators, ${q.periodLabel}`),
      q.overall.completenessPercent === null
        ? h('p', { class: 'empty' }, `No figure was due for ${q.periodLabel}.`)
        : h(
            'dl',
            { class: 'dq-figures' },
            figure('In on time (completeness)', completeness(q.overall), 'completeness'),
            figure('Late', q.overall.timelinessText, 'timeliness'),
            figure('Missing', q.overall.missingText, 'missing'),
            figure('Corrections after close', String(q.overall.correctionsAfterClose), 'corrections'),
            figure('Queries raised', String(q.overall.queriesRaised), 'queries'),
            figure('Estimates outstanding', String(q.overall.estimatesOutstanding), 'estimates'),
          ),
    ),
    h(
      'section',
      { 'aria-labelledby': 'dq-directorates-heading' },
      h('h2', { id: 'dq-directorates-heading' }, 'By directorate'),
      q.byDirectorate.length === 0
        ? h('p', { class: 'empty' }, 'No directorate had a figure due.')
        : qualityTable('dq-directorates', `Data quality by directorate, ${q.periodLabel}`, 'Directorate', q.byDirectorate),
    ),
    h(
      'section',
      { 'aria-labelledby': 'dq-owners-heading' },
      h('h2', { id: 'dq-owners-heading' }, 'Owners to follow up'),
      q.ownersToFollowUp.length === 0
        ? h('p', { class: 'empty' }, 'No owner has anything to follow up.')
        : qualityTable('dq-owners', `Owners with figures late, missing, corrected after close, queried or estimated, ${q.periodLabel}, lowest completeness first`, 'Owner', q.ownersToFollowUp),
      q.ownersAllClean > 0 &&
        h('p', { class: 'hint' }, `${q.ownersAllClean} other ${q.ownersAllClean === 1 ? 'owner' : 'owners'} had everything in on time and clean.`),
    ),
    auditSection(page, audit, nav),
  ];
}

/** What someone outside the performance team sees instead: a plain explanation and a way on. */
export function dataQualityRefusedPage(message: string, nav: Navigator): HTMLElement[] {
  return [
    h('h1', { tabindex: -1 }, 'Data quality is for the performance team'),
    h('p', { class: 'lede dq-refused' }, message),
    h(
      'p',
      {},
      'The ',
      h('a', { href: nav.href({ view: 'scorecard', month: null, filters: NO_FILTERS }), 'data-nav': true }, 'scorecard'),
      ', ',
      h('a', { href: nav.href({ view: 'my' }), 'data-nav': true }, 'your indicators'),
      ' and the ',
      h('a', { href: nav.href({ view: 'reports' }), 'data-nav': true }, 'quarterly reports'),
      ' are open to you.',
    ),
  ];
}

function figure(label: string, value: HTMLElement | string, name: string): HTMLElement {
  return h('div', { class: 'figure', 'data-measure': name }, h('dt', {}, label), h('dd', {}, value));
}

/** The completeness text, coloured by its tone; the text says it all without the colour. */
function completeness(row: QualityRowView): HTMLElement {
  return h('span', { class: `dq-completeness dq-${completenessTone(row.completenessPercent)}` }, row.completenessText);
}

/** As the card: good at 100%, warning from 90% to under 100%, attention below 90%. */
export function completenessTone(percent: number | null): 'none' | 'good' | 'warning' | 'attention' {
  if (percent === null) return 'none';
  if (percent >= 100) return 'good';
  if (percent >= 90) return 'warning';
  return 'attention';
}

function qualityTable(id: string, caption: string, nameHeader: string, rows: readonly QualityRowView[]): HTMLElement {
  const captionId = `${id}-caption`;
  const col = (text: string, numeric = false) => h('th', { scope: 'col', class: numeric ? 'number' : null }, text);
  return h(
    'div',
    { class: 'table-scroll', role: 'region', 'aria-labelledby': captionId, tabindex: 0 },
    h(
      'table',
      { class: 'data-table dq-table', id },
      h('caption', { id: captionId }, caption),
      h(
        'thead',
        {},
        h('tr', {}, col(nameHeader), col('In on time'), col('Late'), col('Missing'), col('Corrections after close', true), col('Queries raised', true), col('Estimates outstanding', true)),
      ),
      h(
        'tbody',
        {},
        rows.map((row) =>
          h(
            'tr',
            { 'data-name': row.name },
            h('th', { scope: 'row' }, row.name),
            h('td', {}, completeness(row)),
            h('td', {}, row.timelinessText),
            h('td', {}, row.missingText),
            h('td', { class: 'number' }, row.correctionsAfterClose),
            h('td', { class: 'number' }, row.queriesRaised),
            h('td', { class: 'number' }, row.estimatesOutstanding),
          ),
        ),
      ),
    ),
  );
}

function auditSection(page: DataQualityPageView, audit: AuditTrailDownload, nav: Navigator): HTMLElement {
  const status = h('span', { class: 'download-status', role: 'status' });
  const button = h(
    'button',
    {
      type: 'button',
      id: 'dq-audit-download',
      onclick: async () => {
        button.setAttribute('disabled', '');
        status.textContent = 'Downloading…';
        try {
          await audit.save(page.period);
          status.textContent = 'Downloaded.';
          nav.announce(`The audit trail for ${page.quality.periodLabel} downloaded.`);
        } catch (error) {
          status.textContent = error instanceof Error ? `Not downloaded: ${error.message}` : 'Not downloaded; please try again.';
        } finally {
          button.removeAttribute('disabled');
        }
      },
    },
    'Download the audit trail (CSV)',
  );
  return h(
    'section',
    { 'aria-labelledby': 'dq-audit-heading' },
    h('h2', { id: 'dq-audit-heading' }, 'Audit trail'),
    h('p', {}, `Every figure entered, corrected, verified or queried for ${page.quality.periodLabel}, with every narrative, refusal, opening and closing, oldest first: for internal audit.`),
    h('p', { class: 'dq-audit' }, button, ' ', status),
  );
}
