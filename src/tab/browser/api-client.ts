/**
 * Calls to the tab's own API (/api/tab/…), each with the person's single sign-on token. A 401 gets
 * one more try with a fresh token (the first may have expired while the tab sat open).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The server's name for the refusal, when it gives one ("not-performance-team"). */
    readonly reason: string | null = null,
  ) {
    super(message);
  }
}

export interface TokenSource {
  token(): Promise<string>;
}

export class TabApi {
  constructor(
    /** Null in development mode (authentication disabled): no token is sent. */
    private readonly tokens: TokenSource | null,
    /** Development mode only: act as this person (X-Tab-Dev-User). */
    private readonly devUser: string | null,
  ) {}

  async get<T>(path: string, params: Readonly<Record<string, string | null>> = {}): Promise<T> {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) if (value) query.set(name, value);
    const url = query.toString() ? `${path}?${query}` : path;
    let response = await this.fetchWithToken(url);
    if (response.status === 401 && this.tokens) response = await this.fetchWithToken(url);
    const body = (await response.json().catch(() => ({}))) as { error?: string; reason?: string };
    if (!response.ok) throw new ApiError(response.status, body.error ?? `The server answered ${response.status}.`, body.reason ?? null);
    return body as T;
  }

  /**
   * A file from the API, as a Blob with the name the server gave it: the request carries the token
   * like every other, which a plain link could not.
   */
  async download(path: string, params: Readonly<Record<string, string>>): Promise<{ blob: Blob; name: string }> {
    const url = `${path}?${new URLSearchParams(params)}`;
    let response = await this.fetchWithToken(url);
    if (response.status === 401 && this.tokens) response = await this.fetchWithToken(url);
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { error?: string; reason?: string };
      throw new ApiError(response.status, body.error ?? `The server answered ${response.status}.`, body.reason ?? null);
    }
    const disposition = response.headers.get('Content-Disposition') ?? '';
    const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? params.name ?? 'report';
    return { blob: await response.blob(), name };
  }

  /** Teams refuses a token when, say, the organisation has not consented to the app yet. */
  private async signInToken(): Promise<string> {
    try {
      return await this.tokens!.token();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ApiError(401, `Teams could not sign you in to the Scorecard (${reason}).`);
    }
  }

  private async fetchWithToken(url: string): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.tokens) headers.Authorization = `Bearer ${await this.signInToken()}`;
    if (this.devUser) headers['X-Tab-Dev-User'] = this.devUser;
    return fetch(url, { headers, credentials: 'same-origin' });
  }
}
