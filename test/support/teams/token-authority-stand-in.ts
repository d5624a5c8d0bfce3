/**
 * Entra ID's token endpoint for the bot's own (outbound) tokens, over real TLS: MSAL's client
 * credentials flow discovers the authority's metadata, then asks /oauth2/v2.0/token with the app's
 * id and either its secret or a client assertion signed with its certificate's private key. It
 * issues signed tokens the connector stand-in verifies.
 *
 * A client assertion is checked as Entra checks it: the signature against the registered
 * certificate's public key, the certificate named by its thumbprint (x5t, SHA-1 with RS256, or
 * x5t#S256, SHA-256 with PS256), aud the token endpoint, iss and sub the client id, and its times.
 * How each token was asked for is kept in `grants`, so a test can tell the credentials apart.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { SignJWT, generateKeyPair, exportJWK, jwtVerify, decodeProtectedHeader, type KeyLike, type JWK } from 'jose';
import { HttpStandIn, type RecordedRequest, type Reply } from './http-stand-in';
import type { TestCertificates } from './test-certificates';

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const ASSERTION_CLOCK_SKEW_SECONDS = 60;

/** How a token was asked for: the client's secret, its certificate, or a managed identity. */
export type Grant = 'secret' | 'certificate' | 'managedIdentity';

export class TokenAuthorityStandIn {
  private readonly http: HttpStandIn;
  private privateKey!: KeyLike;
  publicJwk!: JWK;
  tokensIssued = 0;
  /** Each token issued, by how it was asked for. */
  readonly grants: Grant[] = [];
  /** Why each refused token request was refused. */
  readonly refusals: string[] = [];
  /** The certificate registered on the app (PEM): client assertions must be signed with its key. */
  clientCertificate: string | null = null;

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

  private get tokenEndpoint(): string {
    return `${this.http.baseUrl}/botframework.com/oauth2/v2.0/token`;
  }

  /** A token for `audience` (the Bot Connector's scope), issued to the app; `grant` says how it was asked for. */
  async issue(audience: string, grant: Grant): Promise<{ accessToken: string; expiresOn: number }> {
    this.tokensIssued++;
    this.grants.push(grant);
    const now = Math.floor(Date.now() / 1000);
    const accessToken = await new SignJWT({ appid: this.appId, azp: this.appId })
      .setProtectedHeader({ alg: 'RS256', kid: 'authority-key-1', typ: 'JWT' })
      .setIssuer(this.issuer)
      .setAudience(audience)
      .setIssuedAt(now)
      .setExpirationTime(now + 3600)
      .sign(this.privateKey);
    return { accessToken, expiresOn: now + 3600 };
  }

  private async route(request: RecordedRequest): Promise<Reply> {
    const base = `${this.http.baseUrl}/botframework.com`;
    if (request.method === 'GET' && request.path.includes('/.well-known/openid-configuration')) {
      return {
        status: 200,
        body: {
          issuer: this.issuer,
          token_endpoint: this.tokenEndpoint,
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
      const grant = await this.authenticateClient(form);
      if (typeof grant !== 'string' || form.grant_type !== 'client_credentials') {
        const reason = typeof grant === 'string' ? `grant_type ${form.grant_type}` : grant.refused;
        this.refusals.push(reason);
        return { status: 401, body: { error: 'invalid_client', error_description: reason } };
      }
      const { accessToken } = await this.issue((form.scope ?? '').replace(/\/\.default$/, ''), grant);
      return { status: 200, body: { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: accessToken } };
    }
    return { status: 404, body: { error: 'not_found', path: request.path } };
  }

  private async authenticateClient(form: Record<string, string>): Promise<Grant | { refused: string }> {
    if (form.client_id !== this.appId) return { refused: `unknown client ${form.client_id}` };
    if (form.client_secret !== undefined) return form.client_secret === this.appPassword ? 'secret' : { refused: 'wrong client secret' };
    if (form.client_assertion_type === ASSERTION_TYPE && form.client_assertion) return this.checkAssertion(form.client_assertion);
    return { refused: 'no client credential' };
  }

  private async checkAssertion(assertion: string): Promise<Grant | { refused: string }> {
    if (!this.clientCertificate) return { refused: 'no certificate is registered on the app' };
    const certificate = new X509Certificate(this.clientCertificate);
    const header = decodeProtectedHeader(assertion);
    const thumbprint = (algorithm: 'sha1' | 'sha256') => createHash(algorithm).update(certificate.raw).digest('base64url');
    const named = header.x5t !== undefined ? header.x5t === thumbprint('sha1') : header['x5t#S256'] === thumbprint('sha256');
    if (!named) return { refused: 'the assertion names another certificate (x5t)' };
    const algorithm = header['x5t#S256'] !== undefined ? 'PS256' : 'RS256';
    try {
      await jwtVerify(assertion, certificate.publicKey, {
        algorithms: [algorithm],
        audience: this.tokenEndpoint,
        issuer: this.appId,
        subject: this.appId,
        requiredClaims: ['exp', 'nbf', 'jti'],
        // MSAL rounds nbf to the nearest second (so it may be half a second ahead); Entra allows skew too.
        clockTolerance: ASSERTION_CLOCK_SKEW_SECONDS,
      });
    } catch (error) {
      return { refused: `the client assertion was refused: ${(error as Error).message}` };
    }
    return 'certificate';
  }

  get requests(): readonly RecordedRequest[] {
    return this.http.requests;
  }

  stop(): Promise<void> {
    return this.http.stop();
  }
}
