/**
 * The Azure host's managed identity endpoint, as App Service and Container Apps provide it to the
 * process (IDENTITY_ENDPOINT, plain HTTP on the host, and the IDENTITY_HEADER secret): a GET with
 * the resource and the user-assigned identity's client id, answered with a token from the token
 * authority stand-in, so the connector stand-in accepts it as it would Entra's.
 */
import { randomBytes } from 'node:crypto';
import { HttpStandIn, type RecordedRequest, type Reply } from './http-stand-in';
import type { TokenAuthorityStandIn } from './token-authority-stand-in';

export class ManagedIdentityStandIn {
  private readonly http = new HttpStandIn((request) => this.route(request));
  /** The secret the host gives only to the processes it runs. */
  readonly identityHeader = randomBytes(16).toString('hex');
  /** Why each refused request was refused. */
  readonly refusals: string[] = [];

  constructor(
    private readonly authority: TokenAuthorityStandIn,
    /** The user-assigned identity's client id: the bot's MicrosoftAppId. */
    private readonly clientId: string,
  ) {}

  start(): Promise<string> {
    return this.http.start();
  }

  /** The environment the host sets for the process it runs. */
  hostEnv(): NodeJS.ProcessEnv {
    return { IDENTITY_ENDPOINT: `${this.http.baseUrl}/msi/token`, IDENTITY_HEADER: this.identityHeader };
  }

  private async route(request: RecordedRequest): Promise<Reply> {
    const url = new URL(request.path, this.http.baseUrl);
    if (request.method !== 'GET' || url.pathname !== '/msi/token') return { status: 404 };
    const refuse = (status: number, reason: string): Reply => {
      this.refusals.push(reason);
      return { status, body: { error: { code: 'invalid_request', message: reason } } };
    };
    if (request.headers['x-identity-header'] !== this.identityHeader) return refuse(401, 'missing or wrong X-IDENTITY-HEADER');
    if (url.searchParams.get('api-version') !== '2019-08-01') return refuse(400, `api-version ${url.searchParams.get('api-version')}`);
    if (url.searchParams.get('client_id') !== this.clientId) return refuse(400, `no user-assigned identity ${url.searchParams.get('client_id')} on this host`);
    const resource = (url.searchParams.get('resource') ?? '').replace(/\/\.default$/, '');
    if (!resource) return refuse(400, 'no resource');
    const { accessToken, expiresOn } = await this.authority.issue(resource, 'managedIdentity');
    return { status: 200, body: { access_token: accessToken, expires_on: String(expiresOn), resource, token_type: 'Bearer', client_id: this.clientId } };
  }

  get requests(): readonly RecordedRequest[] {
    return this.http.requests;
  }

  stop(): Promise<void> {
    return this.http.stop();
  }
}
