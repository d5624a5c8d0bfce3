/**
 * Tells the performance team about a message that will not be delivered (blocked or dead), through
 * the outbox itself: a short note to each admin's 1:1 chat, keyed `undeliverable|<admin>|<message>`
 * so it is recorded once however often it is reported. Runs inside the dispatcher's transaction
 * that records the failure, so either both are recorded or neither. Every failure is audited, also
 * when no admin can be reached. A note to an admin that itself fails is audited but not reported,
 * or one unreachable admin would keep the others hearing about their own notes.
 */
import type { Logger } from '../logging/logger';
import type { Clock } from '../clock';
import type { Repositories } from '../db/store';
import type { NewOutboxMessage, OutboxMessage } from '../db/repositories/outbox-repository';
import type { PersonRecord } from '../db/repositories/people-repository';
import type { Undeliverable } from './outbox-dispatcher';
import { UNDELIVERABLE_PURPOSE, undeliverableText } from './undeliverable-message';

export interface UndeliverableReporterOptions {
  /** Entra object ids that are admins besides people with the ADMIN role (config.adminAadObjectIds). */
  readonly adminAadObjectIds: readonly string[];
  readonly clock: Clock;
  readonly log: Logger;
}

export class UndeliverableReporter {
  constructor(private readonly options: UndeliverableReporterOptions) {}

  /** The dispatcher's onUndeliverable. */
  readonly report = async (repos: Repositories, message: OutboxMessage, undeliverable: Undeliverable): Promise<void> => {
    const isNoteItself = message.purpose === UNDELIVERABLE_PURPOSE;
    const admins = isNoteItself ? [] : await this.admins(repos);
    const recipient = await this.describeRecipient(repos, message.recipient);
    const text = undeliverableText({ recipient, purpose: message.purpose, period: message.period, attempts: message.attempts, undeliverable });
    const notes: NewOutboxMessage[] = [];
    const unreachableAdmins: string[] = [];
    for (const admin of admins) {
      const chat = await repos.conversations.personalFor(admin.id);
      if (!chat) {
        unreachableAdmins.push(admin.displayName);
        continue;
      }
      notes.push({
        dedupeKey: `${UNDELIVERABLE_PURPOSE}|${admin.id}|${message.id}`,
        purpose: UNDELIVERABLE_PURPOSE,
        period: message.period,
        recipient: admin.id,
        serviceUrl: chat.serviceUrl,
        tenantId: chat.tenantId,
        conversationId: chat.conversationId,
        teamsUserId: chat.teamsUserId,
        channelId: null,
        activity: { type: 'message', text },
      });
    }
    const told = await repos.outbox.enqueue(notes, this.options.clock.now());
    await repos.audit.record({
      actorLabel: 'delivery',
      action: undeliverable.status === 'BLOCKED' ? 'delivery.blocked' : 'delivery.dead',
      entityType: 'OutboxMessage',
      entityId: message.id,
      after: {
        purpose: message.purpose, period: message.period, recipient: message.recipient, attempts: message.attempts, reason: undeliverable.reason,
        adminsTold: notes.length, unreachableAdmins,
      },
    });
    if (isNoteItself) this.options.log.warn({ outboxId: message.id, recipient: message.recipient }, 'a note to an admin about an undeliverable message could not be delivered either; not reported further');
    else if (notes.length === 0) this.options.log.warn({ outboxId: message.id }, 'no admin has a chat with the bot to be told about an undeliverable message');
    else this.options.log.info({ outboxId: message.id, notes: told }, 'the performance team will be told about an undeliverable message');
  };

  /** People with the ADMIN role and people whose Entra object id is configured as an admin's. */
  private async admins(repos: Repositories): Promise<PersonRecord[]> {
    const admins = new Map<string, PersonRecord>();
    for (const person of await repos.people.withRole('ADMIN')) admins.set(person.id, person);
    for (const aadObjectId of this.options.adminAadObjectIds) {
      const person = await repos.people.findByAadObjectId(aadObjectId);
      if (person) admins.set(person.id, person);
    }
    return [...admins.values()];
  }

  private async describeRecipient(repos: Repositories, recipient: string): Promise<string> {
    const person = await repos.people.findById(recipient);
    return person ? `${person.displayName} (${person.email})` : recipient;
  }
}
