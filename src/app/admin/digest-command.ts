/** The performance team posts a month's Board digest on demand ("digest 2026-10"). */
import { periodKey, type MonthPeriod } from '../../domain/periods';
import type { BoardService, DigestOutcome } from '../board/board-service';
import { auditedAs, type Actor } from '../actor';
import type { PerformanceTeamOnly, Refused } from './performance-team-only';

export class DigestCommand {
  constructor(
    private readonly board: BoardService,
    private readonly guard: PerformanceTeamOnly,
  ) {}

  async post(actor: Actor, month: MonthPeriod): Promise<Refused | { readonly kind: 'posted'; readonly outcome: DigestOutcome }> {
    const refused = await this.guard.check(actor, `digest ${periodKey(month)}`, 'post the Board\'s digest');
    if (refused) return refused;
    const who = auditedAs(actor);
    return { kind: 'posted', outcome: await this.board.digest({ month, trigger: 'chat', actor: who.actorLabel, actorId: who.actorId }) };
  }
}
