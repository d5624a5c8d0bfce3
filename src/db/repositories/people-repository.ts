import type { Db } from '../prisma-types';
import type { Role } from '../../domain/types';

export interface PersonRecord {
  readonly id: string;
  readonly aadObjectId: string | null;
  readonly email: string;
  readonly displayName: string;
}

export interface PersonDetails {
  readonly email: string;
  readonly aadObjectId: string | null;
  readonly displayName: string;
}

export class PeopleRepository {
  constructor(private readonly db: Db) {}

  findByEmail(email: string): Promise<PersonRecord | null> {
    return this.db.person.findUnique({ where: { email: email.toLowerCase() } });
  }

  findByAadObjectId(aadObjectId: string): Promise<PersonRecord | null> {
    return this.db.person.findUnique({ where: { aadObjectId } });
  }

  findById(id: string): Promise<PersonRecord | null> {
    return this.db.person.findUnique({ where: { id } });
  }

  create(details: PersonDetails): Promise<PersonRecord> {
    return this.db.person.create({ data: { ...details, email: details.email.toLowerCase() } });
  }

  update(id: string, changes: Partial<PersonDetails>): Promise<PersonRecord> {
    return this.db.person.update({ where: { id }, data: changes });
  }

  async rolesOf(personId: string): Promise<Role[]> {
    const rows = await this.db.personRole.findMany({ where: { personId }, orderBy: { role: 'asc' } });
    return rows.map((row) => row.role);
  }

  /** Grants the role if not held; returns whether it was new. */
  async grantRole(personId: string, role: Role): Promise<boolean> {
    const result = await this.db.personRole.createMany({ data: [{ personId, role }], skipDuplicates: true });
    return result.count > 0;
  }

  /** Takes the role away if held; returns whether it was held. */
  async revokeRole(personId: string, role: Role): Promise<boolean> {
    const result = await this.db.personRole.deleteMany({ where: { personId, role } });
    return result.count > 0;
  }

  count(): Promise<number> {
    return this.db.person.count();
  }

  /** These people, in no particular order; ids not found are left out. */
  findByIds(ids: readonly string[]): Promise<PersonRecord[]> {
    return this.db.person.findMany({ where: { id: { in: [...ids] } } });
  }

  /** Everyone holding the role explicitly, by name. */
  async withRole(role: Role): Promise<PersonRecord[]> {
    const rows = await this.db.personRole.findMany({ where: { role }, include: { person: true } });
    return rows.map((row) => row.person).sort((a, b) => a.displayName.localeCompare(b.displayName));
  }
}
