/**
 * Renders the Performance Board's cards with the adaptivecards renderer in headless Chromium
 * (scripts/render-cards.ts), every state of each, and checks the PNGs and the HTML: the cards
 * really rendered, the charts as their fallbacks (as on iOS), mentions as Teams shows them.
 *
 * Needs Debian's Chromium at /usr/bin/chromium (or CHROMIUM_PATH). Without it this test fails: it
 * does not skip.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { boardSampleCards, chromiumPath, isExpectedParseMessage, renderCardsToPng, type RenderedCard } from '../../../scripts/render-cards';
import { SAMPLE_DIGEST, SAMPLE_PLAN_ERRORS } from '../../../src/cards/board/board-samples';
import { MAX_PLAN_ACTIONS } from '../../../src/cards';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(png: Buffer): { width: number; height: number } {
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG: bad signature');
  if (png.subarray(12, 16).toString('ascii') !== 'IHDR') throw new Error('not a PNG: IHDR is not the first chunk');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

// The 1000-indicator digest is thousands of pixels tall: the size tests cover it, not this one.
const CARDS = boardSampleCards().filter((c) => c.name !== 'board-digest-1000');
const WITH_CHARTS = ['board-digest', 'board-digest-quarter-end', 'board-thread-red', 'board-thread-amber'];

describe('rendering the Performance Board cards to PNG', () => {
  let outDir: string;
  let rendered: Map<string, RenderedCard>;
  const html = (name: string) => rendered.get(name)!.html;
  const height = (name: string) => pngSize(readFileSync(rendered.get(name)!.pngPath)).height;

  beforeAll(async () => {
    const executable = chromiumPath();
    if (!existsSync(executable)) {
      throw new Error(
        `Chromium is not at ${executable}: install Debian's chromium (sudo apt-get install chromium), ` +
          'or set CHROMIUM_PATH to a Chromium binary. This test renders cards and does not skip without it.',
      );
    }
    outDir = mkdtempSync(path.join(os.tmpdir(), 'board-render-'));
    rendered = new Map((await renderCardsToPng(CARDS, outDir)).map((r) => [r.name, r]));
  }, 120_000);

  afterAll(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('renders the digest, both thread messages, the plan and the approval card in each state, the reminder, and the exception\'s update, closing and recovery check', () => {
    expect([...rendered.keys()]).toEqual([
      'board-digest',
      'board-digest-quarter-end',
      'board-thread-red',
      'board-thread-amber',
      'board-plan-draft',
      'board-plan-errors',
      'board-plan-submitted',
      'board-plan-sent-back',
      'board-plan-approved',
      'board-approval-director',
      'board-approval-read-only',
      'board-approval-comment-error',
      'board-approval-approved',
      'board-approval-sent-back',
      'board-approval-superseded',
      'board-overdue-reminder',
      'board-overdue-done',
      'board-thread-update',
      'board-thread-update-recovery-overdue',
      'board-thread-closing',
      'board-recovery-check',
      'board-recovery-check-error',
      'board-recovery-check-decided',
    ]);
  });

  it('writes real PNGs of plausible size: about a Teams column wide, taller than a header', () => {
    for (const r of rendered.values()) {
      expect(path.basename(r.pngPath)).toBe(`${r.name}.png`);
      const { width, height: h } = pngSize(readFileSync(r.pngPath));
      expect(width).toBeGreaterThanOrEqual(300);
      expect(width).toBeLessThanOrEqual(800);
      expect(h).toBeGreaterThan(200);
    }
    // Forms are much taller than the read-only cards; the digest is long.
    expect(height('board-plan-draft')).toBeGreaterThan(2 * height('board-plan-submitted'));
    expect(height('board-plan-errors')).toBeGreaterThan(height('board-plan-draft'));
    expect(height('board-digest')).toBeGreaterThan(1000);
  });

  it('has no parser message but the chart fallback notice, once per chart', () => {
    for (const r of rendered.values()) {
      expect(r.parseMessages.filter((m) => !isExpectedParseMessage(m))).toEqual([]);
      expect(r.parseMessages).toHaveLength(WITH_CHARTS.includes(r.name) ? 1 : 0);
    }
  });

  it('draws the charts as their fallbacks, and mentions as @name', () => {
    expect(html('board-digest')).toContain('Share of 20 indicators: 55% green');
    expect(html('board-thread-red')).toContain('Last 12 periods: Nov');
    expect(html('board-thread-red')).toContain('@Gareth Lewis');
    expect(html('board-thread-red')).not.toContain('&lt;at&gt;');
    expect(html('board-thread-amber')).toContain('Rachel Moore');
    expect(html('board-thread-amber')).toContain('Ask for an action plan');
  });

  it('renders the digest: totals, the counts tables and the lists', () => {
    const digest = html('board-digest');
    expect(digest).toContain('Performance Board digest: October 2026');
    for (const g of [...SAMPLE_DIGEST.byLens, ...SAMPLE_DIGEST.byDirectorate]) expect(digest).toContain(g.name);
    for (const a of SAMPLE_DIGEST.attention) expect(digest).toContain(a.code);
    expect(digest).toContain('Celebrating success');
    expect(digest).not.toMatch(/<input|<textarea|<button/);
  });

  it('renders the plan form with its inputs, its errors in place and its button', () => {
    for (const name of ['board-plan-draft', 'board-plan-errors', 'board-plan-sent-back']) {
      expect(html(name).match(/<textarea/g)).toHaveLength(MAX_PLAN_ACTIONS);
      expect(html(name).match(/<input[^>]*type="date"/g)).toHaveLength(MAX_PLAN_ACTIONS);
    }
    expect(html('board-plan-draft')).toContain('Submit plan');
    expect(html('board-plan-sent-back')).toContain('Resubmit plan (version 2)');
    for (const e of [SAMPLE_PLAN_ERRORS.actionInputs[1]!.error!, SAMPLE_PLAN_ERRORS.errors.likelySufficient!]) {
      expect(html('board-plan-errors')).toContain(e);
    }
    for (const name of ['board-plan-submitted', 'board-plan-approved']) expect(html(name)).not.toMatch(/<input|<textarea|<button/);
  });

  it('renders the approval card: buttons only for the deciding view, the comment inline when refused', () => {
    expect(html('board-approval-director')).toMatch(/<button[^>]*>[\s\S]*Approve/);
    expect(html('board-approval-director')).toContain('Send back with a comment');
    expect(html('board-approval-comment-error')).toMatch(/<textarea/);
    expect(html('board-approval-comment-error')).toContain('Say why you are sending the plan back');
    for (const name of ['board-approval-read-only', 'board-approval-approved', 'board-approval-sent-back', 'board-approval-superseded']) {
      expect(html(name)).not.toMatch(/<input|<textarea|<button/);
    }
    expect(html('board-approval-read-only')).toContain('Only Marcus Webb');
    expect(html('board-approval-superseded')).toContain('Superseded by a later version');
  });
});
