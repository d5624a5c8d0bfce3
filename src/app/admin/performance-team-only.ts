/**
 * The one rule for the performance team's commands (running the cycle, the Board's digest and
 * channel, corrections after close): admins only. A refusal is audited and says whom to ask.
 */
import type { Actor } from '../actor';
import type { Refusals } from '../refusals';

export interface Refused {
  readonly kind: 'refused';
  readonly message: string;
}

export class PerformanceTeamOnly {
  constructor(
    private readonly refusals: Refusals,
    private readonly performanceTeamContact: string,
  ) {}

  /** Null when the actor may go ahead; otherwise the refusal (already audited). `doing` completes "Only the performance team can …". */
  async check(actor: Actor, what: string, doing: string): Promise<Refused | null> {
    if (actor.isAdmin) return null;
    await this.refusals.command(actor, what);
    return { kind: 'refused', message: `Only the performance team can ${doing}. If you think you should be able to, contact ${this.performanceTeamContact}.` };
  }
}
