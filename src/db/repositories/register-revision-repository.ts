import type { Db } from '../prisma-types';

/**
 * The register's revision: a number that moves on with every committed change to indicators,
 * delegates, values, targets, reporting windows, people, directorates or verifiers' decisions
 * (deferred triggers in the register_revision and verification_changes_register migrations). Equal
 * numbers mean an answer computed from those tables still holds.
 */
export class RegisterRevisionRepository {
  constructor(private readonly db: Db) {}

  async current(): Promise<string> {
    const row = await this.db.registerRevision.findUnique({ where: { id: 1 } });
    return String(row?.revision ?? 0n);
  }
}
