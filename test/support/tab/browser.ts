/**
 * Headless Chromium (Debian's, through playwright-core) for the tab's browser tests: launching it,
 * running axe-core in the tab's frame, and saving screenshots of the whole tab for people to look at.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { OUTPUT_DIR, ROOT } from '../test-paths';

export const SCREENSHOT_DIR = path.join(OUTPUT_DIR, 'tab');

export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium is not at ${executablePath}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

let axeSource: string | null = null;

/**
 * Runs every axe-core rule (WCAG 2.0 to 2.2 A and AA, and best practice) in the frame and returns
 * the serious and critical violations. axe is evaluated in the frame rather than added as a script
 * tag, so the tab's own Content-Security-Policy stays in force during the test.
 */
export async function seriousAxeViolations(frame: Frame): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  await frame.evaluate(`${axeSource}\n;void 0;`);
  const violations = await frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** The frame holding the tab inside the host page. */
export async function tabFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe#tab');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the host page has no tab frame');
  return frame;
}

/** Saves test-output/tab/<name>.png: the host page with the tab frame stretched to its full height. */
export async function screenshotTab(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  if (frame) {
    const height = await frame.evaluate(() => document.documentElement.scrollHeight);
    await page.evaluate((h) => {
      document.body.style.height = 'auto';
      document.getElementById('tab')!.style.height = `${h}px`;
    }, height);
  }
  await page.screenshot({ path: file, fullPage: true });
  if (frame) {
    await page.evaluate(() => {
      document.body.style.height = '';
      document.getElementById('tab')!.style.height = '';
    });
  }
  return file;
}

/** Saves a screenshot of a page that is the tab itself (no host), as when opened outside Teams. */
export async function screenshotPage(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
