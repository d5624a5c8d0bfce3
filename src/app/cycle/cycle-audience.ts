/**
 * Who the cycle talks to about an indicator: its owner if the bot can reach them (they have
 * installed it), otherwise its delegates who can be reached. Whoever cannot be reached is reported,
 * so the performance team can ask them to install the app.
 */
import type { Repositories } from '../../db/store';
import type { IndicatorRecord } from '../../db/repositories/indicator-repository';
import type { ConversationRecord } from '../../db/repositories/conversation-repository';
import type { PersonRecord } from '../../db/repositories/people-repository';
import type { NewOutboxMessage } from '../../db/repositories/outbox-repository';

export interface Reachable {
  readonly person: PersonRecord;
  readonly conversation: ConversationRecord;
}

export class Audience {
  private readonly people = new Map<string, PersonRecord | null>();
  private readonly conversations = new Map<string, ConversationRecord | null>();

  constructor(private readonly repos: Repositories) {}

  /**
   * Looks up everyone these indicators may need (owners and delegates) in two queries, so that
   * deciding who hears about each of 2,000 indicators does not cost two queries apiece.
   */
  async preload(indicators: readonly IndicatorRecord[]): Promise<void> {
    const ids = [...new Set(indicators.flatMap((i) => [i.ownerId, ...i.delegateIds]))].filter((id) => !this.people.has(id));
    if (ids.length === 0) return;
    const [people, conversations] = await Promise.all([this.repos.people.findByIds(ids), this.repos.conversations.personalForPeople(ids)]);
    const found = new Map(people.map((p) => [p.id, p]));
    for (const id of ids) {
      this.people.set(id, found.get(id) ?? null);
      this.conversations.set(id, conversations.get(id) ?? null);
    }
  }

  async person(personId: string): Promise<PersonRecord | null> {
    if (!this.people.has(personId)) this.people.set(personId, await this.repos.people.findById(personId));
    return this.people.get(personId)!;
  }

  async reach(personId: string): Promise<Reachable | null> {
    if (!this.conversations.has(personId)) this.conversations.set(personId, await this.repos.conversations.personalFor(personId));
    const conversation = this.conversations.get(personId)!;
    const person = await this.person(personId);
    return conversation && person ? { person, conversation } : null;
  }

  /** The owner if reachable, else the reachable delegates; empty if nobody can be reached. */
  async forIndicator(indicator: IndicatorRecord): Promise<Reachable[]> {
    const owner = await this.reach(indicator.ownerId);
    if (owner) return [owner];
    const delegates: Reachable[] = [];
    for (const id of indicator.delegateIds) {
      const delegate = await this.reach(id);
      if (delegate) delegates.push(delegate);
    }
    return delegates;
  }
}

/** An outbox message to someone's 1:1 chat with the bot. */
export function messageTo(to: Reachable, what: { purpose: string; dedupeKey: string; period: string }, activity: object): NewOutboxMessage {
  return {
    ...what, recipient: to.person.id,
    serviceUrl: to.conversation.serviceUrl, tenantId: to.conversation.tenantId, conversationId: to.conversation.conversationId,
    teamsUserId: to.conversation.teamsUserId, channelId: null, activity: activity as Record<string, unknown>,
  };
}
