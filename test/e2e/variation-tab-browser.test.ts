/**
 * Variation, assurance and the XmR chart (#17) in the Scorecard tab, in headless Chromium inside
 * the stand-in Teams host, on the demo register as the server analyses it: the scorecard's icons
 * with their words (CUS04's shift, SRV06's trend, ENV04's point beyond its limit, SRV02's
 * improvement), ENV04's XmR chart (rebased in April 2025 when the rapid-response crew took over)
 * with its title, description, legend and table, accessible (axe-core) in the default, dark and
 * high-contrast themes, with screenshots in test-output/tab/.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import type { RunningServer } from '../support/child-process';
import { EntraStandIn, ENTRA_TENANT_ID, type EntraUser } from '../support/teams/entra-stand-in';
import { TeamsHostStandIn } from '../support/teams/teams-host-stand-in';
import { screenshotTab, seriousAxeViolations, tabFrame } from '../support/tab/browser';
import { startTabInTeams, TAB_APP_ID, TAB_HOSTNAME } from '../support/tab/tab-in-teams';
import { DEMO_PEOPLE } from '../../src/demo/demo-people';

const THEMES = ['default', 'dark', 'contrast'] as const;
const lead: EntraUser = { oid: DEMO_PEOPLE.performanceLead.aadObjectId, email: DEMO_PEOPLE.performanceLead.email, name: DEMO_PEOPLE.performanceLead.name };
const ARROW_UP = 'M10 15 V5 M6 9 L10 5 L14 9';
const ARROW_DOWN = 'M10 5 V15 M6 11 L10 15 L14 11';

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

  beforeAll(async () => {
    await Promise.all([entra.start(), host.start()]);
    const url = `pglite:${path.join(mkdtempSync(path.join(os.tmpdir(), 'perfbot-variation-tab-')), 'pgdata')}`;
    ({ server, browser, page } = await startTabInTeams({ databaseUrl: url, entra, host }));
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
      // CUS04, calls lost (lower is better): a shift, 7 months above the average.
      expect(await cells('CUS04')).toEqual([
        { code: 'SPECIAL_CAUSE_CONCERN', label: 'Concern', title: 'Special cause of concern: 7 points in a row above the average',
          spoken: 'Concern: Special cause of concern: 7 points in a row above the average', icon: 'true' },
        expect.objectContaining({ code: 'HIT_AND_MISS', label: 'Hit and miss', title: 'The target will be hit and missed at random while the process runs as it does', icon: 'true' }),
      ]);
      expect(await tab.$eval('tr[data-code="CUS04"] .variation-concern path', (p) => p.getAttribute('d'))).toBe(ARROW_UP);
      // ENV04, fly-tips cleared: the latest month beyond its upper limit (days: a concern, the arrow up).
      expect((await cells('ENV04'))[0]).toMatchObject({ label: 'Concern', title: 'Special cause of concern: above the upper process limit' });
      // SRV06, households in temporary accommodation (data only): a rising trend, no target to give assurance against.
      expect((await cells('SRV06')).map((c) => [c.label, c.title])).toEqual([
        ['Concern', 'Special cause of concern: 6 points in a row, each higher than the one before'], ['No target', 'No target to give assurance against'],
      ]);
      // SRV02, days to process changes (lower is better), improving below its lower limit: the arrow points down.
      expect(await tab.$eval('tr[data-code="SRV02"] .variation-improvement path', (p) => p.getAttribute('d'))).toBe(ARROW_DOWN);
      // A quarterly indicator has too few points: the dashed ring and its words, and no assurance.
      expect((await cells('SRV03')).map((c) => c.label)).toEqual(['Too few points']);
      expect(await tab.$eval('tr[data-code="SRV03"] .variation-none circle', (c) => c.getAttribute('class'))).toBe('icon-ring dashed');
      expect(await tab.textContent('tr[data-code="SRV03"] .not-shown')).toBe('–No assurance');
      // An annual indicator the register says not to analyse.
      expect((await cells('PPL02')).map((c) => c.label)).toEqual(['Not analysed']);
      // Readable at 1280 px: the table, two columns wider, still fits without scrolling sideways.
      const [scrollWidth, clientWidth] = await tab.$eval('.indicator-list .table-scroll', (e) => [e.scrollWidth, e.clientWidth]);
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);

      expect(await seriousAxeViolations(tab)).toEqual([]);
      await screenshotTab(page, `variation-scorecard-${theme}`);
    });

    it('draws the XmR chart with its lines, signals, legend and table, and says it all in words', async () => {
      const tab = await openInTeams('?view=indicator&code=ENV04', theme);
      await tab.waitForSelector('svg.xmr-chart');
      expect(await tab.textContent('#xmr-heading')).toBe('Signals and noise: the XmR chart');
      expect(await tab.getAttribute('svg.xmr-chart', 'role')).toBe('img');
      expect(await tab.textContent('svg.xmr-chart title#xmr-title')).toBe('XmR chart of ENV04, Apr 2024 to Sep 2026');
      expect(await tab.textContent('svg.xmr-chart desc')).toBe([
        'The figure of each period, 30 points from Apr 2024 to Sep 2026.',
        'Average 1.9 days, process limits 1.6 days to 2.3 days.',
        'Target 2.0 days.',
        'The process was rebased in Apr 2025.',
        'Special cause of concern: above the upper process limit.',
        'The target will be hit and missed at random while the process runs as it does.',
        'Signals: Sep 2026 2.4 days, concern (beyond a process limit).',
        'The points are in a table after the chart.',
      ].join(' '));
      expect(await tab.$$eval('svg.xmr-chart rect.signal-concern', (m) => m.length)).toBe(1);
      expect(await tab.$$eval('svg.xmr-chart .xmr-marker', (m) => m.length)).toBe(30);
      expect(await tab.$$eval('svg.xmr-chart path.xmr-mean', (p) => p[0]!.getAttribute('d')!.split('M').length - 1)).toBe(2); // stepped at the rebase
      expect(await tab.$$eval('svg.xmr-chart line.rebase-rule', (l) => l.length)).toBe(1);
      expect(await tab.$('svg.xmr-chart path.xmr-target')).not.toBeNull();
      expect(await tab.$$eval('.xmr-legend > span', (items) => items.map((i) => i.textContent))).toEqual([
        'The figure of each period', 'Average', 'Process limits', 'Target 2.0 days', 'Process rebased', 'Concern',
      ]);
      expect(await tab.textContent('.signal-summary')).toContain('Concern Special cause of concern: above the upper process limit');

      await tab.click('.xmr-details summary');
      const rows = await tab.$$eval('table.xmr-table tbody tr', (trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent)));
      expect(rows).toHaveLength(30);
      // Newest first, as the trend chart's table.
      expect(rows[0]).toEqual(['Sep 2026', '2.4 days', 'Concern: beyond a process limit']);
      expect(rows.filter((r) => r[2] !== 'None')).toHaveLength(1);

      expect(await seriousAxeViolations(tab)).toEqual([]);
      await screenshotTab(page, `variation-indicator-${theme}`);
    });
  });

  it('shows only the words when there are too few points to chart', async () => {
    const tab = await openInTeams('?view=indicator&code=SRV03', 'default');
    await tab.waitForSelector('#xmr-heading');
    expect(await tab.$('svg.xmr-chart')).toBeNull();
    expect(await tab.textContent('section[aria-labelledby="xmr-heading"]')).toMatch(/Too few points to tell signal from noise: \d+ of 15/);
    expect(await seriousAxeViolations(tab)).toEqual([]);
  });

  it('shows a cumulative measure\'s year-end forecast on its indicator page, labelled, and charts what each month added', async () => {
    const tab = await openInTeams('?view=indicator&code=FIN01', 'default');
    await tab.waitForSelector('svg.xmr-chart');
    const figures = await tab.$$eval('.summary .figure', (fs) => fs.map((f) => [f.querySelector('dt')?.textContent, f.querySelector('dd')?.textContent]));
    expect(figures).toContainEqual(['Forecast', expect.stringMatching(/^Forecast year-end \d+\.\d% \(range .*\), from the same point in 2 previous years$/)]);
    expect(await tab.textContent('svg.xmr-chart desc')).toMatch(/^What each period added to the year's running total/);
  });
});
