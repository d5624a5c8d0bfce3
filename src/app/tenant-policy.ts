/**
 * The council's own Entra tenant. Teams lets people from other organisations chat with a bot
 * (external access, guests), and the tab's sign-in token names the tenant it came from: the product
 * serves the configured tenant only. With no tenant configured (local development, the demo) every
 * tenant is accepted, and the tab is readable only by people in the register.
 */
export class TenantPolicy {
  constructor(readonly councilTenantId: string | null) {}

  /** Whether an activity or a token from this tenant may be served. */
  allows(tenantId: string | null | undefined): boolean {
    if (!this.councilTenantId) return true;
    return typeof tenantId === 'string' && tenantId.toLowerCase() === this.councilTenantId.toLowerCase();
  }

  /** Whether this tenant is known to be the council's own (not merely allowed because none is configured). */
  isCouncilTenant(tenantId: string | null | undefined): boolean {
    return this.councilTenantId !== null && this.allows(tenantId);
  }
}
