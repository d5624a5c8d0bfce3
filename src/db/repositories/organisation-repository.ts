import type { Db } from '../prisma-types';

/** Directorates, services and corporate priorities: the register's grouping. */
export class OrganisationRepository {
  constructor(private readonly db: Db) {}

  /** Finds a directorate by name, creating it if new; returns its id and whether it was created. */
  async ensureDirectorate(name: string): Promise<{ id: string; created: boolean }> {
    const existing = await this.db.directorate.findUnique({ where: { name } });
    if (existing) return { id: existing.id, created: false };
    const row = await this.db.directorate.create({ data: { name } });
    return { id: row.id, created: true };
  }

  async setDirectorateDirector(directorateId: string, directorId: string): Promise<void> {
    await this.db.directorate.update({ where: { id: directorateId }, data: { directorId } });
  }

  async ensureService(directorateId: string, name: string): Promise<{ id: string; created: boolean }> {
    const existing = await this.db.service.findUnique({ where: { directorateId_name: { directorateId, name } } });
    if (existing) return { id: existing.id, created: false };
    const row = await this.db.service.create({ data: { directorateId, name } });
    return { id: row.id, created: true };
  }

  async ensurePriority(code: string, title: string): Promise<{ id: string; created: boolean }> {
    const existing = await this.db.priority.findUnique({ where: { code } });
    if (existing) {
      if (existing.title !== title && title) await this.db.priority.update({ where: { code }, data: { title } });
      return { id: existing.id, created: false };
    }
    const row = await this.db.priority.create({ data: { code, title: title || code } });
    return { id: row.id, created: true };
  }

  async directorateNames(): Promise<string[]> {
    const rows = await this.db.directorate.findMany({ orderBy: { name: 'asc' }, select: { name: true } });
    return rows.map((row) => row.name);
  }
}
