/**
 * The app package's two icons as Teams requires them: color.png a 192x192 full-colour PNG, and
 * outline.png a 32x32 PNG drawn in white on a transparent background.
 */
import { decodeRgba, readPngInfo, NotAPngError } from './png';

export const ICON_FILES = { color: 'color.png', outline: 'outline.png' } as const;
export const ICON_SIZES = { color: 192, outline: 32 } as const;

/** Every problem with the icons, in words; empty when both are right. */
export function iconProblems(icons: { readonly color: Buffer; readonly outline: Buffer }): string[] {
  const problems: string[] = [];
  for (const kind of ['color', 'outline'] as const) {
    const size = ICON_SIZES[kind];
    try {
      const info = readPngInfo(icons[kind]);
      if (info.width !== size || info.height !== size) {
        problems.push(`${ICON_FILES[kind]} is ${info.width}x${info.height}; Teams needs ${size}x${size}`);
      }
    } catch (error) {
      if (error instanceof NotAPngError) problems.push(`${ICON_FILES[kind]}: ${error.message}`);
      else throw error;
    }
  }
  if (problems.length === 0) problems.push(...outlineProblems(icons.outline));
  return problems;
}

/** Every pixel of the outline icon must be transparent, or white (any opacity, for smooth edges). */
function outlineProblems(outline: Buffer): string[] {
  const pixels = decodeRgba(outline);
  if (!pixels) return [`${ICON_FILES.outline} must be an 8-bit RGBA PNG so that its transparency can be checked`];
  let coloured = 0;
  let transparent = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    const [r, g, b, a] = [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!, pixels[i + 3]!];
    if (a === 0) transparent++;
    else if (r !== 255 || g !== 255 || b !== 255) coloured++;
  }
  const problems: string[] = [];
  if (coloured > 0) problems.push(`${ICON_FILES.outline} has ${coloured} pixels that are neither white nor transparent`);
  if (transparent === 0) problems.push(`${ICON_FILES.outline} has no transparent background`);
  return problems;
}
