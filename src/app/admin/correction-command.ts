/**
 * "correct SRV01 2026-10": the performance team corrects a figure, also after the period has
 * closed, from an entry card for that one indicator. The card's Submit goes through the entry
 * card's own use case, which stores a new version (the old one is kept) and audits the correction.
 */
import type { EntryCardView } from '../../cards/view-models';
import type { EntryService } from '../entry/entry-service';
import { isRegistered, type Actor } from '../actor';
import type { PerformanceTeamOnly, Refused } from './performance-team-only';

export class CorrectionCommand {
  constructor(
    private readonly entry: EntryService,
    private readonly guard: PerformanceTeamOnly,
  ) {}

  async card(actor: Actor, code: string, period: string): Promise<Refused | { readonly kind: 'card'; readonly view: EntryCardView }> {
    const refused = await this.guard.check(actor, `correct ${code} ${period}`, 'correct figures');
    if (refused) return refused;
    if (!isRegistered(actor)) {
      return { kind: 'refused', message: 'Corrections are stored under your name, and Teams could not tell me your email to add you to the register: ask for a row in the register\'s People sheet.' };
    }
    const view = await this.entry.correctionCard(
      { personId: actor.person.id, name: actor.person.displayName, teamsUserId: actor.teamsUserId, isAdmin: true }, code, period,
    );
    return { kind: 'card', view };
  }
}
