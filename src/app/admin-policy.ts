import type { Store } from '../db/store';
import type { PersonRecord } from '../db/repositories/people-repository';

/**
 * Admins (the performance team) are people with the ADMIN role in the register, and anyone whose
 * Entra object id is listed in ADMIN_AAD_OBJECT_IDS (so a new council can bootstrap its first admin
 * before its register is loaded).
 */
export class AdminPolicy {
  constructor(
    private readonly store: Store,
    private readonly adminAadObjectIds: readonly string[],
  ) {}

  /** Whether this Entra object id is listed in ADMIN_AAD_OBJECT_IDS. */
  isListed(aadObjectId: string | null): boolean {
    return aadObjectId !== null && this.adminAadObjectIds.includes(aadObjectId);
  }

  async isAdmin(person: PersonRecord | null, aadObjectId: string | null = person?.aadObjectId ?? null): Promise<boolean> {
    if (aadObjectId && this.adminAadObjectIds.includes(aadObjectId)) return true;
    if (!person) return false;
    return (await this.store.repos.people.rolesOf(person.id)).includes('ADMIN');
  }

  /** Everyone who is an admin and in the register. */
  async adminPersonIds(): Promise<string[]> {
    const byRole = await this.store.repos.people.withRole('ADMIN');
    const byId = await Promise.all(this.adminAadObjectIds.map((id) => this.store.repos.people.findByAadObjectId(id)));
    return [...new Set([...byRole, ...byId.filter((p) => p !== null)].map((p) => p.id))];
  }
}
