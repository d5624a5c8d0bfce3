/**
 * Who is looking at the Scorecard tab, and what the register lets them see.
 *
 * Readers: with TAB_READERS=tenant (the default) anyone signed in from the council's own tenant
 * (every member of staff and every councillor, as the frameworks want); with TAB_READERS=register
 * only people in the register (any role, VIEWER included). Other tenants never.
 *
 * Every reader sees the scorecard, every indicator, its owner and director, the owner's narratives
 * and the history of its values. Who entered each version of a value is audit detail: it is shown
 * to the people accountable for the indicator (owner, delegates, verifier, director) and to the
 * performance team (admins); everyone else sees the versions without names.
 */
import type { Store } from '../../db/store';
import type { IndicatorRecord } from '../../db/repositories/indicator-repository';
import type { PersonRecord } from '../../db/repositories/people-repository';
import type { AdminPolicy } from '../admin-policy';
import type { PeopleService } from '../people-service';
import type { TenantPolicy } from '../tenant-policy';
import type { Refusals } from '../refusals';
import type { ViewerView } from './tab-views';

export interface Viewer {
  /** Null for a reader from the council's tenant who is not in the register. */
  readonly personId: string | null;
  readonly name: string;
  readonly email: string;
  readonly isAdmin: boolean;
}

/** Who a valid single sign-on token says the person is. */
export interface SignedInIdentity {
  /** The Entra object id (oid claim). */
  readonly aadObjectId: string;
  /** preferred_username or upn: normally the work email. */
  readonly username: string | null;
  readonly name: string | null;
  /** The Entra tenant the token came from (tid). */
  readonly tenantId: string;
}

export type TabReaders = 'tenant' | 'register';

export class TabViewers {
  constructor(
    private readonly store: Store,
    private readonly people: PeopleService,
    private readonly admins: AdminPolicy,
    private readonly tenants: TenantPolicy,
    private readonly refusals: Refusals,
    private readonly readers: TabReaders,
  ) {}

  /**
   * Who a signed-in identity is and whether they may read: the register's person (linked by email
   * on first sight), a reader from the council's tenant, or null when they may not read.
   */
  async identify(identity: SignedInIdentity): Promise<Viewer | null> {
    if (!this.tenants.allows(identity.tenantId)) {
      await this.refusals.otherTenant({ tenantId: identity.tenantId, name: identity.name, aadObjectId: identity.aadObjectId, what: 'tab' });
      return null;
    }
    const person = await this.people.identify(
      { aadObjectId: identity.aadObjectId, teamsUserId: null, name: identity.name },
      async () => identity.username,
    );
    if (person) return this.viewerFor(person);
    if (this.admins.isListed(identity.aadObjectId)) {
      return { personId: null, name: identity.name ?? identity.username ?? 'Performance team', email: identity.username ?? '', isAdmin: true };
    }
    if (this.readers === 'tenant' && this.tenants.isCouncilTenant(identity.tenantId)) {
      return { personId: null, name: identity.name ?? identity.username ?? 'Reader', email: identity.username ?? '', isAdmin: false };
    }
    return null;
  }

  /**
   * Development mode only (authentication disabled): act as the person with this email, or as the
   * first admin in the register when none is given.
   */
  async developer(email: string | null): Promise<Viewer | null> {
    const person = email
      ? await this.store.repos.people.findByEmail(email)
      : ((await this.store.repos.people.withRole('ADMIN'))[0] ?? null);
    return person ? this.viewerFor(person) : null;
  }

  private async viewerFor(person: PersonRecord): Promise<Viewer> {
    const isAdmin = await this.admins.isAdmin(person);
    return { personId: person.id, name: person.displayName, email: person.email, isAdmin };
  }
}

/** Whether the viewer sees who entered each version of this indicator's values. */
export function seesWhoEntered(viewer: Viewer, indicator: IndicatorRecord): boolean {
  if (viewer.isAdmin) return true;
  if (viewer.personId === null) return false;
  return (
    indicator.ownerId === viewer.personId ||
    indicator.delegateIds.includes(viewer.personId) ||
    indicator.verifierId === viewer.personId ||
    indicator.directorId === viewer.personId
  );
}

export function viewerView(viewer: Viewer): ViewerView {
  return { name: viewer.name, email: viewer.email, isAdmin: viewer.isAdmin };
}
