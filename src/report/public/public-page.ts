/**
 * The public edition's web page (#15): one self-contained HTML file the council can put on its
 * website as it is. The Public Sector Bodies Accessibility Regulations apply to it, so it is built
 * for WCAG 2.2 AA: a language, a skip link, landmarks, headings in order, tables with captions and
 * header cells, status always in words (colour only repeats it, at AA contrast), no scripts and no
 * requests to anywhere else. Every piece of data is escaped (html.ts).
 *
 * It refuses the committee model: the page is public, so it is made from publicEdition(model) only.
 */
import type { QuarterReport, ReportException, ReportGroupCounts, ReportIndicator } from '../../app/report/quarter-report-model';
import { quarterSlug, type ReportFile } from '../report-file';
import { openDataFileName } from './open-data-csv';
import { escapeHtml as e, slugId } from './html';
import { PUBLIC_PAGE_CSS } from './public-page-css';

const COUNTED = [
  ['GREEN', 'Green (on target)'],
  ['AMBER', 'Amber (within tolerance)'],
  ['RED', 'Red (off target)'],
  ['DATA_ONLY', 'Data only'],
  ['MISSING', 'Missing'],
  ['DUE', 'Due later'],
  ['AWAITING_VERIFICATION', 'Awaiting verification'],
] as const;

export function renderPublicPage(report: QuarterReport): ReportFile {
  if (report.edition !== 'public') {
    throw new Error('The public web page is made from the public edition only (publicEdition(model)): the committee model names staff.');
  }
  return {
    name: `performance-report-${quarterSlug(report.quarter)}-public.html`,
    mediaType: 'text/html; charset=utf-8',
    description: 'Public report (web page)',
    bytes: new TextEncoder().encode(publicPageHtml(report)),
  };
}

export function publicPageHtml(report: QuarterReport): string {
  const title = `${report.organisation}: performance report, ${report.quarterLabel}`;
  const priorities = report.byPriority.filter((g) => g.quarter.total > 0);
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>${PUBLIC_PAGE_CSS}</style>
</head>
<body>
<a class="skip-link" href="#main">Skip to the report</a>
<header class="site-header"><p class="organisation">${e(report.organisation)}</p></header>
<nav aria-label="Contents"><h2 class="contents-heading">Contents</h2><ul>
<li><a href="#summary">Summary</a></li>
${priorities.map((g) => `<li><a href="#${slugId('priority', g.key)}">${e(g.label)}</a></li>`).join('\n')}
<li><a href="#exceptions">Indicators off target</a></li>
<li><a href="#other">Indicators not rated</a></li>
<li><a href="#about">About these figures</a></li>
</ul></nav>
<main id="main">
<h1>Performance report: ${e(report.quarterLabel)}</h1>
<p class="lede">How the council performed against its targets in ${e(report.quarterLabel)}, for the indicators it publishes. ${e(report.generatedText)}</p>
${summarySection(report)}
${priorities.map((g) => prioritySection(g, report.indicators.filter((x) => x.priority === g.key || x.priority === g.label))).join('\n')}
${exceptionsSection(report.exceptions)}
${otherSection(report)}
<section aria-labelledby="about"><h2 id="about">About these figures</h2>
<p>Each indicator is rated against its target: green is on target, amber is off target but within the tolerance the council allows, red is further off. Data only indicators are reported without a target. A figure still missing after its deadline is shown as missing; one not yet due (some figures arrive a quarter late) is shown as due later.</p>
<p>"Since last quarter" compares the figure with the last quarter's, except for figures that add up through the year, which are compared with the same point last year. "Since last year" compares with the same quarter last year.</p>
<p>The figures are also published as open data: <a href="${e(openDataFileName(report.quarter))}">${e(openDataFileName(report.quarter))}</a> (CSV, one row per indicator and period).</p>
</section>
</main>
<footer class="site-footer"><p>${e(report.organisation)}. ${e(report.generatedText)}</p></footer>
</body>
</html>
`;
}

function countsTable(id: string, caption: string, groups: readonly ReportGroupCounts[], firstHeader: string, withChange: boolean): string {
  // "Awaiting verification" only where the council holds unverified figures back and some are (#16).
  const counted = COUNTED.filter(([status]) => status !== 'AWAITING_VERIFICATION' || groups.some((g) => g.quarter[status] > 0));
  return `<div class="table-wrap" role="region" aria-labelledby="${id}" tabindex="0"><table>
<caption id="${id}">${e(caption)}</caption>
<thead><tr><th scope="col">${e(firstHeader)}</th>${counted.map(([, label]) => `<th scope="col" class="number">${e(label)}</th>`).join('')}<th scope="col" class="number">Total</th>${withChange ? '<th scope="col">Change since last quarter</th>' : ''}</tr></thead>
<tbody>
${groups.map((g) => `<tr><th scope="row">${e(g.label)}</th>${counted.map(([status]) => `<td class="number">${g.quarter[status]}</td>`).join('')}<td class="number">${g.quarter.total}</td>${withChange ? `<td>${e(g.changeText)}</td>` : ''}</tr>`).join('\n')}
</tbody></table></div>`;
}

function summarySection(report: QuarterReport): string {
  const o = report.overall.quarter;
  const rated = o.GREEN + o.AMBER + o.RED;
  return `<section aria-labelledby="summary"><h2 id="summary">Summary</h2>
<p>Of ${rated} rated ${rated === 1 ? 'indicator' : 'indicators'}, <strong>${o.GREEN} green</strong>, <strong>${o.AMBER} amber</strong> and <strong>${o.RED} red</strong>. ${e(report.overall.changeText)}.</p>
<p>Figures in: ${e(report.completeness.text)}.</p>
${countsTable('counts-overall', `All published indicators by status, ${report.quarterLabel}`, [report.overall], 'Indicators', true)}
${countsTable('counts-lens', `Indicators by status and scorecard area, ${report.quarterLabel}`, report.byLens.filter((g) => g.quarter.total > 0), 'Scorecard area', true)}
${countsTable('counts-priority', `Indicators by status and corporate priority, ${report.quarterLabel}`, report.byPriority.filter((g) => g.quarter.total > 0), 'Corporate priority', true)}
</section>`;
}

/** The public page's words for a figure's reliability: provisional until verified. */
function publicQuality(text: string): string {
  return text.replace('not yet verified', 'provisional: not yet verified').replace('queried by its verifier', 'provisional: being checked');
}

function statusText(indicator: Pick<ReportIndicator, 'status' | 'statusLabel' | 'statusText'>): string {
  const detail = indicator.statusText && indicator.statusText !== indicator.statusLabel ? `: ${indicator.statusText}` : '';
  return `<span class="status status-${indicator.status.toLowerCase().replace('_', '-')}">${e(indicator.statusLabel)}</span>${e(detail)}`;
}

function indicatorRows(indicators: readonly ReportIndicator[]): string {
  return indicators.map((x) => `<tr data-code="${e(x.code)}">
<th scope="row"><span class="code">${e(x.code)}</span> ${e(x.title)}</th>
<td>${e(x.periodLabel)}</td>
<td class="number">${e(x.figure.text)}</td>
<td class="number">${e(x.target.text)}</td>
<td>${statusText(x)}${x.qualityText ? ` (${e(publicQuality(x.qualityText))})` : ''}</td>
<td class="number">${e(x.yearToDate.text)}${x.yearToDate.value !== null && !x.yearToDate.complete ? ' (not every period in)' : ''}</td>
<td>${e(x.travelText)}</td>
<td>${e(x.sinceLastYearText)}</td>
</tr>`).join('\n');
}

const INDICATOR_HEAD = `<thead><tr><th scope="col">Indicator</th><th scope="col">Period</th><th scope="col" class="number">Figure</th><th scope="col" class="number">Target</th><th scope="col">Status</th><th scope="col" class="number">Year to date</th><th scope="col">Since last quarter</th><th scope="col">Since last year</th></tr></thead>`;

function prioritySection(group: ReportGroupCounts, indicators: readonly ReportIndicator[]): string {
  const id = slugId('priority', group.key);
  const q = group.quarter;
  return `<section aria-labelledby="${id}"><h2 id="${id}">${e(group.label)}</h2>
<p>${q.GREEN} green, ${q.AMBER} amber, ${q.RED} red of ${q.total} ${q.total === 1 ? 'indicator' : 'indicators'}. ${e(group.changeText)}.</p>
<div class="table-wrap" role="region" aria-labelledby="${id}-caption" tabindex="0"><table>
<caption id="${id}-caption">Indicators for ${e(group.label)}</caption>
${INDICATOR_HEAD}
<tbody>
${indicatorRows(indicators)}
</tbody></table></div>
</section>`;
}

function exceptionsSection(exceptions: readonly ReportException[]): string {
  return `<section aria-labelledby="exceptions"><h2 id="exceptions">Indicators off target</h2>
${exceptions.length === 0 ? '<p>No published indicator was red or amber this quarter.</p>' : exceptions.map(exceptionBlock).join('\n')}
</section>`;
}

function exceptionBlock(x: ReportException): string {
  const id = slugId('exception', x.code);
  const facts = [
    ['Status', `<span class="status status-${x.status.toLowerCase()}">${x.status === 'RED' ? 'Red' : 'Amber'}</span>`],
    ['How long', e(x.runningText)],
    ['Action plan', e(x.planStateText)],
    ...(x.recoveryText ? [['Recovery', e(x.recoveryText)]] : []),
  ];
  return `<section aria-labelledby="${id}" class="exception" data-code="${e(x.code)}"><h3 id="${id}"><span class="code">${e(x.code)}</span> ${e(x.title)}</h3>
<dl>${facts.map(([term, detail]) => `<div><dt>${term}</dt><dd>${detail}</dd></div>`).join('')}</dl>
${x.narrative ? `<p>${e(x.narrative)}</p>` : ''}
${x.actions.length === 0 ? '<p>No actions recorded yet.</p>' : `<h4>What is being done</h4><ul class="actions">${x.actions.map((a) => `<li>${e(a.description)}: due ${e(a.dueText)}${a.done ? ' (done)' : ''}</li>`).join('')}</ul>`}
</section>`;
}

function otherSection(report: QuarterReport): string {
  const table = (id: string, caption: string, indicators: readonly ReportIndicator[], empty: string) => indicators.length === 0
    ? `<p>${e(empty)}</p>`
    : `<div class="table-wrap" role="region" aria-labelledby="${id}" tabindex="0"><table><caption id="${id}">${e(caption)}</caption>${INDICATOR_HEAD}<tbody>${indicatorRows(indicators)}</tbody></table></div>`;
  return `<section aria-labelledby="other"><h2 id="other">Indicators not rated</h2>
<h3>Data only</h3>
${table('data-only-caption', 'Indicators reported without a target', report.dataOnly, 'Every published indicator has a target.')}
<h3>Missing or due later</h3>
${table('missing-caption', 'Indicators without a figure for the period', report.missing, 'Every figure due is in.')}
</section>`;
}
