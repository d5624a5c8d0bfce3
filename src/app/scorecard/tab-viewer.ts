/**
 * Who is looking at the Scorecard tab, and what the register lets them see.
 *
 * Everyone in the register sees the scorecard, every indicator, its owner and director, the
 * owner's narratives and the history of its values. Who entered each version of a value is audit
 * detail: it is shown to the people accountable for the indicator (owner, delegates, verifier,
 * director) and to the performance team (admins); everyone else sees the versions without names.
 */
import type { Store } from '../../db/store';
import type { IndicatorRecord } from '../../db/repositories/indicator-repository';
import type { PersonRecord } from '../../db/repositories/people-repository';
import type { AdminPolicy } from '../admin-policy';
import type { PeopleService } from '../people-service';
import type { ViewerView } from './tab-views';

export interface Viewer {
  readonly personId: string;
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
}

export class TabViewers {
  constructor(
    private readonly store: Store,
    private readonly people: PeopleService,
    private readonly admins: AdminPolicy,
  ) {}

  /** The register's person for a signed-in identity (linking them by email on first sight), or null. */
  async identify(identity: SignedInIdentity): Promise<Viewer | null> {
    const person = await this.people.identify(
      { aadObjectId: identity.aadObjectId, teamsUserId: null, name: identity.name },
      async () => identity.username,
    );
    return person ? this.viewerFor(person) : null;
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
  return (
    viewer.isAdmin ||
    indicator.ownerId === viewer.personId ||
    indicator.delegateIds.includes(viewer.personId) ||
    indicator.verifierId === viewer.personId ||
    indicator.directorId === viewer.personId
  );
}

export function viewerView(viewer: Viewer): ViewerView {
  return { name: viewer.name, email: viewer.email, isAdmin: viewer.isAdmin };
}
