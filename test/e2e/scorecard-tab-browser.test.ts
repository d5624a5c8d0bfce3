/**
 * The Scorecard tab in headless Chromium: the real server (as `npm start` runs it, with the demo
 * register) framed by a stand-in Teams host that answers teams-js and hands the tab a token minted
 * by a local Entra ID stand-in. Checks what people see (counts, filters, the indicator page, themes,
 * "my indicators", the channel tab's configuration), runs axe-core on each page and saves
 * screenshots to test-output/tab/.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import type { RunningServer } from '../support/child-process';
import { EntraStandIn, ENTRA_TENANT_ID, type EntraUser } from '../support/teams/entra-stand-in';
import { TeamsHostStandIn } from '../support/teams/teams-host-stand-in';
import { screenshotPage, screenshotTab, seriousAxeViolations, tabFrame } from '../support/tab/browser';
import { startTabInTeams, TAB_APP_ID, TAB_HOSTNAME } from '../support/tab/tab-in-teams';
import { expectedScorecard, type ExpectedScorecard } from '../support/tab/expected-scorecard';
import { DEMO_PEOPLE } from '../../src/demo/demo-people';
import { DEMO_EVENTS } from '../../src/demo/demo-indicators';
import { LENSES, type Status } from '../../src/domain/types';
import { parsePeriod, periodKey, periodShortLabel } from '../../src/domain/periods';
import { lastMonthOf } from '../../src/app/scorecard/as-at';
import { CLOCK_START, monthsBeforeOpen } from '../support/clock-start';

const AUDIENCE = `api://${TAB_HOSTNAME}/${TAB_APP_ID}`;

const asUser = (p: { aadObjectId: string; email: string; name: string }): EntraUser => ({ oid: p.aadObjectId, email: p.email, name: p.name });
const admin = asUser(DEMO_PEOPLE.performanceLead);
const gareth = asUser(DEMO_PEOPLE.benefitsManager);
const stranger: EntraUser = { oid: '0f0e0d0c-0b0a-4909-8807-060504030201', email: 'sam.visitor@elsewhere.gov.uk', name: 'Sam Visitor' };


describe('the Scorecard tab in Teams, in headless Chromium', () => {
  const entra = new EntraStandIn(AUDIENCE);
  const host = new TeamsHostStandIn();
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let tab: Frame;
  let expected: ExpectedScorecard;
  const apiCalls: string[] = [];

  async function signIn(user: EntraUser): Promise<void> {
    host.user = { ...user, tenantId: ENTRA_TENANT_ID };
    host.token = await entra.accessToken(user);
  }

  /** Opens the tab inside the host page and waits for its first heading. */
  async function openInTeams(search = '', options: { theme?: 'default' | 'dark' | 'contrast'; frameContext?: 'content' | 'settings'; path?: string } = {}): Promise<Frame> {
    await page.goto(host.url(`${server.baseUrl}${options.path ?? '/tab/scorecard'}${search}`, options));
    tab = await tabFrame(page);
    await tab.waitForSelector('main h1');
    return tab;
  }

  async function expectAccessible(frame: Frame): Promise<void> {
    expect(await seriousAxeViolations(frame)).toEqual([]);
  }

  const rowCodes = async () => tab.$$eval('table.indicator-table tbody tr', (rows) => rows.map((r) => r.getAttribute('data-code')));

  beforeAll(async () => {
    await Promise.all([entra.start(), host.start()]);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'perfbot-tab-'));
    ({ server, browser, context, page } = await startTabInTeams({
      databaseUrl: `pglite:${path.join(dir, 'pgdata')}`, entra, host,
      // Only the register's people, so someone from the council's tenant who is not in it is told whom to ask.
      env: { TAB_READERS: 'register' },
    }));
    context.on('request', (request) => {
      if (request.url().includes('/api/tab/')) apiCalls.push(new URL(request.url()).pathname);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await Promise.all([entra.stop(), host.stop()]);
  });

  it('outside Teams, says how to open it in Teams and asks for no data', async () => {
    const direct = await context.newPage();
    try {
      await direct.goto(`${server.baseUrl}/tab/scorecard`);
      await direct.waitForSelector('main h1');
      expect(await direct.textContent('main h1')).toBe('Open the Scorecard in Microsoft Teams');
      expect(await direct.textContent('main')).toMatch(/Select Apps, find "Performance"/);
      expect(await direct.isHidden('#app-nav')).toBe(true);
      await expectAccessible(direct.mainFrame());
      await screenshotPage(direct, 'outside-teams');
    } finally {
      await direct.close();
    }
    expect(apiCalls).toEqual([]);
  });

  it('signs in with the Teams token and shows the right count of each status in the five lenses', async () => {
    await signIn(admin);
    await openInTeams();
    expect(await tab.textContent('main h1')).toBe('Balanced scorecard');
    const month = await tab.$eval('#month', (select) => (select as HTMLSelectElement).value);
    expect(month).toBe(monthsBeforeOpen(1)); // the latest closed month on the server's clock
    // The demo as the server loaded it: at CLOCK_START, when the server started.
    expected = await expectedScorecard(new Date(CLOCK_START), month);

    const shown = await tab.$$eval('.lens-card', (cards) =>
      cards.map((card) => ({
        lens: card.getAttribute('data-lens'),
        counts: Object.fromEntries(Array.from(card.querySelectorAll('.status-counts li')).map((li) => [li.getAttribute('data-status'), Number(li.querySelector('.count')!.textContent)])) as Record<string, number>,
      })),
    );
    expect(shown.map((c) => c.lens)).toEqual([...LENSES]);
    for (const card of shown) {
      const want = expected.counts.get(card.lens!) ?? new Map<Status, number>();
      for (const status of ['RED', 'AMBER', 'GREEN'] as const) expect([card.lens, status, card.counts[status]]).toEqual([card.lens, status, want.get(status) ?? 0]);
      for (const [status, count] of want) expect([card.lens, status, card.counts[status]]).toEqual([card.lens, status, count]);
    }
    expect(shown.reduce((sum, c) => sum + Object.values(c.counts).reduce((a, b) => a + b, 0), 0)).toBe(22);
    expect(await rowCodes()).toHaveLength(22);
    // One request for the whole page, authenticated with the token Teams handed over.
    expect(apiCalls).toEqual(['/api/tab/scorecard']);
    expect(host.tokenRequests).toBeGreaterThanOrEqual(1);

    await expectAccessible(tab);
    await screenshotTab(page, 'scorecard-light');
  });

  it('filters the list by lens, directorate, status and owner, in the page and its URL, with no further requests', async () => {
    const before = apiCalls.length;
    const codesWhere = (test: (code: string) => boolean) => [...expected.statuses.keys()].filter(test).sort();

    await tab.selectOption('#filter-lens', 'FINANCE');
    expect((await rowCodes()).sort()).toEqual(codesWhere((code) => expected.indicators.get(code)!.lens === 'FINANCE'));
    expect(await tab.textContent('#result-count')).toMatch(/^Showing 3 of 22 indicators: Finance lens$/);
    expect(new URL(tab.url()).searchParams.get('lens')).toBe('FINANCE');

    await tab.selectOption('#filter-lens', '');
    await tab.selectOption('#filter-status', 'RED');
    expect((await rowCodes()).sort()).toEqual(codesWhere((code) => expected.statuses.get(code) === 'RED'));
    await tab.selectOption('#filter-directorate', 'Resources');
    expect((await rowCodes()).sort()).toEqual(
      codesWhere((code) => expected.statuses.get(code) === 'RED' && expected.indicators.get(code)!.directorate === 'Resources'),
    );
    await screenshotTab(page, 'scorecard-filtered');

    await tab.click('text=Clear filters');
    await tab.selectOption('#filter-owner', { label: 'Rachel Moore' });
    expect((await rowCodes()).sort()).toEqual(['CUS01', 'CUS02', 'CUS03', 'CUS04']);

    await tab.click('text=Clear filters');
    await tab.click('.lens-card[data-lens="PEOPLE"] button');
    expect((await rowCodes()).sort()).toEqual(['PPL01', 'PPL02']);
    expect(await tab.$eval('#filter-lens', (select) => document.activeElement === select)).toBe(true);

    // Filters work from the keyboard alone.
    await tab.click('text=Clear filters');
    await tab.focus('#filter-status');
    await page.keyboard.press('ArrowDown'); // the first status, Red
    expect((await rowCodes()).sort()).toEqual(codesWhere((code) => expected.statuses.get(code) === 'RED'));
    await tab.click('text=Clear filters');
    expect(await rowCodes()).toHaveLength(22);
    expect(apiCalls.length).toBe(before);
  });

  it('offers every month and quarter with figures, newest first, and shows a quarter as at its last month', async () => {
    const group = (label: string) =>
      tab.$$eval(`#month optgroup[label="${label}"] option`, (options) => options.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })));
    const months = await group('Months');
    const quarters = await group('Quarters');
    const shownMonth = await tab.$eval('#month', (select) => (select as HTMLSelectElement).value);
    // The demo has monthly figures from April 2024 up to the month open for entry (last month).
    expect(months[0]!.value).toBe(monthsBeforeOpen(0));
    expect(months.at(-1)!.value).toBe('2024-04');
    expect(months.map((m) => m.value)).toEqual(months.map((m) => m.value).sort().reverse());
    expect(months.map((m) => m.value)).toContain(shownMonth);
    expect(months[0]!.text).toMatch(/^[A-Z][a-z]+ \d{4}$/); // "October 2026"
    expect(quarters.at(-1)).toEqual({ value: '2024/25 Q1', text: 'Q1 2024/25 (Apr–Jun 2024)' });
    expect(quarters.map((q) => q.value)).toEqual(quarters.map((q) => q.value).sort().reverse());

    // A quarter that has ended: its scorecard is its last month's.
    const quarter = quarters[1]!;
    await tab.selectOption('#month', quarter.value);
    await tab.waitForFunction((label) => document.querySelector('#lenses-heading')?.textContent === `The five lenses, ${label}`, quarter.text);
    expect(new URL(tab.url()).searchParams.get('month')).toBe(quarter.value);
    const parsed = parsePeriod(quarter.value);
    if (!parsed.ok || parsed.value.kind !== 'QUARTER') throw new Error(`not a quarter: ${quarter.value}`);
    const lastMonth = periodKey(lastMonthOf(parsed.value));
    const asAt = await expectedScorecard(new Date(CLOCK_START), lastMonth);
    expect(await rowCodes()).toHaveLength(22);
    expect(await tab.textContent('tr[data-code="SRV03"] td:nth-of-type(4)')).toBe(periodShortLabel(parsed.value));
    expect(await tab.textContent('tr[data-code="SRV01"] td:nth-of-type(4)')).toBe(periodShortLabel(lastMonthOf(parsed.value)));
    for (const code of ['SRV01', 'SRV03', 'FIN03', 'PPL02']) {
      expect([code, await tab.getAttribute(`tr[data-code="${code}"] td [data-status]`, 'data-status')]).toEqual([code, asAt.statuses.get(code)]);
    }

    await tab.selectOption('#month', shownMonth);
    await tab.waitForFunction((value) => new URL(location.href).searchParams.get('month') === value, shownMonth);
    await tab.waitForSelector('tr[data-code="FIN03"]');
  });

  it('opens an indicator page with its trend chart against target and the history of a corrected value', async () => {
    await tab.click('tr[data-code="FIN03"] th a');
    await tab.waitForSelector('svg.trend-chart');
    expect(await tab.textContent('main h1')).toBe('FIN03 Undisputed invoices paid within 30 days');
    expect(await tab.$$eval('svg.trend-chart circle.marker', (markers) => markers.length)).toBe(24);
    expect(await tab.$eval('svg.trend-chart', (svg) => svg.getAttribute('role'))).toBe('img');
    expect(await tab.$eval('svg.trend-chart desc', (d) => d.textContent)).toMatch(/Latest \d+\.\d% against a target of 90\.0%/);
    expect(await tab.$('svg.trend-chart path.target-line')).not.toBeNull();
    expect(await tab.$$eval('table.trend-table tbody tr', (rows) => rows.length)).toBe(24);
    expect(await tab.textContent('main')).toMatch(/No thread commentary has been recorded\./);
    expect(await tab.textContent('main')).toMatch(/No action plan has been recorded\./);

    // The scripted correction, two months before the month open for entry.
    const corrected = await tab.$$eval('#indicator-period option', (options) => options.map((o) => (o as HTMLOptionElement).value));
    const period = corrected.find((p) => p === correctionPeriod());
    expect(period).toBeDefined();
    await tab.selectOption('#indicator-period', period!);
    await tab.waitForSelector('table.history-table tbody tr[data-version="2"]');
    const history = await tab.$$eval('table.history-table tbody tr', (rows) => rows.map((r) => Array.from(r.children).map((c) => c.textContent?.trim())));
    expect(history).toHaveLength(2);
    expect(history[0]).toEqual(expect.arrayContaining(['Version 1', '79.2%', 'First figure', 'demo data']));
    expect(history[1]).toEqual(expect.arrayContaining(['Version 2', 'Corrected from 79.2%', 'demo data', DEMO_EVENTS.correction.note]));
    expect(history[1]!.join(' ')).toMatch(/\d{1,2} [A-Z][a-z]{2,3} \d{4}, \d{2}:\d{2}/); // UK date and time

    await tab.click('.trend-details summary');
    await expectAccessible(tab);
    await screenshotTab(page, 'indicator-light');
  });

  it('follows Teams into the dark theme and the high-contrast theme, accessible in each', async () => {
    await page.evaluate(() => (window as unknown as { setTheme(t: string): void }).setTheme('dark'));
    await tab.waitForSelector('html[data-theme="dark"]');
    await expectAccessible(tab);
    await screenshotTab(page, 'indicator-dark');

    await openInTeams('', { theme: 'dark' });
    expect(await tab.getAttribute('html', 'data-theme')).toBe('dark');
    await tab.waitForSelector('.lens-card');
    await expectAccessible(tab);
    await screenshotTab(page, 'scorecard-dark');

    await page.evaluate(() => (window as unknown as { setTheme(t: string): void }).setTheme('contrast'));
    await tab.waitForSelector('html[data-theme="contrast"]');
    await expectAccessible(tab);
    await screenshotTab(page, 'scorecard-contrast');
  });

  it('shows "my indicators" with what is outstanding, and hides who entered values from people not responsible', async () => {
    await signIn(gareth);
    await openInTeams('?view=my');
    await tab.waitForSelector('section[aria-labelledby="mine-heading"] table');
    expect(await tab.textContent('main h1')).toBe('My indicators');
    expect(await tab.textContent('main')).toMatch(/Signed in as Gareth Lewis/);
    expect(await tab.$$eval('section[aria-labelledby="mine-heading"] tbody tr', (rows) => rows.map((r) => r.getAttribute('data-code')))).toEqual(['SRV01', 'SRV02']);
    expect(await tab.$$eval('.outstanding li', (items) => items.map((i) => i.getAttribute('data-code')))).toEqual(['SRV01', 'SRV02']);
    expect(await tab.textContent('.outstanding')).toMatch(/Value due by \d{1,2} [A-Z][a-z]{2,3} \d{4}/);
    await expectAccessible(tab);
    await screenshotTab(page, 'my-indicators');

    await openInTeams(`?view=indicator&code=FIN03&period=${correctionPeriod()}`);
    await tab.waitForSelector('table.history-table');
    expect(await tab.$$eval('table.history-table thead th', (ths) => ths.map((th) => th.textContent))).not.toContain('Entered by');
    expect(await tab.textContent('main')).toMatch(/Who entered each version is shown to the indicator's owner/);
  });

  it('tells someone who is not in the register whom to ask', async () => {
    await signIn(stranger);
    await openInTeams();
    expect(await tab.textContent('main h1')).toBe('You are not in the performance register');
    expect(await tab.textContent('main [role="alert"]')).toMatch(/sam\.visitor@elsewhere\.gov\.uk.*ask the performance team/);
  });

  it('reflows to a narrow window and starts with a skip link for keyboard users', async () => {
    await signIn(admin);
    await page.setViewportSize({ width: 360, height: 800 });
    try {
      await openInTeams();
      await tab.waitForSelector('.lens-card');
      // Only the data table scrolls sideways, inside its own focusable region; the page itself does not.
      expect(await tab.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
      await screenshotTab(page, 'scorecard-narrow');
      await tab.focus('body');
      await page.keyboard.press('Tab');
      expect(await tab.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
      await page.keyboard.press('Enter');
      expect(await tab.evaluate(() => document.activeElement?.id)).toBe('main');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('says so when Teams cannot give it a token', async () => {
    await signIn(admin);
    host.token = null;
    await openInTeams();
    expect(await tab.textContent('main h1')).toBe('You could not be signed in');
    expect(await tab.textContent('main [role="alert"]')).toMatch(/Teams could not sign you in to the Scorecard \(resourceRequiresConsent\)/);
  });

  it('lets a channel add the Scorecard, for all lenses or one', async () => {
    await signIn(admin);
    await openInTeams('', { frameContext: 'settings', path: '/tab/config' });
    expect(await tab.textContent('main h1')).toBe('Add the Scorecard to this channel');
    const log = () => page.evaluate(() => (window as unknown as { hostLog: { func: string; args: unknown[] }[] }).hostLog);
    expect(await log()).toEqual(expect.arrayContaining([{ func: 'settings.setValidityState', args: [true] }]));
    await expectAccessible(tab);

    await tab.selectOption('#config-lens', 'FINANCE');
    await page.evaluate(() => (window as unknown as { pressSave(): void }).pressSave());
    await page.waitForFunction(() => (window as unknown as { hostLog: { func: string }[] }).hostLog.some((m) => m.func === 'settings.save.success'));
    const saved = await page.evaluate(() => (window as unknown as { savedSettings: Record<string, string> }).savedSettings);
    expect(saved).toMatchObject({ entityId: 'scorecard-finance', suggestedDisplayName: 'Scorecard: Finance', contentUrl: `${server.baseUrl}/tab/scorecard?lens=FINANCE` });

    // The channel tab then opens filtered to its lens.
    await openInTeams('?lens=FINANCE');
    await tab.waitForSelector('table.indicator-table');
    expect((await rowCodes()).sort()).toEqual(['FIN01', 'FIN02', 'FIN03']);
  });
});

/** The demo's corrected FIN03 month: two months before the month open for entry (on the server's clock). */
function correctionPeriod(): string {
  return monthsBeforeOpen(DEMO_EVENTS.correction.monthsAgo);
}
