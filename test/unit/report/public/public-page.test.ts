/**
 * The public edition's web page, opened in headless Chromium: axe-core finds no serious or critical
 * accessibility problem, its structure is what screen reader users navigate by, it shows the model's
 * figures, names no member of staff, escapes what it is given and asks nothing of any other server.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { sampleQuarterReport } from '../../../../src/app/report/report-samples';
import { publicEdition } from '../../../../src/app/report/public-edition';
import { renderPublicPage } from '../../../../src/report/public/public-page';
import type { QuarterReport } from '../../../../src/app/report/quarter-report-model';
import { launchChromium, seriousAxeViolations } from '../../../support/tab/browser';
import { OUTPUT_DIR } from '../../../support/test-paths';

const committee = sampleQuarterReport(24);
const published = publicEdition(committee);
const htmlOf = (report: QuarterReport) => new TextDecoder().decode(renderPublicPage(report).bytes);

describe('the public web page', () => {
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    page = await browser.newPage();
    requests.length = 0;
    page.on('request', (request) => {
      if (!request.url().startsWith('data:') && request.url() !== 'about:blank') requests.push(request.url());
    });
  });
  afterEach(async () => {
    await page?.close();
  });

  async function open(report: QuarterReport): Promise<void> {
    await page.setContent(htmlOf(report), { waitUntil: 'load' });
  }

  it('has no serious or critical accessibility violations, in English, with one h1 and no heading level skipped', async () => {
    await open(published);
    expect(await seriousAxeViolations(page.mainFrame())).toEqual([]);
    expect(await page.getAttribute('html', 'lang')).toBe('en-GB');
    const levels = await page.$$eval('main h1, main h2, main h3, main h4', (hs) => hs.map((h) => Number(h.tagName[1])));
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
    const tables = await page.$$eval('table', (ts) => ts.map((t) => ({ caption: t.querySelector('caption')?.textContent ?? '', headers: t.querySelectorAll('thead th[scope=col]').length })));
    expect(tables.length).toBeGreaterThan(3);
    for (const table of tables) {
      expect(table.caption).not.toBe('');
      expect(table.headers).toBeGreaterThan(0);
    }
    expect(requests).toEqual([]);
    // For people to look at: test-output/report/public-page.png
    mkdirSync(path.join(OUTPUT_DIR, 'report'), { recursive: true });
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'report', 'public-page.png'), fullPage: true });
    writeFileSync(path.join(OUTPUT_DIR, 'report', 'public-page.html'), htmlOf(published));
  });

  it('shows each published indicator\'s figure, target, status in words and year to date as the model has them', async () => {
    await open(published);
    for (const indicator of published.indicators) {
      const cells = await page.$$eval(`section[aria-labelledby^="priority-"] tr[data-code="${indicator.code}"] td`, (tds) => tds.map((td) => td.textContent?.trim() ?? ''));
      expect(cells[1]).toBe(indicator.figure.text);
      expect(cells[2]).toBe(indicator.target.text);
      expect(cells[3]).toContain(indicator.statusLabel);
      // #16: an estimate, or a figure not yet verified, says so in words.
      if (indicator.qualityText) expect(cells[3]).toMatch(/\((estimate|provisional: not yet verified|estimate; provisional: not yet verified)\)$/);
      else expect(cells[3]).not.toMatch(/estimate|provisional/);
      expect(cells[4]).toContain(indicator.yearToDate.text);
    }
    expect(published.indicators.some((x) => x.qualityText)).toBe(true);
    const overall = await page.$$eval('#counts-overall ~ tbody td, table:has(#counts-overall) tbody td', (tds) => tds.map((td) => td.textContent));
    const q = published.overall.quarter;
    expect(overall.slice(0, 7).map(Number)).toEqual([q.GREEN, q.AMBER, q.RED, q.DATA_ONLY, q.MISSING, q.DUE, q.total]);
    const exceptionCodes = await page.$$eval('section.exception', (ss) => ss.map((s) => s.getAttribute('data-code')));
    expect(exceptionCodes).toEqual(published.exceptions.map((x) => x.code));
  });

  it('names no member of staff and leaves out what the council does not publish', async () => {
    await open(published);
    const text = await page.evaluate(() => document.documentElement.outerHTML);
    const names = new Set<string>();
    for (const x of committee.indicators) if (x.ownerName) names.add(x.ownerName);
    for (const x of committee.exceptions) for (const a of x.actions) if (a.leadName) names.add(a.leadName);
    names.add('Aisha Okoro'); // quoted in the sample's Board commentary
    for (const name of names) expect(text).not.toContain(name);
    for (const hidden of committee.indicators.filter((x) => !x.public)) expect(await page.$(`tr[data-code="${hidden.code}"]`)).toBeNull();
    expect(() => renderPublicPage(committee)).toThrow(/public edition only/);
  });

  it('shows a title with markup in it as text: nothing given to it becomes part of the page', async () => {
    const [first, ...rest] = published.indicators;
    const hostile = '<script>window.__ran = true</script><img src=x onerror="window.__ran = true">';
    await open({ ...published, organisation: 'Fenmarsh & District <Council>', indicators: [{ ...first!, title: hostile }, ...rest] });
    expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran ?? false)).toBe(false);
    expect(await page.$$('script, img')).toHaveLength(0);
    expect(await page.textContent(`tr[data-code="${first!.code}"] th`)).toContain(hostile);
    expect(await page.title()).toContain('Fenmarsh & District <Council>');
  });
});
