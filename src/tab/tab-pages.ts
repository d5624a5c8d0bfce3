/**
 * The tab's HTML: a small shell per page that the browser code fills in, and the security headers
 * that go with it. The settings the browser needs travel in a JSON data block, which a strict
 * Content-Security-Policy allows because it is never executed.
 */
import type { AppConfig } from '../config/config';

export type TabPage = 'scorecard' | 'config';

/** What the browser code reads from the page before anything else. */
export interface TabPageSettings {
  readonly page: TabPage;
  /** Development mode: no Teams, no token; say so on every page. */
  readonly authDisabled: boolean;
  /** Host origins to trust besides Microsoft's own (teams-js validMessageOrigins). */
  readonly extraHostOrigins: readonly string[];
}

export const TAB_PATHS = {
  scorecard: '/tab/scorecard',
  config: '/tab/config',
  about: '/tab/about',
  script: '/tab/assets/tab.js',
  stylesheet: '/tab/assets/tab.css',
} as const;

/**
 * Where Teams runs tabs: the Teams web and desktop clients, Microsoft 365 and Outlook. Other sites
 * may not frame the tab (clickjacking).
 */
const TEAMS_FRAME_ANCESTORS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://teams.live.com',
  'https://*.teams.microsoft.us',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.microsoft365.com',
];

const TITLES: Readonly<Record<TabPage, string>> = {
  scorecard: 'Scorecard',
  config: 'Add the Scorecard to this channel',
};

export function tabPageSettings(page: TabPage, app: AppConfig): TabPageSettings {
  return { page, authDisabled: app.tabAuthDisabled, extraHostOrigins: app.tabExtraHostOrigins };
}

export function tabPageHtml(settings: TabPageSettings): string {
  // "<" is escaped so that no value can close the script element early.
  const json = JSON.stringify(settings).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en-GB" data-theme="default">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${TITLES[settings.page]} – Council performance</title>
<link rel="stylesheet" href="${TAB_PATHS.stylesheet}">
<script type="application/json" id="tab-settings">${json}</script>
<script src="${TAB_PATHS.script}" defer></script>
</head>
<body data-page="${settings.page}">
<a class="skip-link" href="#main">Skip to main content</a>
<header class="app-header">
<p class="app-name">Council performance</p>
<nav id="app-nav" aria-label="Scorecard tab" hidden></nav>
</header>
<div id="mode-banner"></div>
<main id="main" tabindex="-1">
<p class="loading" role="status">Loading…</p>
</main>
<div id="announcer" class="visually-hidden" role="status" aria-live="polite"></div>
</body>
</html>
`;
}

/**
 * About the app, with its privacy notice and terms of use: the pages the app package's developer
 * links point to. Plain HTML, no script, readable outside Teams.
 */
export function tabAboutHtml(performanceTeamContact: string): string {
  return `<!doctype html>
<html lang="en-GB" data-theme="default">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>About – Council performance</title>
<link rel="stylesheet" href="${TAB_PATHS.stylesheet}">
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="app-header"><p class="app-name">Council performance</p></header>
<main id="main" tabindex="-1">
<h1>About Council performance</h1>
<p class="lede">The council's app for its monthly performance cycle in Microsoft Teams: indicator owners give each month's figures to the bot, every figure is rated Red, Amber or Green against its target, and the Scorecard tab shows the balanced scorecard.</p>
<h2 id="privacy">Privacy</h2>
<p>The app keeps the council's performance register: indicators, their targets and figures, and the names, work email addresses and Microsoft Entra ID object ids of the staff who own, cover, verify and direct them. Every figure is kept with who gave it and when, so that the history of a figure can be checked. The council controls this information; it is used only to run the performance cycle and report on it.</p>
<h2 id="terms">Terms of use</h2>
<p>The app is for the council's staff, for the council's performance management. Figures should be entered accurately and corrected through the app, never elsewhere, so that the history stays whole.</p>
<h2 id="contact">Contact</h2>
<p>For questions about the app or the information it holds, contact ${escapeHtml(performanceTeamContact)}.</p>
</main>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Headers for every tab page: a strict CSP that only Teams may frame, and no sniffing. */
export function tabPageHeaders(app: AppConfig): Record<string, string> {
  const ancestors = ["'self'", ...TEAMS_FRAME_ANCESTORS, ...app.tabExtraHostOrigins].join(' ');
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Content-Security-Policy': [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      // teams-js refreshes its list of Microsoft host origins from this CDN.
      "connect-src 'self' https://res.cdn.office.net",
      "base-uri 'none'",
      "form-action 'none'",
      `frame-ancestors ${ancestors}`,
    ].join('; '),
  };
}
