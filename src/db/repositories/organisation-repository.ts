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

  /** Finds or creates each directorate by name, in two statements; by name, with its director. */
  async ensureDirectorates(names: readonly string[]): Promise<Map<string, { id: string; directorId: string | null }>> {
    const wanted = [...new Set(names)];
    const found = await this.db.directorate.findMany({ where: { name: { in: wanted } } });
    const have = new Set(found.map((d) => d.name));
    const missing = wanted.filter((name) => !have.has(name));
    const created = missing.length > 0 ? await this.db.directorate.createManyAndReturn({ data: missing.map((name) => ({ name })) }) : [];
    return new Map([...found, ...created].map((d) => [d.name, { id: d.id, directorId: d.directorId }]));
  }

  /** Finds or creates each service of a directorate, in two statements; keyed by serviceKey. */
  async ensureServices(services: readonly { readonly directorateId: string; readonly name: string }[]): Promise<Map<string, string>> {
    const byKey = new Map(services.map((s) => [serviceKey(s.directorateId, s.name), s]));
    if (byKey.size === 0) return new Map();
    const found = await this.db.service.findMany({ where: { OR: [...byKey.values()].map(({ directorateId, name }) => ({ directorateId, name })) } });
    const have = new Map(found.map((s) => [serviceKey(s.directorateId, s.name), s.id]));
    const missing = [...byKey.entries()].filter(([key]) => !have.has(key)).map(([, s]) => ({ directorateId: s.directorateId, name: s.name }));
    if (missing.length > 0) {
      for (const s of await this.db.service.createManyAndReturn({ data: missing })) have.set(serviceKey(s.directorateId, s.name), s.id);
    }
    return have;
  }

  /** Finds or creates each priority by code (its title the code, for a new one), in two statements. */
  async ensurePriorities(codes: readonly string[]): Promise<Map<string, string>> {
    const wanted = [...new Set(codes)];
    if (wanted.length === 0) return new Map();
    const found = await this.db.priority.findMany({ where: { code: { in: wanted } } });
    const have = new Set(found.map((p) => p.code));
    const missing = wanted.filter((code) => !have.has(code));
    const created = missing.length > 0 ? await this.db.priority.createManyAndReturn({ data: missing.map((code) => ({ code, title: code })) }) : [];
    return new Map([...found, ...created].map((p) => [p.code, p.id]));
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

  /** Every corporate priority's name (its title) by id: the quarterly report groups by them. */
  async priorityNames(): Promise<Map<string, string>> {
    const rows = await this.db.priority.findMany({ select: { id: true, title: true } });
    return new Map(rows.map((row) => [row.id, row.title]));
  }

  async directorateNames(): Promise<string[]> {
    const rows = await this.db.directorate.findMany({ orderBy: { name: 'asc' }, select: { name: true } });
    return rows.map((row) => row.name);
  }
}

export const serviceKey = (directorateId: string, name: string): string => `${directorateId}|${name}`;
