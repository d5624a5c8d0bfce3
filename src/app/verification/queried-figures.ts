/**
 * The owner's answer to a query (#16), from the query card in their chat: the figure is right as it
 * is (stored as CONFIRMED_BY_OWNER with their reply, and the verifier is told), or they correct it
 * on their entry card (the correction is a new version, which awaits verification again). Only the
 * indicator's owner or a named delegate may answer.
 */
import type { Store } from '../../db/store';
import type { Clock } from '../../clock';
import type { RegisteredActor } from '../actor';
import type { QueryCardView } from '../../cards/verification/verification-view-models';
import type { EntryCardView } from '../../cards/view-models';
import type { EntryService } from '../entry/entry-service';
import type { IndicatorRecord } from '../../db/repositories/indicator-repository';
import type { ValueVersion } from '../../db/repositories/value-repository';
import type { VerificationRecord } from '../../db/repositories/verification-repository';
import { latestQuery, MAX_VERIFICATION_COMMENT } from '../../domain/verification';
import { parsePeriod, periodLabel } from '../../domain/periods';
import { formatValue } from '../../domain/numbers';
import { formatUkDateTime } from '../../domain/dates';
import type { VerifierPrompts } from './verifier-prompts';
import { VerificationCommandError } from './verification-decisions';

interface QueryContext {
  readonly value: ValueVersion;
  readonly indicator: IndicatorRecord;
  readonly decisions: readonly VerificationRecord[];
  readonly query: VerificationRecord;
  /** The period's current version, when the queried one has been corrected since. */
  readonly current: ValueVersion;
  readonly names: ReadonlyMap<string, string>;
}

export class QueriedFigures {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly entry: EntryService,
    private readonly prompts: VerifierPrompts,
  ) {}

  /** "The figure is right": recorded against the queried version, and the verifier is asked to look again. */
  async confirm(actor: RegisteredActor, valueId: string, reply: string): Promise<QueryCardView> {
    const context = await this.context(actor, valueId);
    const text = reply.trim();
    if (text.length > MAX_VERIFICATION_COMMENT) {
      return this.view(context, { tone: 'attention', text: `Nothing was stored: shorten the reply to ${MAX_VERIFICATION_COMMENT.toLocaleString('en-GB')} characters or fewer.` });
    }
    if (context.current.id !== context.value.id || context.decisions.at(-1)?.decision !== 'QUERIED') return this.view(context, null);

    const now = this.clock.now();
    const recorded = await this.store.transaction(async (repos) => {
      const [answer] = await repos.verifications.record([{ valueId, decision: 'CONFIRMED_BY_OWNER', comment: text, decidedById: actor.person.id, decidedAt: now }]);
      await repos.audit.record({
        actorId: actor.person.id, actorLabel: actor.person.displayName, action: 'value.query-answered', entityType: 'IndicatorValue', entityId: valueId,
        after: { indicatorId: context.indicator.id, period: context.value.period, version: context.value.version, answer: 'confirmed', reply: text },
      });
      if (!context.indicator.verifierId) return [];
      return this.prompts.record(repos, [{
        verifierId: context.indicator.verifierId, period: context.value.period, dedupeKey: `verify-confirmed|${answer!.id}`,
        what: `${actor.person.displayName} confirmed ${context.indicator.code}'s queried figure`,
      }]);
    });
    await this.prompts.fillIn(recorded);
    return this.view(await this.context(actor, valueId), { tone: 'good', text: 'Thank you: the verifier will look at it again.' });
  }

  /** "Correct the figure": the owner's entry card for the period, in place of the query card. */
  async correct(actor: RegisteredActor, valueId: string): Promise<EntryCardView> {
    const context = await this.context(actor, valueId);
    return this.entry.card({ personId: actor.person.id, name: actor.person.displayName, teamsUserId: actor.teamsUserId }, context.value.period);
  }

  private async context(actor: RegisteredActor, valueId: string): Promise<QueryContext> {
    const value = await this.store.repos.values.findById(valueId);
    const indicator = value ? await this.store.repos.indicators.findById(value.indicatorId) : null;
    if (!value || !indicator) throw new VerificationCommandError('The card names a figure that does not exist.');
    if (indicator.ownerId !== actor.person.id && !indicator.delegateIds.includes(actor.person.id)) {
      throw new VerificationCommandError(`Only ${indicator.code}'s owner or a named delegate can answer a query about its figure. Nothing was stored.`);
    }
    const decisions = (await this.store.repos.verifications.historyFor([valueId])).get(valueId) ?? [];
    const query = latestQuery(decisions);
    if (!query) throw new VerificationCommandError(`${indicator.code}'s figure has not been queried.`);
    const current = (await this.store.repos.values.latest(value.indicatorId, value.period))!;
    const people = await this.store.repos.people.findByIds([...new Set(decisions.map((d) => d.decidedById))]);
    return { value, indicator, decisions, query, current, names: new Map(people.map((p) => [p.id, p.displayName])) };
  }

  private view(context: QueryContext, banner: QueryCardView['banner']): QueryCardView {
    const { indicator, value, query, current } = context;
    const format = (n: number) => formatValue(n, indicator.unit, indicator.decimals);
    const period = parsePeriod(value.period);
    const latest = context.decisions.at(-1)!;
    const verifierName = context.names.get(query.decidedById) ?? 'the verifier';
    let state: QueryCardView['state'] = 'OPEN';
    let stateText: string | null = null;
    if (current.id !== value.id) {
      state = 'CORRECTED';
      stateText = `Corrected to ${format(current.value)} (version ${current.version}); ${verifierName} will verify it.`;
    } else if (latest.decision === 'CONFIRMED_BY_OWNER') {
      state = 'ANSWERED';
      stateText = `You confirmed the figure on ${formatUkDateTime(latest.decidedAt)}${latest.comment ? `: ${latest.comment}` : '.'}`;
    } else if (latest.decision === 'VERIFIED') {
      state = 'ANSWERED';
      stateText = `${verifierName} has since verified the figure.`;
    }
    return {
      valueId: value.id, code: indicator.code, title: indicator.title,
      periodLabel: period.ok ? periodLabel(period.value).split(' (')[0]! : value.period,
      valueText: format(value.value), verifierName, comment: query.comment, queriedAtText: formatUkDateTime(query.decidedAt),
      state, stateText, banner,
    };
  }
}
