import type { NewOutboxMessage } from '../../src/db/repositories/outbox-repository';

export const T0 = new Date('2026-11-04T09:00:00Z');
export const later = (ms: number): Date => new Date(T0.getTime() + ms);

/** A prompt for person n, in their own conversation. */
export const outboxMessage = (n: number): NewOutboxMessage => ({
  dedupeKey: `prompt|person-${n}|2026-10`, purpose: 'prompt', period: '2026-10', recipient: `person-${n}`,
  serviceUrl: 'http://127.0.0.1:1/', tenantId: 'tenant', conversationId: `a:conv-${n}`, teamsUserId: null, channelId: null,
  activity: { type: 'message', text: `Hello ${n}` },
});
