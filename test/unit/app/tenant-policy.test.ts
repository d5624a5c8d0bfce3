import { TenantPolicy } from '../../../src/app/tenant-policy';

describe('the council\'s own tenant', () => {
  const council = new TenantPolicy('9D8C7B6A-5F4E-4D3C-8B2A-1E0F9D8C7B6A');
  const open = new TenantPolicy(null);

  it('allows only the configured tenant, whatever the case of its id', () => {
    expect(council.allows('9d8c7b6a-5f4e-4d3c-8b2a-1e0f9d8c7b6a')).toBe(true);
    expect(council.allows('11111111-2222-4333-8444-555555555555')).toBe(false);
    expect(council.allows(null)).toBe(false);
    expect(council.allows(undefined)).toBe(false);
  });

  it('knows a tenant to be the council\'s only when one is configured', () => {
    expect(council.isCouncilTenant('9d8c7b6a-5f4e-4d3c-8b2a-1e0f9d8c7b6a')).toBe(true);
    expect(open.allows('any-tenant')).toBe(true);
    expect(open.isCouncilTenant('any-tenant')).toBe(false);
  });
});
