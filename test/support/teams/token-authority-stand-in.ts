/**
 * Entra ID's token endpoint for the bot's own (outbound) tokens, over real TLS: MSAL's client
 * credentials flow discovers the authority's metadata, then asks /oauth2/v2.0/token with the app's
 * id and secret. It issues signed tokens the connector stand-in verifies.
 */
import { SignJWT, generateKeyPair, exportJWK, type KeyLike, type JWK } from 'jose';
import { HttpStandIn, type RecordedRequest, type Reply } from './http-stand-in';
import type { TestCertificates } from './test-certificates';

export class TokenAuthorityStandIn {
  private readonly http: HttpStandIn;
  private privateKey!: KeyLike;
  publicJwk!: JWK;
  tokensIssued = 0;

  constructor(
    tls: TestCertificates,
    private readonly appId: string,
    private readonly appPassword: string,
  ) {
    this.http = new HttpStandIn((request) => this.route(request), { key: tls.key, cert: tls.cert });
  }

  async start(): Promise<void> {
    const pair = await generateKeyPair('RS256');
    this.privateKey = pair.privateKey;
    this.publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'authority-key-1' };
    await this.http.start();
  }

  /** The value for ToChannelFromBotLoginUrl. */
  get loginUrl(): string {
    return `${this.http.baseUrl}/botframework.com`;
  }

  get issuer(): string {
    return `${this.http.baseUrl}/botframework.com/v2.0`;
  }

  private async route(request: RecordedRequest): Promise<Reply> {
    const base = `${this.http.baseUrl}/botframework.com`;
    if (request.method === 'GET' && request.path.includes('/.well-known/openid-configuration')) {
      return {
        status: 200,
        body: {
          issuer: this.issuer,
          token_endpoint: `${base}/oauth2/v2.0/token`,
          authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
          end_session_endpoint: `${base}/oauth2/v2.0/logout`,
          jwks_uri: `${base}/discovery/v2.0/keys`,
          response_types_supported: ['code', 'id_token', 'token'],
          subject_types_supported: ['pairwise'],
          id_token_signing_alg_values_supported: ['RS256'],
        },
      };
    }
    if (request.method === 'POST' && request.path.split('?')[0]!.endsWith('/oauth2/v2.0/token')) {
      const form = request.body as Record<string, string>;
      if (form.client_id !== this.appId || form.client_secret !== this.appPassword || form.grant_type !== 'client_credentials') {
        return { status: 401, body: { error: 'invalid_client', error_description: 'bad client credentials' } };
      }
      const audience = (form.scope ?? '').replace(/\/\.default$/, '');
      this.tokensIssued++;
      const now = Math.floor(Date.now() / 1000);
      const accessToken = await new SignJWT({ appid: this.appId, azp: this.appId })
        .setProtectedHeader({ alg: 'RS256', kid: 'authority-key-1', typ: 'JWT' })
        .setIssuer(this.issuer)
        .setAudience(audience)
        .setIssuedAt(now)
        .setExpirationTime(now + 3600)
        .sign(this.privateKey);
      return { status: 200, body: { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: accessToken } };
    }
    return { status: 404, body: { error: 'not_found', path: request.path } };
  }

  get requests(): readonly RecordedRequest[] {
    return this.http.requests;
  }

  stop(): Promise<void> {
    return this.http.stop();
  }
}
