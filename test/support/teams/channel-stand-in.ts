/**
 * The Bot Framework channel's side of inbound authentication: an OpenID metadata document and its
 * signing keys (endorsed for msteams), and a way to mint the tokens Teams would send, right or
 * wrong in any one respect.
 */
import { SignJWT, exportJWK, generateKeyPair, type KeyLike } from 'jose';
import { HttpStandIn, type Reply } from './http-stand-in';

export const CHANNEL_ISSUER = 'https://api.botframework.test';

export interface TokenClaims {
  readonly audience?: string;
  readonly issuer?: string;
  readonly serviceUrl?: string;
  /** Seconds from now. */
  readonly expiresIn?: number;
  readonly notBeforeIn?: number;
  /** Sign with another key but claim the published key's id: a forgery. */
  readonly forged?: boolean;
}

export class ChannelStandIn {
  private readonly http: HttpStandIn = new HttpStandIn((request): Reply => {
    if (request.path === '/openid') {
      return { status: 200, body: { issuer: CHANNEL_ISSUER, jwks_uri: `${this.http.baseUrl}/keys`, id_token_signing_alg_values_supported: ['RS256'] } };
    }
    if (request.path === '/keys') return { status: 200, body: { keys: [this.publicJwk] } };
    return { status: 404 };
  });
  private privateKey!: KeyLike;
  private forgerKey!: KeyLike;
  private publicJwk!: Record<string, unknown>;
  private readonly kid = 'channel-key-1';

  constructor(private readonly appId: string) {}

  async start(): Promise<void> {
    const pair = await generateKeyPair('RS256');
    this.privateKey = pair.privateKey;
    this.forgerKey = (await generateKeyPair('RS256')).privateKey;
    this.publicJwk = { ...(await exportJWK(pair.publicKey)), kid: this.kid, use: 'sig', alg: 'RS256', endorsements: ['msteams'] };
    await this.http.start();
  }

  get openIdMetadataUrl(): string {
    return `${this.http.baseUrl}/openid`;
  }

  /** An Authorization header value as Teams would send for an activity to `serviceUrl`. */
  async authorization(serviceUrl: string, claims: TokenClaims = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const jwt = await new SignJWT({ serviceurl: claims.serviceUrl ?? serviceUrl })
      .setProtectedHeader({ alg: 'RS256', kid: this.kid, typ: 'JWT' })
      .setIssuer(claims.issuer ?? CHANNEL_ISSUER)
      .setAudience(claims.audience ?? this.appId)
      .setIssuedAt(now - 60)
      .setNotBefore(now + (claims.notBeforeIn ?? -60))
      .setExpirationTime(now + (claims.expiresIn ?? 3600))
      .sign(claims.forged ? this.forgerKey : this.privateKey);
    return `Bearer ${jwt}`;
  }

  stop(): Promise<void> {
    return this.http.stop();
  }
}
