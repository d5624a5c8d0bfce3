/** The performance team makes the channel it is typing in the Performance Board's ("set board channel"). */
import type { BoardService, ChannelPlace } from '../board/board-service';
import { auditedAs, type Actor } from '../actor';
import type { PerformanceTeamOnly, Refused } from './performance-team-only';

export class BoardChannelCommand {
  constructor(
    private readonly board: BoardService,
    private readonly guard: PerformanceTeamOnly,
  ) {}

  async set(actor: Actor, place: ChannelPlace): Promise<Refused | { readonly kind: 'set'; readonly message: string }> {
    const refused = await this.guard.check(actor, 'set board channel', 'choose the Board channel');
    if (refused) return refused;
    return { kind: 'set', message: await this.board.setChannel(auditedAs(actor), place) };
  }
}
