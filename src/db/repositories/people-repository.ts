import { randomUUID } from 'node:crypto';
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

  /**
   * A leaver: their email, name and Entra object id replaced (the row and its id stay, so every
   * value, narrative and audit row still points at the same person), and every role they held
   * removed. Returns how many roles went.
   */
  async anonymise(personId: string, replacement: { readonly email: string; readonly displayName: string }): Promise<number> {
    await this.db.person.update({ where: { id: personId }, data: { email: replacement.email, displayName: replacement.displayName, aadObjectId: null } });
    return (await this.db.personRole.deleteMany({ where: { personId } })).count;
  }

  findByAadObjectId(aadObjectId: string): Promise<PersonRecord | null> {
    return this.db.person.findUnique({ where: { aadObjectId } });
  }

  /**
   * The person Teams names by Entra object id, with the roles they hold, in one statement: every
   * turn asks this first, so it is one round trip, not two.
   */
  async findWithRolesByAadObjectId(aadObjectId: string): Promise<{ person: PersonRecord; roles: Role[] } | null> {
    const rows = await this.db.$queryRaw<{ id: string; aadObjectId: string | null; email: string; displayName: string; roles: Role[] | null }[]>`
      SELECT p."id", p."aad_object_id" AS "aadObjectId", p."email", p."display_name" AS "displayName",
             (SELECT array_agg(r."role"::text ORDER BY r."role") FROM "person_role" r WHERE r."person_id" = p."id") AS "roles"
        FROM "person" p WHERE p."aad_object_id" = ${aadObjectId}`;
    const row = rows[0];
    if (!row) return null;
    const { roles, ...person } = row;
    return { person, roles: roles ?? [] };
  }

  findById(id: string): Promise<PersonRecord | null> {
    return this.db.person.findUnique({ where: { id } });
  }

  /** These people by email (lower-case), in no particular order; emails not found are left out. */
  findByEmails(emails: readonly string[]): Promise<PersonRecord[]> {
    return this.db.person.findMany({ where: { email: { in: emails.map((e) => e.toLowerCase()) } } });
  }

  /** These people by Entra object id, in no particular order; ids not found are left out. */
  findByAadObjectIds(aadObjectIds: readonly string[]): Promise<PersonRecord[]> {
    return this.db.person.findMany({ where: { aadObjectId: { in: [...aadObjectIds] } } });
  }

  create(details: PersonDetails): Promise<PersonRecord> {
    return this.db.person.create({ data: { ...details, email: details.email.toLowerCase() } });
  }

  /** Adds these people in one statement (unnest: one array per column); returns them as stored. */
  async createMany(people: readonly PersonDetails[]): Promise<PersonRecord[]> {
    if (people.length === 0) return [];
    const rows = await this.db.$queryRaw<{ id: string; aad_object_id: string | null; email: string; display_name: string; created_at: Date; updated_at: Date }[]>`
      INSERT INTO "person" ("id", "aad_object_id", "email", "display_name", "updated_at")
      SELECT r.*, (now() AT TIME ZONE 'UTC')::timestamp(3)
        FROM unnest(${people.map(() => randomUUID())}::text[], ${people.map((p) => p.aadObjectId)}::text[],
                    ${people.map((p) => p.email.toLowerCase())}::text[], ${people.map((p) => p.displayName)}::text[]) AS r
      RETURNING "id", "aad_object_id", "email", "display_name", "created_at", "updated_at"`;
    // The same fields, in the same order, as Prisma gives a person.
    return rows.map((r) => ({ id: r.id, aadObjectId: r.aad_object_id, email: r.email, displayName: r.display_name, createdAt: r.created_at, updatedAt: r.updated_at }));
  }

  update(id: string, changes: Partial<PersonDetails>): Promise<PersonRecord> {
    return this.db.person.update({ where: { id }, data: changes });
  }

  async rolesOf(personId: string): Promise<Role[]> {
    const rows = await this.db.personRole.findMany({ where: { personId }, orderBy: { role: 'asc' } });
    return rows.map((row) => row.role);
  }

  /** The roles each of these people holds explicitly; someone with none is absent. */
  async rolesOfEach(personIds: readonly string[]): Promise<Map<string, Role[]>> {
    const rows = await this.db.personRole.findMany({ where: { personId: { in: [...personIds] } }, orderBy: [{ personId: 'asc' }, { role: 'asc' }] });
    const roles = new Map<string, Role[]>();
    for (const row of rows) roles.set(row.personId, [...(roles.get(row.personId) ?? []), row.role]);
    return roles;
  }

  /** Grants each role not already held, in one statement; returns how many were new. */
  async grantRoles(grants: readonly { readonly personId: string; readonly role: Role }[]): Promise<number> {
    if (grants.length === 0) return 0;
    return this.db.$executeRaw`
      INSERT INTO "person_role" ("person_id", "role")
      SELECT * FROM unnest(${grants.map((g) => g.personId)}::text[], ${grants.map((g) => g.role)}::text[]::"Role"[])
      ON CONFLICT DO NOTHING`;
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
