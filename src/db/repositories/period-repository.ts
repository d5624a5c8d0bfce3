import type { Db } from '../prisma-types';

export interface ReportingPeriodRecord {
  readonly period: string;
  readonly openedAt: Date | null;
  readonly deadline: Date | null;
  readonly closedAt: Date | null;
}

/** Whether a period is open for entry, and when its deadline falls. No row: never opened. */
export class PeriodRepository {
  constructor(private readonly db: Db) {}

  find(period: string): Promise<ReportingPeriodRecord | null> {
    return this.db.reportingPeriod.findUnique({ where: { period } });
  }

  /** These periods' windows in one query, by period key; periods never opened are absent. */
  async findAll(periods: readonly string[]): Promise<Map<string, ReportingPeriodRecord>> {
    const rows = await this.db.reportingPeriod.findMany({ where: { period: { in: [...new Set(periods)] } } });
    return new Map(rows.map((row) => [row.period, row]));
  }

  async save(record: ReportingPeriodRecord): Promise<void> {
    await this.db.reportingPeriod.upsert({ where: { period: record.period }, create: record, update: record });
  }

  /** Periods open for entry at `now`: opened, and not yet closed. */
  openAt(now: Date): Promise<ReportingPeriodRecord[]> {
    return this.db.reportingPeriod.findMany({
      where: { openedAt: { lte: now }, OR: [{ closedAt: null }, { closedAt: { gt: now } }] },
      orderBy: { period: 'asc' },
    });
  }

  list(): Promise<ReportingPeriodRecord[]> {
    return this.db.reportingPeriod.findMany({ orderBy: { period: 'asc' } });
  }
}
