/**
 * The performance team asks for a period's data-quality card from chat ("data quality 2026-07"):
 * completeness, timeliness, corrections after close, queries and estimates, by directorate and owner
 * (#16). Read directly: one statement for the register's figures of the period.
 */
import type { Store } from '../../db/store';
import type { DataQualityCardView } from '../../cards/data-quality/data-quality-view-models';
import { parsePeriod } from '../../domain/periods';
import type { Actor } from '../actor';
import type { PerformanceTeamOnly, Refused } from './performance-team-only';
import { loadDataQuality } from '../data-quality/data-quality-report';
import { buildDataQualityView } from '../data-quality/data-quality-view';
import { dataQualityPageDeepLink } from '../scorecard/tab-deep-links';

export type DataQualityOutcome =
  | Refused
  | { readonly kind: 'bad-period'; readonly message: string }
  | { readonly kind: 'ready'; readonly view: DataQualityCardView };

export class DataQualityCommand {
  constructor(
    private readonly store: Store,
    private readonly guard: PerformanceTeamOnly,
    /** The Teams app's id, for the card's link to the tab's Data quality page; null: no link. */
    private readonly teamsAppId: string | null = null,
  ) {}

  async run(actor: Actor, periodText: string): Promise<DataQualityOutcome> {
    const refused = await this.guard.check(actor, `data quality ${periodText}`, 'see the data-quality measures');
    if (refused) return refused;
    const period = parsePeriod(periodText);
    if (!period.ok) return { kind: 'bad-period', message: `"${periodText}" is not a period. For example: "data quality 2026-07", or "data quality 2026/27 Q2".` };
    const tabUrl = this.teamsAppId ? dataQualityPageDeepLink(this.teamsAppId) : null;
    return { kind: 'ready', view: buildDataQualityView(await loadDataQuality(this.store, period.value), tabUrl) };
  }
}
