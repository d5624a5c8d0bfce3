/**
 * The audit of refused requests: someone asked for what their role does not allow, or a request
 * came from another organisation's tenant. Only the audit row is written; nothing else changes.
 */
import type { Store } from '../db/store';
import { auditedAs, type Actor } from './actor';

export class Refusals {
  constructor(private readonly store: Store) {}

  /** A command refused to this actor, e.g. "cycle open 2026-10" asked by someone not in the performance team. */
  async command(actor: Actor, what: string): Promise<void> {
    await this.store.repos.audit.record({
      ...auditedAs(actor), action: 'command.refused', entityType: 'Person', entityId: actor.person?.id ?? actor.aadObjectId ?? 'unknown', after: { what },
    });
  }

  /** An activity or request from a tenant that is not the council's: audited, nothing stored. */
  async otherTenant(details: { readonly tenantId: string | null; readonly name: string | null; readonly aadObjectId: string | null; readonly what: string }): Promise<void> {
    await this.store.repos.audit.record({
      actorId: null, actorLabel: details.name ?? 'someone from another tenant', action: 'tenant.refused', entityType: 'Tenant',
      entityId: details.tenantId ?? 'none', after: { aadObjectId: details.aadObjectId, what: details.what },
    });
  }
}
