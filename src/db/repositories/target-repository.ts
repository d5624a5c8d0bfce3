import type { Db } from '../prisma-types';

export interface TargetRecord {
  readonly indicatorId: string;
  /** Canonical period key: "2026/27", "2026/27 Q3" or "2026-10". */
  readonly period: string;
  readonly financialYear: number;
  readonly value: number;
}

export class TargetRepository {
  constructor(private readonly db: Db) {}

  async find(indicatorId: string, period: string): Promise<TargetRecord | null> {
    const row = await this.db.target.findUnique({ where: { indicatorId_period: { indicatorId, period } } });
    return row ? { ...row, value: row.value.toNumber() } : null;
  }

  async upsert(target: TargetRecord): Promise<void> {
    const { indicatorId, period } = target;
    await this.db.target.upsert({
      where: { indicatorId_period: { indicatorId, period } },
      create: target,
      update: { value: target.value, financialYear: target.financialYear },
    });
  }

  async forIndicators(indicatorIds: readonly string[]): Promise<TargetRecord[]> {
    const rows = await this.db.target.findMany({
      where: { indicatorId: { in: [...indicatorIds] } },
      orderBy: [{ indicatorId: 'asc' }, { period: 'asc' }],
    });
    return rows.map((row) => ({ ...row, value: row.value.toNumber() }));
  }

  count(): Promise<number> {
    return this.db.target.count();
  }
}
