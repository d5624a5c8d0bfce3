/**
 * Telling a verifier there are figures to look at (#16), exactly once per reason:
 *
 *   - the first figure of a period for an indicator they verify ("verify|<verifier>|<period>");
 *   - a figure corrected after any decision on an earlier version ("verify-correction|<version id>");
 *   - an owner confirming a queried figure ("verify-confirmed|<decision id>").
 *
 * The message is recorded in the transaction that stores what caused it (the outbox's dedupe key
 * makes a retry or a racing submit record it once), as a short text naming the `verify` command.
 * After that transaction commits, the verifier's card as it now stands replaces the text in the
 * message, unless the dispatcher has taken it meanwhile. So a crash between the two never loses
 * the message; at worst the verifier gets the text, which says how to see the card.
 */
import type { Repositories, Store } from '../../db/store';
import type { Clock } from '../../clock';
import { Audience, messageTo } from '../cycle/cycle-audience';
import { cardMessage } from '../../cards/card-message';
import { buildVerifyCard } from '../../cards/verification';
import { parsePeriod, periodLabel } from '../../domain/periods';
import type { VerifyCardView } from '../../cards/verification/verification-view-models';

export const VERIFY_PURPOSE = 'verify-prompt';

export interface VerifierPrompt {
  readonly verifierId: string;
  readonly period: string;
  readonly dedupeKey: string;
  /** "Gareth Lewis submitted figures you verify" */
  readonly what: string;
}

/** The verifier's card for a period as it stands, for the prompt's message. */
export type VerifierCard = (verifierId: string, teamsUserId: string | null, period: string) => Promise<VerifyCardView>;

export class VerifierPrompts {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly verifierCard: VerifierCard,
    private readonly onQueued: () => void = () => {},
    /** Told when a card cannot replace a prompt's text (the text then goes as it is). */
    private readonly onFillInFailed: (error: unknown) => void = () => {},
  ) {}

  /** Records the prompts not recorded before (inside the caller's transaction); returns those recorded now. */
  async record(repos: Repositories, prompts: readonly VerifierPrompt[]): Promise<VerifierPrompt[]> {
    if (prompts.length === 0) return [];
    const unique = [...new Map(prompts.map((p) => [p.dedupeKey, p])).values()];
    const known = await repos.outbox.findByDedupeKeys(unique.map((p) => p.dedupeKey));
    const fresh = unique.filter((p) => !known.has(p.dedupeKey));
    if (fresh.length === 0) return [];
    const audience = new Audience(repos);
    await audience.preload(fresh.map((p) => p.verifierId));
    const messages = [];
    const recorded: VerifierPrompt[] = [];
    for (const prompt of fresh) {
      const to = await audience.reach(prompt.verifierId);
      if (!to) continue; // not reachable in Teams yet: the `verify` command and the cycle's escalations still show them
      messages.push(messageTo(to, { purpose: VERIFY_PURPOSE, dedupeKey: prompt.dedupeKey, period: prompt.period }, { type: 'message', text: promptText(prompt) }));
      recorded.push(prompt);
    }
    await repos.outbox.enqueue(messages, this.clock.now());
    return recorded;
  }

  /**
   * After the commit: the card as it now stands in place of each recorded prompt's text, then wake
   * the dispatcher. Never fails: what caused the prompt is stored already, and a prompt whose card
   * cannot be built goes as its text, which says how to see the card.
   */
  async fillIn(recorded: readonly VerifierPrompt[]): Promise<void> {
    for (const prompt of recorded) {
      try {
        const message = await this.store.repos.outbox.findByDedupeKey(prompt.dedupeKey);
        if (!message || message.status !== 'PENDING') continue;
        const view = await this.verifierCard(prompt.verifierId, message.teamsUserId, prompt.period);
        await this.store.repos.outbox.replaceUnsentActivity(message.id, cardMessage(buildVerifyCard(view), promptText(prompt)) as unknown as Record<string, unknown>);
      } catch (error) {
        this.onFillInFailed(error);
      }
    }
    if (recorded.length > 0) this.onQueued();
  }
}

function promptText(prompt: VerifierPrompt): string {
  const period = parsePeriod(prompt.period);
  const label = period.ok ? periodLabel(period.value).split(' (')[0] : prompt.period;
  return `${prompt.what} for ${label}. Verify or query them on the card (or send "verify" to see it again).`;
}
