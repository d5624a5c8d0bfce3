/**
 * A stand-in for the Teams client around a tab: a web page that frames the tab and answers
 * teams-js's postMessage protocol as Teams does (initialize with the frame context and runtime,
 * getContext with the theme and user, authentication.getAuthToken with a token the test minted,
 * the configuration page's settings calls), and can send the tab a theme change or a Save.
 *
 * Served from its own origin, which the server under test is told to trust with
 * TAB_EXTRA_HOST_ORIGINS (real Teams origins are built into teams-js).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HostedUser {
  readonly oid: string;
  readonly email: string;
  readonly name: string;
  readonly tenantId: string;
}

export class TeamsHostStandIn {
  private server: http.Server | null = null;
  private port = 0;
  /** What getAuthToken answers; null makes it fail as Teams does when consent is missing. */
  token: string | null = null;
  user: HostedUser | null = null;
  /** Every getAuthToken the tab asked for. */
  tokenRequests = 0;

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://host.invalid');
      if (url.pathname === '/host') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(HOST_PAGE);
      } else if (url.pathname === '/session') {
        this.tokenRequests += url.searchParams.get('for') === 'token' ? 1 : 0;
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify({ token: this.token, user: this.user }));
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this.origin;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /**
   * The host page framing `tabUrl`, in a theme and frame context ("content" or "settings");
   * `subEntityId` is what a deep link's context carried, as Teams hands it to the tab (page.subPageId).
   */
  url(tabUrl: string, options: { theme?: 'default' | 'dark' | 'contrast'; frameContext?: 'content' | 'settings'; subEntityId?: string } = {}): string {
    const query = new URLSearchParams({ tab: tabUrl, theme: options.theme ?? 'default', frameContext: options.frameContext ?? 'content' });
    if (options.subEntityId) query.set('subEntityId', options.subEntityId);
    return `${this.origin}/host?${query}`;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = null;
  }
}

/**
 * The host page. Message shapes follow teams-js 2.x: a request is {id, uuidAsString, func, args};
 * a response echoes id and uuidAsString with args; an event from the host is {func, args}.
 */
const HOST_PAGE = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Teams (stand-in)</title>
<style>
  html, body { margin: 0; height: 100%; font-family: system-ui, sans-serif; }
  body { display: flex; flex-direction: column; }
  header { flex: none; height: 48px; display: flex; align-items: center; padding: 0 16px; background: #464775; color: #fff; font-weight: 600; }
  iframe { flex: 1 1 auto; width: 100%; border: 0; }
</style>
</head>
<body>
<header>Microsoft Teams (stand-in)</header>
<iframe id="tab" title="Scorecard tab"></iframe>
<script>
  const params = new URLSearchParams(location.search);
  const frame = document.getElementById('tab');
  const tabUrl = new URL(params.get('tab'));
  const frameContext = params.get('frameContext') || 'content';
  const subEntityId = params.get('subEntityId') || undefined;
  let theme = params.get('theme') || 'default';
  window.hostLog = [];
  window.savedSettings = null;
  const runtime = {
    apiVersion: 4,
    hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
    isLegacyTeams: false,
    supports: { app: {}, appInstallDialog: {}, authentication: {}, pages: { appButton: {}, backStack: {}, config: {}, tabs: {} }, teamsCore: {} },
  };
  async function session(purpose) {
    const response = await fetch('/session?for=' + purpose);
    return response.json();
  }
  window.addEventListener('message', async (event) => {
    if (event.source !== frame.contentWindow) return;
    const message = event.data;
    if (!message || typeof message.func !== 'string') return;
    window.hostLog.push({ func: message.func, args: message.args });
    const reply = (args) => frame.contentWindow.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, event.origin);
    switch (message.func) {
      case 'initialize':
        reply([frameContext, 'web', JSON.stringify(runtime), '2.58.0']);
        break;
      case 'getContext': {
        const { user } = await session('context');
        reply([{
          theme, locale: 'en-GB', frameContext, hostClientType: 'web', hostName: 'Teams', entityId: 'scorecard', subEntityId,
          appSessionId: 'stand-in-session', userObjectId: user && user.oid, userPrincipalName: user && user.email,
          loginHint: user && user.email, userDisplayName: user && user.name, tid: user && user.tenantId,
        }]);
        break;
      }
      case 'authentication.getAuthToken': {
        const { token } = await session('token');
        reply(token ? [true, token] : [false, 'resourceRequiresConsent']);
        break;
      }
      case 'settings.setSettings':
        window.savedSettings = message.args[0];
        reply([true]);
        break;
      default:
        break; // one-way messages: registerHandler, settings.setValidityState, settings.save.success …
    }
  });
  window.setTheme = (next) => {
    theme = next;
    frame.contentWindow.postMessage({ func: 'themeChange', args: [next] }, tabUrl.origin);
  };
  window.pressSave = () => frame.contentWindow.postMessage({ func: 'settings.save', args: [{}] }, tabUrl.origin);
  frame.src = tabUrl.href;
</script>
</body>
</html>
`;
