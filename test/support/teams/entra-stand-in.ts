/**
 * Entra ID's side of the tab's single sign-on: an OpenID metadata document in Entra's multi-tenant
 * form (issuer with a "{tenantid}" placeholder) and its signing keys, and a way to mint the access
 * tokens authentication.getAuthToken() would hand the tab, right or wrong in any one respect.
 */
import { SignJWT, exportJWK, generateKeyPair, type KeyLike } from 'jose';
import { HttpStandIn, type Reply } from './http-stand-in';

export const ENTRA_TENANT_ID = '3c1d8e5a-7b2f-4c9d-8e6a-5f4b3a2c1d0e';
const ISSUER_TEMPLATE = 'https://login.entra.test/{tenantid}/v2.0';

export interface EntraUser {
  readonly oid: string;
  readonly email: string;
  readonly name: string;
}

export interface AccessTokenClaims {
  readonly audience?: string;
  readonly issuer?: string;
  readonly tenantId?: string;
  /** Seconds from now. */
  readonly expiresIn?: number;
  readonly notBeforeIn?: number;
  /** Sign with another key but claim the published key's id: a forgery. */
  readonly forged?: boolean;
  /** Leave the oid claim out. */
  readonly withoutOid?: boolean;
}

export class EntraStandIn {
  private readonly http = new HttpStandIn((request): Reply => {
    if (request.path === '/common/v2.0/.well-known/openid-configuration') {
      return { status: 200, body: { issuer: ISSUER_TEMPLATE, jwks_uri: `${this.http.baseUrl}/common/discovery/v2.0/keys`, id_token_signing_alg_values_supported: ['RS256'] } };
    }
    if (request.path === '/common/discovery/v2.0/keys') return { status: 200, body: { keys: [this.publicJwk] } };
    return { status: 404 };
  });
  private privateKey!: KeyLike;
  private forgerKey!: KeyLike;
  private publicJwk!: Record<string, unknown>;
  private readonly kid = 'entra-key-1';

  /** `audience`: what the tab's tokens are for (the app id URI), as the server expects by default. */
  constructor(readonly audience: string) {}

  async start(): Promise<void> {
    const pair = await generateKeyPair('RS256');
    this.privateKey = pair.privateKey;
    this.forgerKey = (await generateKeyPair('RS256')).privateKey;
    this.publicJwk = { ...(await exportJWK(pair.publicKey)), kid: this.kid, use: 'sig', alg: 'RS256' };
    await this.http.start();
  }

  get openIdMetadataUrl(): string {
    return `${this.http.baseUrl}/common/v2.0/.well-known/openid-configuration`;
  }

  issuerFor(tenantId: string): string {
    return ISSUER_TEMPLATE.replace('{tenantid}', tenantId);
  }

  /** An access token for `user`, as Teams' getAuthToken() would return it. */
  async accessToken(user: EntraUser, claims: AccessTokenClaims = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const tenantId = claims.tenantId ?? ENTRA_TENANT_ID;
    return new SignJWT({
      tid: tenantId,
      ...(claims.withoutOid ? {} : { oid: user.oid }),
      preferred_username: user.email,
      name: user.name,
      scp: 'access_as_user',
      ver: '2.0',
    })
      .setProtectedHeader({ alg: 'RS256', kid: this.kid, typ: 'JWT' })
      .setIssuer(claims.issuer ?? this.issuerFor(tenantId))
      .setAudience(claims.audience ?? this.audience)
      .setSubject(`sub-${user.oid}`)
      .setIssuedAt(now - 60)
      .setNotBefore(now + (claims.notBeforeIn ?? -60))
      .setExpirationTime(now + (claims.expiresIn ?? 3600))
      .sign(claims.forged ? this.forgerKey : this.privateKey);
  }

  get requests() {
    return this.http.requests;
  }

  stop(): Promise<void> {
    return this.http.stop();
  }
}
