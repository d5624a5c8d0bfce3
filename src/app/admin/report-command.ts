/**
 * The performance team makes a quarter's report pack from chat ("report 2026/27 Q2", "report
 * 2026/27 Q2 public") and is answered with the "Quarterly report ready" card.
 *
 * Run directly, not as a background job: a pack is one model build and two files (about a second
 * for a council's register; the benchmark's 1,000 indicators is the large case), well inside Teams'
 * 15 s, and the jobs framework's steps are a month's cycle steps with progress per message sent,
 * which a pack has none of.
 */
import type { ReportEdition } from '../report/quarter-report-model';
import type { ReportPackService } from '../report/report-pack-service';
import { parseQuarter } from '../report/parse-quarter';
import type { ReportReadyView } from '../../cards/report-ready-card';
import { auditedAs, type Actor } from '../actor';
import type { PerformanceTeamOnly, Refused } from './performance-team-only';

export type ReportCommandOutcome =
  | Refused
  | { readonly kind: 'bad-quarter'; readonly message: string }
  | { readonly kind: 'ready'; readonly view: ReportReadyView; readonly boardCardQueued: boolean };

export class ReportCommand {
  constructor(
    private readonly packs: ReportPackService,
    private readonly guard: PerformanceTeamOnly,
  ) {}

  async run(actor: Actor, quarterText: string, edition: ReportEdition): Promise<ReportCommandOutcome> {
    const refused = await this.guard.check(actor, `report ${quarterText}${edition === 'public' ? ' public' : ''}`, 'make the quarterly report');
    if (refused) return refused;
    const quarter = parseQuarter(quarterText);
    if (!quarter.ok) return { kind: 'bad-quarter', message: `${quarter.error} For example: "report 2026/27 Q2", or "report 2026/27 Q2 public".` };
    const generated = await this.packs.generateWithCard(quarter.value, edition, auditedAs(actor).actorId);
    return { kind: 'ready', view: generated.view, boardCardQueued: generated.boardCardQueued };
  }
}
