/**
 * The performance team posts a month's Board digest on demand ("digest 2026-10"): recorded as a
 * background job (app/jobs/background-jobs.ts), answered with its progress card.
 */
import { periodKey, type MonthPeriod } from '../../domain/periods';
import type { BackgroundJobs, CommandPlace, JobStarted } from '../jobs/background-jobs';
import { auditedAs, type Actor } from '../actor';
import type { PerformanceTeamOnly, Refused } from './performance-team-only';

export class DigestCommand {
  constructor(
    private readonly jobs: BackgroundJobs,
    private readonly guard: PerformanceTeamOnly,
  ) {}

  async start(actor: Actor, month: MonthPeriod, place: CommandPlace): Promise<Refused | JobStarted> {
    const refused = await this.guard.check(actor, `digest ${periodKey(month)}`, 'post the Board\'s digest');
    if (refused) return refused;
    const who = auditedAs(actor);
    return this.jobs.request({ kind: 'digest', month, requestedBy: who.actorLabel, requestedById: who.actorId, place });
  }
}
