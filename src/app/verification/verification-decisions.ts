/**
 * The verifier's use cases (#16): their card for a period, and their decisions on it. Only the
 * indicator's named verifier may verify or query its figure (not the performance team, not the
 * owner: sign-off is someone else's check). A set of decisions is all or nothing: any refused
 * (someone else's figure, a query without a comment, a figure corrected since the card showed it)
 * and nothing is stored, with the card back showing why in place and what was chosen kept.
 *
 * A query goes to the figure's owner (or, when they cannot be reached, its delegates) as a card in
 * their chat, recorded in the outbox in the transaction that stores the query.
 */
import type { Store, Repositories } from '../../db/store';
import type { Clock } from '../../clock';
import type { RegisteredActor } from '../actor';
import type { Tolerance } from '../../domain/types';
import type { VerifyCardView } from '../../cards/verification/verification-view-models';
import { buildQueryCard } from '../../cards/verification';
import { cardMessage } from '../../cards/card-message';
import { parsePeriod, periodKey, periodLabel, type Period } from '../../domain/periods';
import { queryCommentProblem, verificationState, MAX_VERIFICATION_COMMENT } from '../../domain/verification';
import { clip } from '../../domain/typed-text';
import { formatValue } from '../../domain/numbers';
import { formatUkDateTime } from '../../domain/dates';
import { Audience, messageTo } from '../cycle/cycle-audience';
import { loadVerifySnapshot, type VerifySnapshot } from './verification-snapshot';
import { buildVerifyView, type VerifyFeedback } from './verify-view';

export const QUERY_PURPOSE = 'value-query';

/** One row's decision as chosen on the card. */
export interface TypedDecision {
  readonly indicatorId: string;
  /** "VERIFY", "QUERY", or "" for none chosen. */
  readonly choice: string;
  readonly comment: string;
}

export interface DecideCommand {
  readonly period: string;
  /** The value version the card showed, by indicator id. */
  readonly versions: Readonly<Record<string, number>>;
  readonly decisions: readonly TypedDecision[];
  /** "Verify all": every figure on the card still awaiting verification. */
  readonly all?: boolean;
}

/** A card action that cannot be understood at all (a forged or corrupted payload). */
export class VerificationCommandError extends Error {}

export class VerificationDecisions {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly settings: { readonly defaultTolerance: Tolerance },
    private readonly onQueued: () => void = () => {},
  ) {}

  /** The verifier's card for a period, as it stands. */
  async card(actor: RegisteredActor, periodText: string): Promise<VerifyCardView> {
    return this.cardFor(actor.person.id, actor.person.displayName, actor.teamsUserId, periodText);
  }

  /**
   * "verify": the person's cards for the periods open now (or the period named) that hold figures
   * they verify; empty when there are none.
   */
  async openCards(actor: RegisteredActor, periodText: string | null): Promise<VerifyCardView[]> {
    const periods = periodText !== null ? [this.period(periodText)] : (await this.store.repos.periods.openAt(this.clock.now()))
      .flatMap((w) => { const p = parsePeriod(w.period); return p.ok ? [p.value] : []; });
    const views: VerifyCardView[] = [];
    for (const period of periods) {
      const view = await this.cardFor(actor.person.id, actor.person.displayName, actor.teamsUserId, periodKey(period));
      if (view.rows.length > 0 || periodText !== null) views.push(view);
    }
    return views;
  }

  /** The card for any verifier (the prompts build it for the person they go to). */
  async cardFor(verifierId: string, name: string, teamsUserId: string | null, periodText: string): Promise<VerifyCardView> {
    const period = this.period(periodText);
    return buildVerifyView(await this.snapshot(verifierId, period), { personName: name, refreshUserIds: teamsUserId ? [teamsUserId] : [] });
  }

  async decide(actor: RegisteredActor, command: DecideCommand): Promise<VerifyCardView> {
    const period = this.period(command.period);
    const snapshot = await this.snapshot(actor.person.id, period);
    const view = (extra: { banner: { tone: 'good' | 'warning' | 'attention'; text: string }; feedback?: Map<string, VerifyFeedback> }, shown: VerifySnapshot = snapshot) =>
      buildVerifyView(shown, { personName: actor.person.displayName, refreshUserIds: actor.teamsUserId ? [actor.teamsUserId] : [], ...extra });

    const rows = new Map(snapshot.rows.map((row) => [row.current.indicator.id, row]));
    const chosen = command.all
      ? snapshot.rows.filter((row) => verificationState(row.decisions) === 'AWAITING' && command.versions[row.current.indicator.id] !== undefined)
        .map((row): TypedDecision => ({ indicatorId: row.current.indicator.id, choice: 'VERIFY', comment: '' }))
      : command.decisions.filter((d) => d.choice.trim() !== '');

    // "Verify all" is for the figures the card showed: any of them not this person's to verify is refused.
    const asked = command.all ? Object.keys(command.versions) : chosen.map((d) => d.indicatorId);
    const notTheirs = asked.filter((id) => !rows.has(id)).map((indicatorId) => ({ indicatorId }));
    if (notTheirs.length > 0) {
      await this.store.repos.audit.record({
        actorId: actor.person.id, actorLabel: actor.person.displayName, action: 'verification.refused', entityType: 'Period',
        entityId: periodKey(period), after: { reason: 'not the verifier', indicatorIds: notTheirs.map((d) => d.indicatorId) },
      });
      return view({
        banner: {
          tone: 'attention',
          text: `Nothing was changed: you are not the named verifier of ${notTheirs.length === 1 ? 'a figure' : `${notTheirs.length} figures`} on this card. Only an indicator's verifier may verify or query its figure.`,
        },
      });
    }
    if (chosen.length === 0) {
      return view({ banner: { tone: 'warning', text: command.all ? 'Nothing was changed: no figure on this card is awaiting verification.' : 'Choose Verify or Query for at least one figure, or select Verify all.' } });
    }

    const feedback = new Map<string, VerifyFeedback>();
    for (const decision of chosen) {
      const row = rows.get(decision.indicatorId)!;
      const choice = decision.choice.trim().toUpperCase();
      const comment = decision.comment.trim();
      const value = row.current.value!;
      const keep = { chosen: choice === 'VERIFY' || choice === 'QUERY' ? choice : null, comment: clip(comment, MAX_VERIFICATION_COMMENT) } as const;
      let error: string | null = null;
      if (choice !== 'VERIFY' && choice !== 'QUERY') error = 'Choose Verify or Query.';
      else if (command.versions[decision.indicatorId] !== value.version) {
        error = `${row.current.indicator.code}'s figure has changed since this card showed it (it is now version ${value.version}): look at it again, then decide.`;
      } else if (verificationState(row.decisions) !== 'AWAITING') error = `${row.current.indicator.code}'s figure is not awaiting verification.`;
      else if (choice === 'QUERY') error = queryCommentProblem(comment);
      feedback.set(decision.indicatorId, { ...keep, error });
    }
    const refused = [...feedback.values()].filter((f) => f.error !== null).length;
    if (refused > 0) {
      return view({ feedback, banner: { tone: 'attention', text: `Nothing was changed: ${refused === 1 ? 'one decision needs' : `${refused} decisions need`} fixing (shown below).` } });
    }

    const now = this.clock.now();
    const verified = chosen.filter((d) => d.choice.trim().toUpperCase() === 'VERIFY');
    const queried = chosen.filter((d) => d.choice.trim().toUpperCase() === 'QUERY');
    const unreachable = await this.store.transaction(async (repos) => {
      const stored = await repos.verifications.record(chosen.map((d) => ({
        valueId: rows.get(d.indicatorId)!.current.value!.id,
        decision: d.choice.trim().toUpperCase() === 'VERIFY' ? 'VERIFIED' as const : 'QUERIED' as const,
        comment: d.comment.trim(), decidedById: actor.person.id, decidedAt: now,
      })));
      for (const [i, record] of stored.entries()) {
        const row = rows.get(chosen[i]!.indicatorId)!;
        await repos.audit.record({
          actorId: actor.person.id, actorLabel: actor.person.displayName, action: record.decision === 'VERIFIED' ? 'value.verified' : 'value.queried',
          entityType: 'IndicatorValue', entityId: record.valueId,
          after: { indicatorId: row.current.indicator.id, period: periodKey(period), version: row.current.value!.version, comment: record.comment },
        });
      }
      return this.sendQueries(repos, snapshot, stored.filter((r) => r.decision === 'QUERIED'), actor.person.displayName, now);
    });
    if (queried.length > 0) this.onQueued();

    const after = await this.snapshot(actor.person.id, period);
    const parts = [
      verified.length > 0 ? `Verified ${verified.length === 1 ? '1 figure' : `${verified.length} figures`}.` : null,
      queried.length > 0 ? `Queried ${queried.length === 1 ? '1 figure: it has' : `${queried.length} figures: they have`} gone to the owner with your comment.` : null,
      unreachable.length > 0 ? `${unreachable.join(', ')}: the owner has not installed the app yet, so tell them yourself.` : null,
    ].filter(Boolean);
    return view({ banner: { tone: unreachable.length > 0 ? 'warning' : 'good', text: parts.join(' ') } }, after);
  }

  /** Each query as a card in the owner's chat (or the reachable delegates'); returns the codes nobody could be told of. */
  private async sendQueries(
    repos: Repositories, snapshot: VerifySnapshot, queries: readonly { id: string; valueId: string; comment: string; decidedAt: Date }[], verifierName: string, now: Date,
  ): Promise<string[]> {
    const audience = new Audience(repos);
    const messages = [];
    const unreachable: string[] = [];
    for (const query of queries) {
      const row = snapshot.rows.find((r) => r.current.value!.id === query.valueId)!;
      const { indicator } = row.current;
      const to = await audience.forIndicator(indicator);
      if (to.length === 0) unreachable.push(indicator.code);
      const card = buildQueryCard({
        valueId: query.valueId, code: indicator.code, title: indicator.title, periodLabel: periodLabel(snapshot.period).split(' (')[0]!,
        valueText: formatValue(row.current.value!.value, indicator.unit, indicator.decimals), verifierName, comment: query.comment,
        queriedAtText: formatUkDateTime(query.decidedAt), state: 'OPEN', stateText: null, banner: null,
      });
      for (const person of to) {
        messages.push(messageTo(person, { purpose: QUERY_PURPOSE, dedupeKey: `${QUERY_PURPOSE}|${query.id}|${person.person.id}`, period: periodKey(snapshot.period) },
          cardMessage(card, `${verifierName} queried your figure for ${indicator.code}.`)));
      }
    }
    await repos.outbox.enqueue(messages, now);
    return unreachable;
  }

  private snapshot(verifierId: string, period: Period): Promise<VerifySnapshot> {
    return loadVerifySnapshot(this.store, verifierId, period, this.clock.now(), this.settings.defaultTolerance);
  }

  private period(text: string): Period {
    const parsed = parsePeriod(text);
    if (!parsed.ok) throw new VerificationCommandError(`The card names an unknown period "${text}".`);
    return parsed.value;
  }
}
