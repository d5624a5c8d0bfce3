/** The performance team runs a step of the monthly cycle, or asks where it stands, from chat. */
import type { MonthPeriod } from '../../domain/periods';
import { periodKey } from '../../domain/periods';
import type { CycleService, StepName, StepOutcome } from '../cycle/cycle-service';
import type { CycleStatusReport } from '../cycle/cycle-status';
import { auditedAs, type Actor } from '../actor';
import type { PerformanceTeamOnly, Refused } from './performance-team-only';

export class CycleCommands {
  constructor(
    private readonly cycle: CycleService,
    private readonly guard: PerformanceTeamOnly,
    private readonly instanceId: string,
  ) {}

  async runStep(actor: Actor, step: StepName, month: MonthPeriod): Promise<Refused | { readonly kind: 'ran'; readonly outcome: StepOutcome }> {
    const refused = await this.guard.check(actor, `cycle ${step} ${periodKey(month)}`, 'run the cycle');
    if (refused) return refused;
    const who = auditedAs(actor);
    const outcome = await this.cycle.runOnDemand({ step, month, trigger: 'chat', actor: who.actorLabel, actorId: who.actorId }, this.instanceId);
    return { kind: 'ran', outcome };
  }

  async status(actor: Actor, month: MonthPeriod): Promise<Refused | { readonly kind: 'status'; readonly report: CycleStatusReport }> {
    const refused = await this.guard.check(actor, `cycle status ${periodKey(month)}`, 'run the cycle');
    if (refused) return refused;
    return { kind: 'status', report: await this.cycle.status(month) };
  }
}
