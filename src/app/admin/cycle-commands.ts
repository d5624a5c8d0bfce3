/**
 * The performance team runs a step of the monthly cycle, or asks where it stands, from chat. A step
 * is not run in the turn: it is recorded as a background job (app/jobs/background-jobs.ts), and
 * the turn answers with the job's progress card.
 */
import type { MonthPeriod } from '../../domain/periods';
import { periodKey } from '../../domain/periods';
import type { CycleService, StepName } from '../cycle/cycle-service';
import type { CycleStatusReport } from '../cycle/cycle-status';
import type { BackgroundJobs, CommandPlace, JobStarted } from '../jobs/background-jobs';
import { auditedAs, type Actor } from '../actor';
import type { PerformanceTeamOnly, Refused } from './performance-team-only';

export class CycleCommands {
  constructor(
    private readonly cycle: CycleService,
    private readonly guard: PerformanceTeamOnly,
    private readonly jobs: BackgroundJobs,
  ) {}

  async startStep(actor: Actor, step: StepName, month: MonthPeriod, place: CommandPlace): Promise<Refused | JobStarted> {
    const refused = await this.guard.check(actor, `cycle ${step} ${periodKey(month)}`, 'run the cycle');
    if (refused) return refused;
    const who = auditedAs(actor);
    return this.jobs.request({ kind: step, month, requestedBy: who.actorLabel, requestedById: who.actorId, place });
  }

  async status(actor: Actor, month: MonthPeriod): Promise<Refused | { readonly kind: 'status'; readonly report: CycleStatusReport }> {
    const refused = await this.guard.check(actor, `cycle status ${periodKey(month)}`, 'run the cycle');
    if (refused) return refused;
    return { kind: 'status', report: await this.cycle.status(month) };
  }
}
