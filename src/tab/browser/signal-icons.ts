/**
 * The variation and assurance icons beside a RAG (#17), in the NHS "Making Data Count" style: a
 * small inline SVG, always followed by its short label in words, with the long meaning for screen
 * readers and as a tooltip. The icon is decoration on top of the words, never instead of them.
 */
import type { SignalsView } from '../../app/variation/variation-views';
import { h, s } from './dom';

/** The CSS class (and so the colour) of each variation; the shape inside says the same again. */
const VARIATION_CLASS: Readonly<Record<SignalsView['variation'], string>> = {
  COMMON_CAUSE: 'common',
  SPECIAL_CAUSE_IMPROVEMENT: 'improvement',
  SPECIAL_CAUSE_CONCERN: 'concern',
  SPECIAL_CAUSE_NEITHER: 'neither',
  TOO_FEW_POINTS: 'none',
  NOT_ANALYSED: 'none',
};

/** `hideText`: the long text is hidden for screen readers only; false where it is shown beside the badge anyway. */
export function variationBadge(signals: SignalsView, hideText = true): HTMLElement {
  const kind = VARIATION_CLASS[signals.variation];
  return badge(`variation variation-${kind}`, signals.variation, variationIcon(kind, signals.variationDirection === 'HIGH' ? 'high' : signals.variationDirection === 'LOW' ? 'low' : null), signals.variationLabel, signals.variationText, hideText);
}

/** Null where there is nothing to assure (no limits yet); "No target" is a word with no icon. */
export function assuranceBadge(signals: SignalsView, hideText = true): HTMLElement | null {
  if (!signals.assurance || !signals.assuranceLabel) return null;
  const kind = { CONSISTENTLY_MET: 'met', CONSISTENTLY_MISSED: 'missed', HIT_AND_MISS: 'hit-and-miss', NO_TARGET: 'no-target' }[signals.assurance];
  return badge(`assurance assurance-${kind}`, signals.assurance, assuranceIcon(signals.assurance), signals.assuranceLabel, signals.assuranceText, hideText);
}

function badge(className: string, code: string, icon: SVGElement | null, label: string, text: string | null, hideText: boolean): HTMLElement {
  return h(
    'span',
    { class: `signal ${className}`, 'data-code': code, title: text ?? undefined },
    icon,
    h('span', { class: 'signal-label' }, label),
    hideText && text && text !== label ? h('span', { class: 'visually-hidden' }, `: ${text}`) : null,
  );
}

const ICON = { viewBox: '0 0 20 20', width: 16, height: 16, 'aria-hidden': 'true', focusable: 'false', class: 'signal-icon' } as const;

function variationIcon(kind: string, side: 'high' | 'low' | null): SVGElement {
  if (kind === 'none') return s('svg', ICON, s('circle', { class: 'icon-ring dashed', cx: 10, cy: 10, r: 8 }));
  if (kind === 'common') {
    // A flat run of points inside the ring: nothing but noise.
    return s('svg', ICON, s('circle', { class: 'icon-ring', cx: 10, cy: 10, r: 8 }), s('path', { class: 'icon-stroke', d: 'M5 10 H15' }),
      [6, 10, 14].map((cx) => s('circle', { class: 'icon-fill', cx, cy: 10, r: 1.6 })));
  }
  // Special cause: a filled disc with an arrow towards the side the signal is on.
  const arrow = side === 'high' ? 'M10 15 V5 M6 9 L10 5 L14 9' : side === 'low' ? 'M10 5 V15 M6 11 L10 15 L14 11' : '';
  return s('svg', ICON, s('circle', { class: 'icon-disc', cx: 10, cy: 10, r: 9 }),
    arrow ? s('path', { class: 'icon-knockout', d: arrow }) : s('circle', { class: 'icon-knockout-fill', cx: 10, cy: 10, r: 2.5 }));
}

function assuranceIcon(assurance: NonNullable<SignalsView['assurance']>): SVGElement | null {
  const ring = s('circle', { class: 'icon-ring', cx: 10, cy: 10, r: 8 });
  switch (assurance) {
    case 'CONSISTENTLY_MET':
      return s('svg', ICON, ring, s('path', { class: 'icon-stroke', d: 'M6 10.5 L9 13.5 L14.5 7' }));
    case 'CONSISTENTLY_MISSED':
      return s('svg', ICON, ring, s('path', { class: 'icon-stroke', d: 'M7 7 L13 13 M13 7 L7 13' }));
    case 'HIT_AND_MISS':
      // A wave across the ring: sometimes above the target, sometimes below.
      return s('svg', ICON, ring, s('path', { class: 'icon-stroke', d: 'M5 11 Q7.5 6 10 10 T15 9' }));
    case 'NO_TARGET':
      return null;
  }
}
