/** A chart as every builder returns it: the SVG, its size in CSS pixels and the sentence a screen reader reads instead. */
export interface Chart {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  /** Short name for the image ("Status of indicators by lens"). */
  readonly title: string;
  /** The numbers in words, so nobody needs to see the picture to get its message. */
  readonly altText: string;
}

/** Escapes text for an SVG text node or attribute. */
export function escapeSvg(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The font stack the charts ask for: whatever sans-serif the machine has (resvg falls back itself). */
export const CHART_FONT = 'Arial, Liberation Sans, DejaVu Sans, sans-serif';
