/**
 * The indicator page's XmR chart (#17) as inline SVG: one image whose title and description say in
 * words what the series is, where its lines are, the verdict, the assurance and which points are
 * signals, drawn from xmrGeometry; then a legend in words and the points as a table. Without an
 * analysis (too few points) only the words are shown.
 */
import type { XmrChartView, XmrPointView } from '../../app/variation/variation-views';
import { h, s, type Child } from './dom';
import { assuranceBadge, variationBadge } from './signal-icons';
import { SIGNAL_SHAPES, xmrGeometry, type XmrMarker, type XmrSignal } from './xmr-chart-geometry';

/** Above this many points the table is folded away under the chart. */
const TABLE_OPEN_UP_TO = 12;

const SIGNAL_WORDS: Readonly<Record<XmrSignal, string>> = {
  IMPROVEMENT: 'Improvement',
  CONCERN: 'Concern',
  NEITHER: 'Neither improvement nor concern',
};

export function xmrContent(xmr: XmrChartView, code: string, unitLabel: string): Child[] {
  const verdict = h(
    'div',
    { class: 'signal-summary' },
    h('p', {}, variationBadge(xmr.signals, false), ' ', h('span', { class: 'signal-text' }, xmr.signals.variationText)),
    xmr.signals.assuranceText && h('p', {}, assuranceBadge(xmr.signals, false), ' ', h('span', { class: 'signal-text' }, xmr.signals.assuranceText)),
  );
  if (!xmr.analysed || xmr.points.length === 0) return [verdict];
  return [verdict, xmrChart(xmr, code, unitLabel), xmrTable(xmr, code)];
}

function xmrChart(xmr: XmrChartView, code: string, unitLabel: string): HTMLElement {
  const g = xmrGeometry(xmr);
  const { plot } = g;
  const first = xmr.points[0]!;
  const last = xmr.points[xmr.points.length - 1]!;
  const present = (Object.keys(SIGNAL_SHAPES) as XmrSignal[]).filter((signal) => xmr.points.some((p) => p.signal === signal));

  const chart = s(
    'svg',
    {
      class: 'xmr-chart',
      viewBox: `0 0 ${g.width} ${g.height}`,
      role: 'img',
      'aria-labelledby': 'xmr-title xmr-desc',
      'data-points': xmr.points.length,
    },
    s('title', { id: 'xmr-title' }, `XmR chart of ${code}, ${first.label} to ${last.label}`),
    s('desc', { id: 'xmr-desc' }, describe(xmr)),
    g.yTicks.map((tick) => [
      s('line', { class: 'grid', x1: plot.left, x2: plot.right, y1: tick.y, y2: tick.y }),
      s('text', { class: 'tick', x: plot.left - 8, y: tick.y + 4, 'text-anchor': 'end' }, tick.label),
    ]),
    s('line', { class: 'axis', x1: plot.left, x2: plot.right, y1: plot.bottom, y2: plot.bottom }),
    g.xLabels.map((label, index, all) =>
      s('text', { class: 'tick', x: label.x, y: plot.bottom + 20, 'text-anchor': index === all.length - 1 ? 'end' : 'middle' }, label.label),
    ),
    s('text', { class: 'axis-title', x: 14, y: (plot.top + plot.bottom) / 2, transform: `rotate(-90 14 ${(plot.top + plot.bottom) / 2})`, 'text-anchor': 'middle' }, unitLabel),
    g.rebaseRules.map((rule) => [
      s('line', { class: 'rebase-rule', x1: rule.x, x2: rule.x, y1: plot.top - 4, y2: plot.bottom }),
      s('text', { class: 'rebase-label', x: rule.x + 4, y: plot.top - 10 }, `Rebased ${rule.label}`),
    ]),
    g.targetPath && s('path', { class: 'xmr-target', d: g.targetPath }),
    s('path', { class: 'xmr-limit', d: g.upperPath }),
    s('path', { class: 'xmr-limit', d: g.lowerPath }),
    s('path', { class: 'xmr-mean', d: g.meanPath }),
    s('path', { class: 'xmr-value', d: g.valuePath }),
    g.markers.map((m) => marker(m)),
  );

  return h(
    'figure',
    { class: 'xmr' },
    chart,
    h(
      'figcaption',
      { class: 'legend xmr-legend' },
      h('span', { class: 'legend-xmr-value' }, xmr.seriesText),
      h('span', { class: 'legend-xmr-mean' }, 'Average'),
      h('span', { class: 'legend-xmr-limit' }, 'Process limits'),
      xmr.target !== null && h('span', { class: 'legend-xmr-target' }, `Target${xmr.targetText ? ` ${xmr.targetText}` : ''}`),
      xmr.rebasedAt.length > 0 && h('span', { class: 'legend-xmr-rebase' }, 'Process rebased'),
      present.map((signal) => h('span', { class: 'legend-signal', 'data-signal': signal }, legendShape(signal), SIGNAL_WORDS[signal])),
    ),
  );
}

/** The chart in words: series, lines, verdict, assurance, and each signal point. */
function describe(xmr: XmrChartView): string {
  const signals = xmr.points.filter((p) => p.signal !== null);
  return [
    `${xmr.seriesText}, ${xmr.points.length} points from ${xmr.points[0]!.label} to ${xmr.points[xmr.points.length - 1]!.label}.`,
    xmr.linesText ? sentence(xmr.linesText) : '',
    xmr.targetText ? sentence(`Target ${xmr.targetText}`) : '',
    xmr.rebasedAt.length > 0 ? `The process was rebased in ${xmr.rebasedAt.map((r) => r.label).join(', ')}.` : '',
    sentence(xmr.signals.variationText),
    xmr.signals.assuranceText ? sentence(xmr.signals.assuranceText) : '',
    signals.length === 0
      ? 'No point is a signal.'
      : `Signals: ${signals.map((p) => `${p.label} ${p.valueText}, ${SIGNAL_WORDS[p.signal!].toLowerCase()}${p.signalText ? ` (${p.signalText})` : ''}`).join('; ')}.`,
    'The points are in a table after the chart.',
  ].filter(Boolean).join(' ');
}

/** The server's texts may or may not end with a full stop. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function marker(m: XmrMarker): SVGElement {
  const className = `xmr-marker ${m.signal ? `signal-${m.signal.toLowerCase()}` : 'plain'}`;
  // The legend's sample shapes have no text, so no tooltip.
  const tooltip = m.text ? s('title', {}, m.text) : null;
  switch (m.shape) {
    case 'circle':
      return s('circle', { class: className, cx: m.x, cy: m.y, r: 6 }, tooltip);
    case 'square':
      return s('rect', { class: className, x: m.x - 5.5, y: m.y - 5.5, width: 11, height: 11 }, tooltip);
    case 'diamond':
      return s('path', { class: className, d: `M${m.x} ${m.y - 7} L${m.x + 7} ${m.y} L${m.x} ${m.y + 7} L${m.x - 7} ${m.y} Z` }, tooltip);
    case 'dot':
      return s('circle', { class: className, cx: m.x, cy: m.y, r: 3 }, tooltip);
  }
}

function legendShape(signal: XmrSignal): SVGElement {
  const shape = SIGNAL_SHAPES[signal];
  return s('svg', { class: 'legend-shape', viewBox: '0 0 16 16', width: 16, height: 16, 'aria-hidden': 'true', focusable: 'false' },
    marker({ x: 8, y: 8, signal, shape, text: '' }));
}

function xmrTable(xmr: XmrChartView, code: string): HTMLElement {
  const table = h(
    'table',
    { class: 'data-table xmr-table' },
    h('caption', { id: 'xmr-table-caption' }, `${code}: the ${xmr.points.length} points of the XmR chart, newest first`),
    h('thead', {}, h('tr', {}, ['Period', 'Figure', 'Signal'].map((text) => h('th', { scope: 'col' }, text)))),
    h('tbody', {}, [...xmr.points].reverse().map((p) => pointRow(p))),
  );
  const scroll = h('div', { class: 'table-scroll', role: 'region', 'aria-labelledby': 'xmr-table-caption', tabindex: 0 }, table);
  if (xmr.points.length <= TABLE_OPEN_UP_TO) return scroll;
  return h('details', { class: 'trend-details xmr-details' }, h('summary', {}, 'Show the points as a table'), scroll);
}

function pointRow(p: XmrPointView): HTMLElement {
  return h(
    'tr',
    { 'data-period': p.period, 'data-signal': p.signal ?? undefined },
    h('th', { scope: 'row' }, p.label),
    h('td', { class: 'number' }, p.valueText),
    h('td', {}, p.signal ? `${SIGNAL_WORDS[p.signal]}${p.signalText ? `: ${p.signalText}` : ''}` : 'None'),
  );
}
