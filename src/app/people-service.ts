/**
 * Knowing who is who: a Teams user is linked to a person in the register by their Entra object id,
 * or, when the register has no id for them yet, by their email (and the id is then recorded).
 */
import type { Store } from '../db/store';
import type { PersonRecord } from '../db/repositories/people-repository';
import type { ConversationKind } from '../db/repositories/conversation-repository';

export interface TeamsIdentity {
  readonly aadObjectId: string | null;
  readonly teamsUserId: string | null;
  readonly name: string | null;
}

export interface InstallationDetails {
  readonly kind: ConversationKind;
  readonly conversationId: string;
  readonly serviceUrl: string;
  readonly tenantId: string | null;
  readonly botId: string;
  readonly teamId: string | null;
  readonly channelId: string | null;
  /** The installing user, for personal installations. */
  readonly user: TeamsIdentity | null;
  /** Their person in the register (already identified for the turn), if any. */
  readonly person: PersonRecord | null;
}

/** Asks Teams for a user's email; only called when the Entra object id is not in the register. */
export type EmailLookup = () => Promise<string | null>;

export class PeopleService {
  constructor(private readonly store: Store) {}

  /** The register's person for this Teams user, or null if they are not in it. */
  async identify(identity: TeamsIdentity, lookupEmail: EmailLookup): Promise<PersonRecord | null> {
    if (identity.aadObjectId) {
      const byId = await this.store.repos.people.findByAadObjectId(identity.aadObjectId);
      if (byId) return byId;
    }
    const email = (await lookupEmail())?.toLowerCase() ?? null;
    if (!email) return null;
    const byEmail = await this.store.repos.people.findByEmail(email);
    if (!byEmail) return null;
    if (identity.aadObjectId && !byEmail.aadObjectId) {
      return this.store.transaction(async (repos) => {
        const linked = await repos.people.update(byEmail.id, { aadObjectId: identity.aadObjectId });
        await repos.audit.record({
          actorId: linked.id, actorLabel: linked.displayName, action: 'person.linked', entityType: 'Person', entityId: linked.id,
          before: { aadObjectId: null }, after: { aadObjectId: identity.aadObjectId, via: 'email' },
        });
        return linked;
      });
    }
    return byEmail;
  }

  /** Stores where the bot was installed and, for a personal install, who it belongs to. */
  async recordInstallation(details: InstallationDetails): Promise<void> {
    const person = details.person;
    await this.store.transaction(async (repos) => {
      const saved = await repos.conversations.save({
        kind: details.kind, conversationId: details.conversationId, serviceUrl: details.serviceUrl, tenantId: details.tenantId,
        botId: details.botId, teamsUserId: details.user?.teamsUserId ?? null, aadObjectId: details.user?.aadObjectId ?? null,
        personId: person?.id ?? null, teamId: details.teamId, channelId: details.channelId,
      });
      await repos.audit.record({
        actorId: person?.id ?? null, actorLabel: person?.displayName ?? details.user?.name ?? 'Teams', action: 'bot.installed',
        entityType: 'Conversation', entityId: saved.id, after: { kind: details.kind, conversationId: details.conversationId, personId: person?.id ?? null },
      });
    });
  }

  async recordUninstallation(conversationId: string, at: Date): Promise<void> {
    await this.store.repos.conversations.markUninstalled(conversationId, at);
    await this.store.repos.audit.record({ actorLabel: 'Teams', action: 'bot.uninstalled', entityType: 'Conversation', entityId: conversationId });
  }
}
