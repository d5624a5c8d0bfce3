import type { Db } from '../prisma-types';

/** Claims of scheduled firings (node-cron's run coordinator): the first instance to claim runs it. */
export class CronLockRepository {
  constructor(private readonly db: Db) {}

  async claim(key: string, claimedBy: string, at: Date): Promise<boolean> {
    const result = await this.db.cronLock.createMany({ data: [{ key, claimedBy, claimedAt: at }], skipDuplicates: true });
    return result.count === 1;
  }

  /** Old claims are only history; keep the table small. */
  async pruneBefore(before: Date): Promise<number> {
    return (await this.db.cronLock.deleteMany({ where: { claimedAt: { lt: before } } })).count;
  }
}
