/**
 * Turns who Teams (or a sign-in token) says someone is into the Actor every use case takes: their
 * person in the register, roles and whether they are the performance team. Refuses other tenants
 * before anything is read or stored for them.
 *
 * An admin listed in ADMIN_AAD_OBJECT_IDS who is not in the register yet (a new council's first
 * admin, before any register is loaded) is enrolled on first contact, with the ADMIN role, when
 * Teams can tell their email: from then on they enter figures, narratives and decisions as anyone
 * in the register does, and the audit names them.
 */
import type { Logger } from '../logging/logger';
import type { Store } from '../db/store';
import type { PersonRecord } from '../db/repositories/people-repository';
import type { AdminPolicy } from './admin-policy';
import type { EmailLookup, PeopleService } from './people-service';
import type { TenantPolicy } from './tenant-policy';
import type { Refusals } from './refusals';
import type { Actor } from './actor';

export interface ActingIdentity {
  readonly aadObjectId: string | null;
  readonly teamsUserId: string | null;
  readonly name: string | null;
  /** The Entra tenant the activity or token came from. */
  readonly tenantId: string | null;
}

export type ActorResolution =
  | { readonly ok: true; readonly actor: Actor }
  | { readonly ok: false; readonly reason: 'otherTenant' };

export class ActorDirectory {
  constructor(
    private readonly store: Store,
    private readonly people: PeopleService,
    private readonly admins: AdminPolicy,
    private readonly tenants: TenantPolicy,
    private readonly refusals: Refusals,
  ) {}

  /** `what` names the request, for the audit of a refusal ("message", "adaptiveCard/action", "tab"). */
  async resolve(identity: ActingIdentity, lookupEmail: EmailLookup, log: Logger, what: string): Promise<ActorResolution> {
    if (!this.tenants.allows(identity.tenantId)) {
      await this.refusals.otherTenant({ tenantId: identity.tenantId, name: identity.name, aadObjectId: identity.aadObjectId, what });
      log.warn({ tenantId: identity.tenantId, what }, 'refused: another organisation\'s tenant');
      return { ok: false, reason: 'otherTenant' };
    }
    // Someone known by their Entra id (nearly every turn) is found with their roles in one statement.
    const known = identity.aadObjectId ? await this.store.repos.people.findWithRolesByAadObjectId(identity.aadObjectId) : null;
    let person = known?.person ?? (await this.people.identify(identity, lookupEmail));
    const listedAdmin = this.admins.isListed(identity.aadObjectId);
    if (!person && listedAdmin && identity.aadObjectId) person = await this.enrol(identity.aadObjectId, identity.name, lookupEmail);
    const roles = known ? known.roles : person ? await this.store.repos.people.rolesOf(person.id) : [];
    const isAdmin = listedAdmin || roles.includes('ADMIN');
    const name = person?.displayName ?? identity.name ?? 'there';
    return {
      ok: true,
      actor: {
        person, name, roles, isAdmin,
        aadObjectId: identity.aadObjectId,
        teamsUserId: identity.teamsUserId,
        log: log.child({ actor: person?.id ?? identity.aadObjectId ?? 'unknown', admin: isAdmin }),
      },
    };
  }

  private async enrol(aadObjectId: string, name: string | null, lookupEmail: EmailLookup): Promise<PersonRecord | null> {
    const email = (await lookupEmail())?.trim().toLowerCase();
    if (!email) return null;
    return this.store.transaction(async (repos) => {
      // Someone of that email may be in the register already with another id: never take it over.
      if (await repos.people.findByEmail(email)) return null;
      const person = await repos.people.create({ email, aadObjectId, displayName: name?.trim() || email });
      await repos.people.grantRole(person.id, 'ADMIN');
      await repos.audit.record({
        actorId: person.id, actorLabel: person.displayName, action: 'person.enrolled', entityType: 'Person', entityId: person.id,
        after: { email, aadObjectId, roles: ['ADMIN'], via: 'ADMIN_AAD_OBJECT_IDS' },
      });
      return person;
    });
  }
}
