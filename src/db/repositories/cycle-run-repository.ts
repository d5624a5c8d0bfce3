import type { Db } from '../prisma-types';
import type { InputJsonValue } from '@prisma/client/runtime/client';

export interface CycleRunRecord {
  readonly id: string;
  readonly runKey: string;
  readonly step: string;
  readonly period: string;
  readonly trigger: string;
  readonly startedAt: Date;
  readonly finishedAt: Date | null;
  readonly instance: string;
  readonly outcome: unknown;
}

/** Runs of the cycle's steps. Starting a run with a key already used fails: that is the guard. */
export class CycleRunRepository {
  constructor(private readonly db: Db) {}

  /** Starts the run, or returns null if a run with this key exists (another instance fired it). */
  async start(run: { runKey: string; step: string; period: string; trigger: string; instance: string; at: Date }): Promise<CycleRunRecord | null> {
    const created = await this.db.cycleRun.createMany({
      data: [{ runKey: run.runKey, step: run.step, period: run.period, trigger: run.trigger, instance: run.instance, startedAt: run.at }],
      skipDuplicates: true,
    });
    if (created.count === 0) return null;
    return this.db.cycleRun.findUnique({ where: { runKey: run.runKey } });
  }

  async finish(id: string, at: Date, outcome: unknown): Promise<void> {
    await this.db.cycleRun.update({ where: { id }, data: { finishedAt: at, outcome: outcome as InputJsonValue } });
  }

  forPeriod(period: string): Promise<CycleRunRecord[]> {
    return this.db.cycleRun.findMany({ where: { period }, orderBy: { startedAt: 'asc' } });
  }
}
