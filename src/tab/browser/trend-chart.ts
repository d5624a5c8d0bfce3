/**
 * The trend chart as inline SVG: one image with a title and a description that says what it
 * shows in words, drawn from chartGeometry, followed by the same figures as a table for anyone who
 * cannot see it (and anyone who wants the numbers).
 */
import type { IndicatorPageView } from '../../app/scorecard/tab-views';
import { h, s } from './dom';
import { chartGeometry } from './trend-chart-geometry';
import { statusBadge } from './status-badge';

export function trendChart(page: IndicatorPageView): HTMLElement {
  const points = page.trend;
  const geometry = chartGeometry(points);
  const { plot } = geometry;
  const withValues = points.filter((p) => p.value !== null);
  const first = points[0];
  const last = points[points.length - 1];
  const titleId = 'trend-title';
  const descId = 'trend-desc';

  const description = [
    `${page.code} from ${first?.label ?? ''} to ${last?.label ?? ''}: ${withValues.length} of ${points.length} periods have a figure.`,
    last?.valueText
      ? `Latest ${last.valueText}${last.targetText ? ` against a target of ${last.targetText}` : ''} (${last.statusLabel}).`
      : `No figure for ${last?.label ?? 'the latest period'} (${last?.statusLabel ?? ''}).`,
    lowestAndHighest(withValues),
    'The figures are in a table after the chart.',
  ].join(' ');

  const chart = s(
    'svg',
    {
      class: 'trend-chart',
      viewBox: `0 0 ${geometry.width} ${geometry.height}`,
      role: 'img',
      'aria-labelledby': `${titleId} ${descId}`,
      'data-points': withValues.length,
    },
    s('title', { id: titleId }, `Trend of ${page.code} ${page.title}, last ${points.length} periods`),
    s('desc', { id: descId }, description),
    geometry.yTicks.map((tick) => [
      s('line', { class: 'grid', x1: plot.left, x2: plot.right, y1: tick.y, y2: tick.y }),
      s('text', { class: 'tick', x: plot.left - 8, y: tick.y + 4, 'text-anchor': 'end' }, tick.label),
    ]),
    s('line', { class: 'axis', x1: plot.left, x2: plot.right, y1: plot.bottom, y2: plot.bottom }),
    geometry.xLabels.map((label, index, all) =>
      // The last label ends at its point so it never runs off the right edge.
      s('text', { class: 'tick', x: label.x, y: plot.bottom + 20, 'text-anchor': index === all.length - 1 ? 'end' : 'middle' }, label.label),
    ),
    s('text', { class: 'axis-title', x: 14, y: (plot.top + plot.bottom) / 2, transform: `rotate(-90 14 ${(plot.top + plot.bottom) / 2})`, 'text-anchor': 'middle' }, page.unitLabel),
    geometry.targetPath && s('path', { class: 'target-line', d: geometry.targetPath }),
    geometry.valuePath && s('path', { class: 'value-line', d: geometry.valuePath }),
    geometry.markers.map((m) => s('circle', { class: `marker marker-${m.status.toLowerCase().replace('_', '-')}`, cx: m.x, cy: m.y, r: 5 }, s('title', {}, m.text))),
  );

  return h(
    'figure',
    { class: 'trend' },
    chart,
    h(
      'figcaption',
      { class: 'legend' },
      h('span', { class: 'legend-value' }, 'Figure'),
      h('span', { class: 'legend-target' }, 'Target'),
      h('span', { class: 'legend-note' }, 'Each point is coloured by its status; the table gives each status in words.'),
    ),
  );
}

/** The chart's figures as a table, folded away under the chart (the chart's description says it is there). */
export function trendTable(page: IndicatorPageView): HTMLElement {
  const table = h(
    'table',
    { class: 'data-table trend-table' },
    h('caption', { id: 'trend-table-caption' }, `${page.code}: figures for the last ${page.trend.length} periods, newest first`),
    h('thead', {}, h('tr', {}, ['Period', 'Figure', 'Target', 'Status'].map((text) => h('th', { scope: 'col' }, text)))),
    h(
      'tbody',
      {},
      [...page.trend].reverse().map((point) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, point.label),
          h('td', { class: 'number' }, point.valueText ?? 'No figure'),
          h('td', { class: 'number' }, point.targetText ?? 'No target'),
          h('td', {}, statusBadge(point.status, point.statusLabel)),
        ),
      ),
    ),
  );
  return h(
    'details',
    { class: 'trend-details' },
    h('summary', {}, 'Show the figures as a table'),
    h('div', { class: 'table-scroll', role: 'region', 'aria-labelledby': 'trend-table-caption', tabindex: 0 }, table),
  );
}

function lowestAndHighest(points: IndicatorPageView['trend']): string {
  if (points.length < 2) return '';
  const sorted = [...points].sort((a, b) => (a.value ?? 0) - (b.value ?? 0));
  const low = sorted[0]!;
  const high = sorted[sorted.length - 1]!;
  return `Lowest ${low.valueText} (${low.label}), highest ${high.valueText} (${high.label}).`;
}
