/** Where an outbox message goes, as the rate limits see it. */
import type { OutboxMessage } from '../db/repositories/outbox-repository';

/** The conversation whose per-thread limits a message counts against. */
export function conversationKey(message: OutboxMessage): string {
  return message.conversationId ?? (message.channelId ? `channel:${message.channelId}` : `user:${message.teamsUserId ?? message.recipient}`);
}

/**
 * Requests to the Bot Connector the message takes: a new 1:1 chat is created and then written to
 * (two); a new channel thread carries its first message in the create call (one).
 */
export function requestCost(message: OutboxMessage): number {
  return message.conversationId || message.channelId ? 1 : 2;
}
