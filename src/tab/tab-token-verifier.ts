/**
 * Checks the single sign-on token the tab gets from teams-js (authentication.getAuthToken()): an
 * Entra ID access token for our app. Signature against the keys published in the configured OpenID
 * metadata (Entra's by default, a local stand-in in tests), issuer, audience, expiry and, when the
 * bot is registered to one tenant, the tenant.
 *
 * Entra's multi-tenant metadata names its issuer with a "{tenantid}" placeholder; the expected
 * issuer is that template with the token's own tenant id put in, which is how Microsoft's own
 * libraries check it.
 */
import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose';
import type { SignedInIdentity } from '../app/scorecard/tab-viewer';

/** The token is missing or not acceptable: the answer is 401. */
export class TabAuthError extends Error {}

/** The keys cannot be fetched: not the caller's fault, the answer is 503. */
export class TabAuthUnavailableError extends Error {}

export interface TabTokenSettings {
  readonly openIdMetadataUrl: string;
  readonly audiences: readonly string[];
  /** When set, only tokens from this Entra tenant are accepted. */
  readonly tenantId: string | null;
}

interface OpenIdMetadata {
  readonly issuer: string;
  readonly keys: ReturnType<typeof createRemoteJWKSet>;
}

/** Entra's clocks and ours may differ a little; a token is not refused for seconds. */
const CLOCK_TOLERANCE_SECONDS = 30;

export class TabTokenVerifier {
  private metadata: Promise<OpenIdMetadata> | null = null;

  constructor(private readonly settings: TabTokenSettings) {}

  /** The person the bearer token in this Authorization header signs in, or a TabAuthError. */
  async verify(authorization: string | undefined): Promise<SignedInIdentity> {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw new TabAuthError('Sign-in required: send the token from authentication.getAuthToken() as "Authorization: Bearer <token>".');

    const tenantId = unverifiedTenant(token);
    if (this.settings.tenantId && tenantId !== this.settings.tenantId) throw new TabAuthError('The token is from another organisation\'s tenant.');
    const metadata = await this.openIdMetadata();

    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, metadata.keys, {
        issuer: metadata.issuer.replace('{tenantid}', tenantId),
        audience: [...this.settings.audiences],
        algorithms: ['RS256'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError)) {
        throw new TabAuthUnavailableError(`Cannot fetch the signing keys: ${(error as Error).message}`);
      }
      throw new TabAuthError(`The token was refused: ${describe(error)}.`);
    }
    const oid = payload.oid;
    if (typeof oid !== 'string' || oid === '') throw new TabAuthError('The token names no user (no oid claim).');
    return {
      aadObjectId: oid,
      username: firstString(payload.preferred_username, payload.upn, payload.email),
      name: firstString(payload.name),
      tenantId,
    };
  }

  /** Fetched once and kept; a failed fetch is forgotten so the next request tries again. */
  private openIdMetadata(): Promise<OpenIdMetadata> {
    this.metadata ??= fetchMetadata(this.settings.openIdMetadataUrl).catch((error: unknown) => {
      this.metadata = null;
      throw error;
    });
    return this.metadata;
  }
}

async function fetchMetadata(url: string): Promise<OpenIdMetadata> {
  let document: { issuer?: unknown; jwks_uri?: unknown };
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    document = (await response.json()) as typeof document;
  } catch (error) {
    throw new TabAuthUnavailableError(`Cannot read the OpenID metadata at ${url}: ${(error as Error).message}`);
  }
  if (typeof document.issuer !== 'string' || typeof document.jwks_uri !== 'string') {
    throw new TabAuthUnavailableError(`The OpenID metadata at ${url} has no issuer or jwks_uri`);
  }
  // jose fetches the key set itself, caches it and fetches again when a token names an unknown key.
  return { issuer: document.issuer, keys: createRemoteJWKSet(new URL(document.jwks_uri)) };
}

/** The tenant id, read before the signature is checked only to build the expected issuer. */
function unverifiedTenant(token: string): string {
  let claims: JWTPayload;
  try {
    claims = decodeJwt(token);
  } catch {
    throw new TabAuthError('The token is not a JWT.');
  }
  if (typeof claims.tid !== 'string' || !/^[0-9a-f-]{36}$/i.test(claims.tid)) throw new TabAuthError('The token names no tenant (no tid claim).');
  return claims.tid;
}

function describe(error: InstanceType<typeof errors.JOSEError>): string {
  if (error instanceof errors.JWTExpired) return 'it has expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `its "${error.claim}" claim is not acceptable (${error.reason})`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'its signature does not verify';
  if (error instanceof errors.JWKSNoMatchingKey) return 'it is signed with an unknown key';
  return error.message;
}

function firstString(...values: unknown[]): string | null {
  const found = values.find((v): v is string => typeof v === 'string' && v !== '');
  return found ?? null;
}
