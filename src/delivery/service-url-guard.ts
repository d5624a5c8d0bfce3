/**
 * The dispatcher's Messenger, refusing any address whose serviceUrl is not the Bot Connector's
 * (see bot/service-url-policy.ts): the outbox's addresses came from activities that were checked,
 * but a row written by an older version, or by hand, must not make the bot send its token elsewhere.
 * The refusal looks like a 400 from Teams, so the dispatcher gives the message up at once (DEAD)
 * and tells the performance team, as for any request Teams would never accept.
 */
import type { Activity } from 'botbuilder';
import type { ConversationAddress, Messenger, NewConversation, Sent } from '../bot/messenger';
import type { ServiceUrlPolicy } from '../bot/service-url-policy';

export class ServiceUrlNotAllowedError extends Error {
  readonly statusCode = 400;
  readonly code = 'ServiceUrlNotAllowed';
  constructor(serviceUrl: string) {
    super(`not sent: ${serviceUrl.slice(0, 200)} is not a Bot Connector address this bot sends to (BOT_SERVICE_URL_HOSTS)`);
  }
}

export class ServiceUrlGuard implements Messenger {
  constructor(
    private readonly inner: Messenger,
    private readonly policy: ServiceUrlPolicy,
  ) {}

  async createConversation(target: NewConversation, activity: Partial<Activity>): Promise<Sent> {
    this.check(target.serviceUrl);
    return this.inner.createConversation(target, activity);
  }

  async send(address: ConversationAddress, activity: Partial<Activity>): Promise<Sent> {
    this.check(address.serviceUrl);
    return this.inner.send(address, activity);
  }

  async update(address: ConversationAddress, activityId: string, activity: Partial<Activity>): Promise<void> {
    this.check(address.serviceUrl);
    return this.inner.update(address, activityId, activity);
  }

  private check(serviceUrl: string): void {
    if (!this.policy.allows(serviceUrl)) throw new ServiceUrlNotAllowedError(serviceUrl);
  }
}
