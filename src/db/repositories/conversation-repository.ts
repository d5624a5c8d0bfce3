import type { Db } from '../prisma-types';

export type ConversationKind = 'PERSONAL' | 'CHANNEL' | 'GROUP';

export interface ConversationRecord {
  readonly id: string;
  readonly kind: ConversationKind;
  readonly conversationId: string;
  readonly serviceUrl: string;
  readonly tenantId: string | null;
  readonly botId: string;
  readonly teamsUserId: string | null;
  readonly aadObjectId: string | null;
  readonly personId: string | null;
  readonly teamId: string | null;
  readonly channelId: string | null;
  readonly installedAt: Date;
  readonly uninstalledAt: Date | null;
}

export type ConversationDetails = Omit<ConversationRecord, 'id' | 'installedAt' | 'uninstalledAt'>;

export class ConversationRepository {
  constructor(private readonly db: Db) {}

  /** Records (or refreshes) where a conversation is; an install after an uninstall revives it. */
  save(details: ConversationDetails): Promise<ConversationRecord> {
    return this.db.conversation.upsert({
      where: { conversationId: details.conversationId },
      create: details,
      update: { ...details, uninstalledAt: null },
    });
  }

  findByConversationId(conversationId: string): Promise<ConversationRecord | null> {
    return this.db.conversation.findUnique({ where: { conversationId } });
  }

  /**
   * Forgets a person's 1:1 chats with the bot (by person, or by Entra object id for one not yet
   * linked): the bot can no longer reach them, and nothing says where they were. Returns how many.
   */
  async removePersonal(personId: string, aadObjectId: string | null): Promise<number> {
    const who = aadObjectId ? [{ personId }, { aadObjectId }] : [{ personId }];
    return (await this.db.conversation.deleteMany({ where: { kind: 'PERSONAL', OR: who } })).count;
  }

  /** The person's current 1:1 chat with the bot, if they have installed it. */
  personalFor(personId: string): Promise<ConversationRecord | null> {
    return this.db.conversation.findFirst({
      where: { personId, kind: 'PERSONAL', uninstalledAt: null },
      orderBy: { updatedAt: 'desc' },
    });
  }

  /** personalFor, for many people in one query: by person id. */
  async personalForPeople(personIds: readonly string[]): Promise<Map<string, ConversationRecord>> {
    if (personIds.length === 0) return new Map();
    const rows = await this.db.conversation.findMany({
      where: { personId: { in: [...personIds] }, kind: 'PERSONAL', uninstalledAt: null },
      orderBy: { updatedAt: 'desc' },
    });
    const latest = new Map<string, ConversationRecord>();
    for (const row of rows) if (row.personId && !latest.has(row.personId)) latest.set(row.personId, row);
    return latest;
  }

  async markUninstalled(conversationId: string, at: Date): Promise<void> {
    await this.db.conversation.updateMany({ where: { conversationId }, data: { uninstalledAt: at } });
  }

  /** Links personal conversations of an Entra user to their person, once the register knows them. */
  async linkPerson(aadObjectId: string, personId: string): Promise<number> {
    const result = await this.db.conversation.updateMany({ where: { aadObjectId, personId: null }, data: { personId } });
    return result.count;
  }
}
