/**
 * The tab's token check against a local Entra ID stand-in (its OpenID metadata and keys served over
 * HTTP from this process), with real RS256 tokens right or wrong in one respect each.
 */
import { TabAuthError, TabAuthUnavailableError, TabTokenVerifier } from '../../../src/tab/tab-token-verifier';
import { EntraStandIn, ENTRA_TENANT_ID } from '../../support/teams/entra-stand-in';

const AUDIENCE = 'api://performance.fenmarsh.test/7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const APP_ID = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const user = { oid: 'b2e1d4c3-2c5f-4d7b-8e3a-1f2b3c4d5e03', email: 'gareth.lewis@fenmarsh.gov.uk', name: 'Gareth Lewis' };

describe('checking the tab\'s single sign-on tokens', () => {
  const entra = new EntraStandIn(AUDIENCE);
  let verifier: TabTokenVerifier;

  beforeAll(async () => {
    await entra.start();
    verifier = new TabTokenVerifier({ openIdMetadataUrl: entra.openIdMetadataUrl, audiences: [AUDIENCE, APP_ID], tenantId: null });
  });
  afterAll(() => entra.stop());

  const bearer = async (claims: Parameters<EntraStandIn['accessToken']>[1] = {}) => `Bearer ${await entra.accessToken(user, claims)}`;

  it('accepts a good token for either audience and says who it is for', async () => {
    await expect(verifier.verify(await bearer())).resolves.toEqual({ aadObjectId: user.oid, username: user.email, name: user.name, tenantId: ENTRA_TENANT_ID });
    await expect(verifier.verify(await bearer({ audience: APP_ID }))).resolves.toMatchObject({ aadObjectId: user.oid });
  });

  it.each([
    ['no header', async () => undefined, /Sign-in required/],
    ['a header that is not a bearer token', async () => 'Basic Z2FyZXRoOnNlY3JldA==', /Sign-in required/],
    ['something that is not a JWT', async () => 'Bearer not-a-jwt', /not a JWT/],
    ['an expired token', () => bearer({ expiresIn: -600 }), /expired/],
    ['a token not valid yet', () => bearer({ notBeforeIn: 600 }), /"nbf" claim/],
    ['a token for another app', () => bearer({ audience: 'api://elsewhere/123' }), /"aud" claim/],
    ['a token from another issuer', () => bearer({ issuer: 'https://login.evil.test/v2.0' }), /"iss" claim/],
    ['a forged token (another key, the published key id)', () => bearer({ forged: true }), /signature/],
    ['a token naming no user', () => bearer({ withoutOid: true }), /no oid/],
  ])('refuses %s', async (_case, header, message) => {
    const error = await verifier.verify(await header()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TabAuthError);
    expect((error as Error).message).toMatch(message);
  });

  it('refuses another tenant\'s token when the bot is registered to one tenant', async () => {
    const singleTenant = new TabTokenVerifier({ openIdMetadataUrl: entra.openIdMetadataUrl, audiences: [AUDIENCE], tenantId: ENTRA_TENANT_ID });
    await expect(singleTenant.verify(await bearer())).resolves.toMatchObject({ aadObjectId: user.oid });
    const other = await singleTenant.verify(await bearer({ tenantId: '11111111-2222-4333-8444-555555555555' })).catch((e: unknown) => e);
    expect(other).toBeInstanceOf(TabAuthError);
  });

  it('fetches the metadata once, and says so when the keys cannot be had at all', async () => {
    const before = entra.requests.filter((r) => r.path.endsWith('openid-configuration')).length;
    await verifier.verify(await bearer());
    await verifier.verify(await bearer());
    expect(entra.requests.filter((r) => r.path.endsWith('openid-configuration')).length).toBe(before);

    const unreachable = new TabTokenVerifier({ openIdMetadataUrl: 'http://127.0.0.1:9/openid-configuration', audiences: [AUDIENCE], tenantId: null });
    await expect(unreachable.verify(await bearer())).rejects.toBeInstanceOf(TabAuthUnavailableError);
  });
});
