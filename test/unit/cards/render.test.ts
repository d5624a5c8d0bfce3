/**
 * Renders the entry card with the adaptivecards renderer in headless Chromium (scripts/render-cards.ts)
 * and checks the PNG and the HTML: the card really rendered, at a plausible size.
 *
 * Needs Debian's Chromium at /usr/bin/chromium (or CHROMIUM_PATH). Without it this test fails: it
 * does not skip.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildEntryCard } from '../../../src/cards';
import { SAMPLE_ENTRY_CLOSED, SAMPLE_ENTRY_OPEN } from '../../../src/cards/samples';
import { chromiumPath, renderCardsToPng, type RenderedCard } from '../../../scripts/render-cards';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, which must come first. */
function pngSize(png: Buffer): { width: number; height: number } {
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG: bad signature');
  if (png.subarray(12, 16).toString('ascii') !== 'IHDR') throw new Error('not a PNG: IHDR is not the first chunk');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('rendering cards to PNG', () => {
  let outDir: string;
  let rendered: RenderedCard[];

  beforeAll(async () => {
    const executable = chromiumPath();
    if (!existsSync(executable)) {
      throw new Error(
        `Chromium is not at ${executable}: install Debian's chromium (sudo apt-get install chromium), ` +
          'or set CHROMIUM_PATH to a Chromium binary. This test renders cards and does not skip without it.',
      );
    }
    outDir = mkdtempSync(path.join(os.tmpdir(), 'cards-render-'));
    rendered = await renderCardsToPng(
      [
        { name: 'entry-open', card: buildEntryCard(SAMPLE_ENTRY_OPEN) },
        { name: 'entry-closed', card: buildEntryCard(SAMPLE_ENTRY_CLOSED) },
      ],
      outDir,
    );
  }, 60_000);

  afterAll(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('writes one PNG per card, named after the card', () => {
    expect(rendered.map((r) => path.relative(outDir, r.pngPath))).toEqual(['entry-open.png', 'entry-closed.png']);
    for (const r of rendered) expect(existsSync(r.pngPath)).toBe(true);
  });

  it('writes real PNGs of plausible size: about a Teams column wide, taller than a header', () => {
    for (const r of rendered) {
      const { width, height } = pngSize(readFileSync(r.pngPath));
      expect(width).toBeGreaterThanOrEqual(300);
      expect(width).toBeLessThanOrEqual(800);
      expect(height).toBeGreaterThan(200);
    }
    // The open card, with inputs and two narrative forms, is much taller than the closed one.
    const [openPng, closedPng] = rendered.map((r) => pngSize(readFileSync(r.pngPath)));
    expect(openPng!.height).toBeGreaterThan(closedPng!.height);
  });

  it('renders the cards themselves (indicator titles, inputs, buttons), with no parser messages', () => {
    const [openCard, closedCard] = rendered;
    for (const row of SAMPLE_ENTRY_OPEN.rows) {
      expect(openCard!.html).toContain(row.title);
      expect(closedCard!.html).toContain(row.title);
    }
    expect(openCard!.html).toContain('Performance figures for October 2026');
    expect(openCard!.html).toContain('Submit values');
    expect(openCard!.html).toContain('Save narrative for SRV01');
    expect(openCard!.html.match(/<input[^>]*type="number"/g)).toHaveLength(SAMPLE_ENTRY_OPEN.rows.length);
    expect(closedCard!.html).not.toMatch(/<input|<textarea|<button/);
    expect(closedCard!.html).toContain('October 2026 is closed for entry.');
    for (const r of rendered) expect(r.parseMessages).toEqual([]);
  });
});
