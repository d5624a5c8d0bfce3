/**
 * Where the bot may send: the Bot Connector's hosts. An activity names its serviceUrl, and the bot
 * replies there with its own token; a forged or damaged activity that names another host must
 * never make the bot call it (nor leak its token there), so every serviceUrl is checked against the
 * configured hosts before any outbound call, inbound and in the dispatcher alike.
 */
export class ServiceUrlPolicy {
  private readonly patterns: readonly { scheme: string; host: string; wildcard: boolean; port: string | null }[];

  /** `hosts`: `smba.trafficmanager.net`, `*.botframework.com` (https), or `http://127.0.0.1` (scheme given). */
  constructor(hosts: readonly string[]) {
    this.patterns = hosts.map((entry) => {
      const scheme = /^(https?):\/\//.exec(entry)?.[1] ?? 'https';
      const rest = entry.replace(/^https?:\/\//, '');
      const [hostPart, port] = rest.split(':') as [string, string | undefined];
      const wildcard = hostPart.startsWith('*.');
      return { scheme, host: wildcard ? hostPart.slice(2) : hostPart, wildcard, port: port ?? null };
    });
  }

  allows(serviceUrl: unknown): boolean {
    if (typeof serviceUrl !== 'string' || serviceUrl.length > 2048) return false;
    let url: URL;
    try {
      url = new URL(serviceUrl);
    } catch {
      return false;
    }
    if (url.username || url.password) return false;
    const scheme = url.protocol.replace(/:$/, '');
    const host = url.hostname.toLowerCase();
    return this.patterns.some((p) =>
      p.scheme === scheme &&
      (p.port === null || p.port === url.port) &&
      (p.wildcard ? host.endsWith(`.${p.host}`) : host === p.host));
  }
}
