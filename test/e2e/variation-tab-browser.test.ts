/**
 * Variation, assurance and the XmR chart (#17) in the Scorecard tab, in headless Chromium inside
 * the stand-in Teams host: the scorecard's icons with their words, and an indicator page's XmR
 * chart with its title, description, legend and table, accessible (axe-core) in the default, dark
 * and high-contrast themes, with screenshots in test-output/tab/. Until the server fills `signals`
 * and `xmr`, the test adds them to the server's real answers (test/support/tab/variation-fixture.ts).
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Frame, Page, Route } from 'playwright-core';
import type { RunningServer } from '../support/child-process';
import { EntraStandIn, ENTRA_TENANT_ID, type EntraUser } from '../support/teams/entra-stand-in';
import { TeamsHostStandIn } from '../support/teams/teams-host-stand-in';
import { screenshotTab, seriousAxeViolations, tabFrame } from '../support/tab/browser';
import { startTabInTeams, TAB_APP_ID, TAB_HOSTNAME } from '../support/tab/tab-in-teams';
import { CHARTED_CODE, TOO_FEW_CODE, withSignals, withXmr } from '../support/tab/variation-fixture';
import type { IndicatorPageView, ScorecardView } from '../../src/app/scorecard/tab-views';
import { DEMO_PEOPLE } from '../../src/demo/demo-people';

const THEMES = ['default', 'dark', 'contrast'] as const;
const lead: EntraUser = { oid: DEMO_PEOPLE.performanceLead.aadObjectId, email: DEMO_PEOPLE.performanceLead.email, name: DEMO_PEOPLE.performanceLead.name };

describe('variation and assurance in the Scorecard tab, in headless Chromium', () => {
  const entra = new EntraStandIn(`api://${TAB_HOSTNAME}/${TAB_APP_ID}`);
  const host = new TeamsHostStandIn();
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  async function openInTeams(search: string, theme: (typeof THEMES)[number]): Promise<Frame> {
    await page.goto(host.url(`${server.baseUrl}/tab/scorecard${search}`, { theme }));
    const tab = await tabFrame(page);
    await tab.waitForSelector('main h1');
    await tab.waitForSelector('main:not([aria-busy])');
    return tab;
  }

  /** The server's real answer with the stand-in #17 fields added. */
  async function amend<T>(route: Route, change: (body: T) => T): Promise<void> {
    const response = await route.fetch();
    if (!response.ok()) return route.fulfill({ response });
    await route.fulfill({ response, json: change((await response.json()) as T) });
  }

  beforeAll(async () => {
    await Promise.all([entra.start(), host.start()]);
    const url = `pglite:${path.join(mkdtempSync(path.join(os.tmpdir(), 'perfbot-variation-tab-')), 'pgdata')}`;
    ({ server, browser, page } = await startTabInTeams({ databaseUrl: url, entra, host }));
    await page.route('**/api/tab/scorecard*', (route) => amend<ScorecardView>(route, withSignals));
    await page.route('**/api/tab/indicator?*', (route) => amend<IndicatorPageView>(route, withXmr));
    host.user = { ...lead, tenantId: ENTRA_TENANT_ID };
    host.token = await entra.accessToken(lead);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await Promise.all([entra.stop(), host.stop()]);
  });

  describe.each(THEMES)('in the %s theme', (theme) => {
    it('shows each row\'s variation and assurance as an icon with words, in a table that fits 1280 px', async () => {
      const tab = await openInTeams('', theme);
      await tab.waitForSelector('table.indicator-table');
      const headings = await tab.$$eval('table.indicator-table thead th', (ths) => ths.map((th) => th.textContent));
      expect(headings.slice(7, 10)).toEqual(['Status', 'Variation', 'Assurance']);

      const cells = (code: string) => tab.$$eval(`tr[data-code="${code}"] .signal`, (badges) => badges.map((b) => ({
        code: b.getAttribute('data-code'),
        label: b.querySelector('.signal-label')?.textContent,
        title: b.getAttribute('title'),
        spoken: b.textContent,
        icon: b.querySelector('svg')?.getAttribute('aria-hidden') ?? null,
      })));
      expect(await cells(CHARTED_CODE)).toEqual([
        { code: 'SPECIAL_CAUSE_CONCERN', label: 'Concern', title: 'Special cause of concern: 7 points in a row below the average',
          spoken: 'Concern: Special cause of concern: 7 points in a row below the average', icon: 'true' },
        expect.objectContaining({ code: 'HIT_AND_MISS', label: 'Hit and miss', title: expect.stringMatching(/^Hit and miss: the target of 90\.0%/), icon: 'true' }),
      ]);
      // Improvement below the lower limit on a lower-is-better indicator: the arrow points down.
      expect(await tab.$eval('tr[data-code="SRV02"] .variation-improvement path', (p) => p.getAttribute('d'))).toBe('M10 5 V15 M6 11 L10 15 L14 11');
      expect((await cells('SRV06')).map((c) => [c.label, c.icon])).toEqual([['Neither', 'true'], ['No target', null]]);
      // Too few points: the dashed ring and its words, and no assurance (a dash, "No assurance" to a screen reader).
      expect((await cells(TOO_FEW_CODE)).map((c) => c.label)).toEqual(['Too few points']);
      expect(await tab.$eval(`tr[data-code="${TOO_FEW_CODE}"] .variation-none circle`, (c) => c.getAttribute('class'))).toBe('icon-ring dashed');
      expect(await tab.textContent(`tr[data-code="${TOO_FEW_CODE}"] .not-shown`)).toBe('–No assurance');
      // Readable at 1280 px: the table, two columns wider, still fits without scrolling sideways.
      const [scrollWidth, clientWidth] = await tab.$eval('.indicator-list .table-scroll', (e) => [e.scrollWidth, e.clientWidth]);
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);

      expect(await seriousAxeViolations(tab)).toEqual([]);
      await screenshotTab(page, `variation-scorecard-${theme}`);
    });

    it('draws the XmR chart with its lines, signals, legend and table, and says it all in words', async () => {
      const tab = await openInTeams(`?view=indicator&code=${CHARTED_CODE}`, theme);
      await tab.waitForSelector('svg.xmr-chart');
      expect(await tab.textContent('#xmr-heading')).toBe('Signals and noise: the XmR chart');
      expect(await tab.getAttribute('svg.xmr-chart', 'role')).toBe('img');
      expect(await tab.textContent('svg.xmr-chart title#xmr-title')).toMatch(new RegExp(`^XmR chart of ${CHARTED_CODE}, [A-Z][a-z]{2} \\d{4} to [A-Z][a-z]{2} \\d{4}$`));
      const desc = (await tab.textContent('svg.xmr-chart desc'))!;
      expect(desc).toMatch(/^Monthly figures, 24 points from /);
      expect(desc).toMatch(/Average 92\.2%, process limits \d+\.\d% to \d+\.\d%\./);
      expect(desc).toContain('Target 90.0%.');
      expect(desc).toMatch(/The process was rebased in [A-Z][a-z]{2} \d{4}\./);
      expect(desc).toContain('Special cause of concern: 7 points in a row below the average.');
      expect(desc).toContain('Hit and miss: the target of 90.0% lies between the process limits');
      expect(desc).toMatch(/Signals: [A-Z][a-z]{2} \d{4} 97\.5%, improvement \(Above the upper process limit\); /);
      expect(desc.match(/concern \(7 points in a row below the average\)/g)).toHaveLength(7);

      expect(await tab.$$eval('svg.xmr-chart circle.signal-improvement', (m) => m.length)).toBe(1);
      expect(await tab.$$eval('svg.xmr-chart rect.signal-concern', (m) => m.length)).toBe(7);
      expect(await tab.$$eval('svg.xmr-chart .xmr-marker', (m) => m.length)).toBe(24);
      expect(await tab.$$eval('svg.xmr-chart path.xmr-mean', (p) => p[0]!.getAttribute('d')!.split('M').length - 1)).toBe(2); // stepped at the rebase
      expect(await tab.$$eval('svg.xmr-chart line.rebase-rule', (l) => l.length)).toBe(1);
      expect(await tab.$('svg.xmr-chart path.xmr-target')).not.toBeNull();
      expect(await tab.$$eval('.xmr-legend > span', (items) => items.map((i) => i.textContent))).toEqual([
        'Monthly figures', 'Average', 'Process limits', 'Target 90.0%', 'Process rebased', 'Improvement', 'Concern',
      ]);
      expect(await tab.textContent('.signal-summary')).toContain('Concern Special cause of concern: 7 points in a row below the average');

      await tab.click('.xmr-details summary');
      const rows = await tab.$$eval('table.xmr-table tbody tr', (trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent)));
      expect(rows).toHaveLength(24);
      expect(rows.slice(0, 7).every((r) => r[2] === 'Concern: 7 points in a row below the average')).toBe(true);
      expect(rows.filter((r) => r[2] === 'Improvement: Above the upper process limit').map((r) => r[1])).toEqual(['97.5%']);
      expect(rows.at(-1)![2]).toBe('None');

      expect(await seriousAxeViolations(tab)).toEqual([]);
      await screenshotTab(page, `variation-indicator-${theme}`);
    });
  });

  it('shows only the words when there are too few points to chart', async () => {
    const tab = await openInTeams(`?view=indicator&code=${TOO_FEW_CODE}`, 'default');
    await tab.waitForSelector('#xmr-heading');
    expect(await tab.$('svg.xmr-chart')).toBeNull();
    expect(await tab.textContent('section[aria-labelledby="xmr-heading"]')).toContain('Too few points to tell signal from noise: 9 of 15');
    expect(await seriousAxeViolations(tab)).toEqual([]);
  });

  it('shows the year-end forecast on the indicator page, labelled', async () => {
    await page.route('**/api/tab/indicator?*', async (route) => {
      await amend<IndicatorPageView>(route, (body) => {
        const charted = withXmr({ ...body, code: CHARTED_CODE });
        return { ...charted, code: body.code, xmr: { ...charted.xmr!, signals: { ...charted.xmr!.signals, forecastText: 'Forecast year-end 98.9% (range 98.6% to 99.2%)' } } };
      });
    });
    const tab = await openInTeams('?view=indicator&code=FIN01', 'default');
    await tab.waitForSelector('svg.xmr-chart');
    const figures = await tab.$$eval('.summary .figure', (fs) => fs.map((f) => [f.querySelector('dt')?.textContent, f.querySelector('dd')?.textContent]));
    expect(figures).toContainEqual(['Forecast', 'Forecast year-end 98.9% (range 98.6% to 99.2%)']);
  });
});
