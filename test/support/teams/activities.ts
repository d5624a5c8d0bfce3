/** Activities as Teams sends them to a bot, for the end-to-end tests. */
import { randomUUID } from 'node:crypto';
import { APP_ID, TENANT_ID } from './teams-stand-ins';

export interface TeamsUser {
  readonly teamsId: string;
  readonly aadObjectId: string;
  readonly name: string;
  readonly email: string;
}

/** The performance team's lead (an admin) in the demo register and in the at-scale fixtures. */
export const priyaShah: TeamsUser = {
  teamsId: '29:priya-shah', aadObjectId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', name: 'Priya Shah', email: 'priya.shah@fenmarsh.gov.uk',
};

export const personalConversationId = (user: TeamsUser) => `a:personal-${user.teamsId}`;

function base(user: TeamsUser, serviceUrl: string) {
  return {
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: user.teamsId, name: user.name, aadObjectId: user.aadObjectId },
    recipient: { id: `28:${APP_ID}`, name: 'Performance' },
    conversation: { id: personalConversationId(user), conversationType: 'personal', tenantId: TENANT_ID },
    channelData: { tenant: { id: TENANT_ID } },
    locale: 'en-GB',
  };
}

export function installation(user: TeamsUser, serviceUrl: string) {
  return { ...base(user, serviceUrl), type: 'installationUpdate', action: 'add' };
}

export function message(user: TeamsUser, serviceUrl: string, text: string) {
  return { ...base(user, serviceUrl), type: 'message', text, textFormat: 'plain' };
}

/** Action.Execute on a card: the action's data with the card's inputs merged in, as Teams sends it. */
export function cardAction(user: TeamsUser, serviceUrl: string, verb: string, data: Record<string, unknown>) {
  return {
    ...base(user, serviceUrl),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data: { verb, ...data } }, trigger: 'manual' },
  };
}

/** Where a channel message is: the team, the channel, and (for a reply) the thread's conversation. */
export interface ChannelPlace {
  readonly teamId: string;
  readonly channelId: string;
  /** The channel itself, or a thread in it: "<channelId>;messageid=<root>". */
  readonly conversationId: string;
}

/** A message in a team's channel, as Teams sends it to a bot with ChannelMessage.Read.Group. */
export function channelMessage(user: TeamsUser, serviceUrl: string, place: ChannelPlace, text: string, options: { mentionBot?: boolean; id?: string } = {}) {
  const activity = base(user, serviceUrl);
  const botMention = `<at>Performance</at>`;
  return {
    ...activity,
    id: options.id ?? activity.id,
    type: 'message',
    text: options.mentionBot ? `${botMention} ${text}` : text,
    textFormat: 'plain',
    conversation: { id: place.conversationId, conversationType: 'channel', isGroup: true, tenantId: TENANT_ID },
    channelData: { tenant: { id: TENANT_ID }, team: { id: place.teamId }, channel: { id: place.channelId } },
    entities: options.mentionBot ? [{ type: 'mention', text: botMention, mentioned: { id: `28:${APP_ID}`, name: 'Performance' } }] : [],
  };
}
