/**
 * Proactive messages behind one small interface: create a conversation, send, update. The cycle's
 * scheduler and the Board's digest use only this, so moving off botbuilder later means rewriting
 * this file, not them.
 */
import type { Activity, ConversationReference, ConversationParameters, TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { TeamsAdapter } from './teams-adapter';

export interface ConversationAddress {
  readonly serviceUrl: string;
  readonly conversationId: string;
  readonly tenantId: string | null;
}

export interface NewConversation {
  readonly serviceUrl: string;
  readonly tenantId: string | null;
  /** A 1:1 chat with this Teams user (29:...). */
  readonly teamsUserId?: string;
  /** Or a new thread in this channel (19:...@thread.tacv2), starting with the message sent. */
  readonly channelId?: string;
}

export interface Sent {
  readonly conversationId: string;
  readonly activityId: string;
}

export interface Messenger {
  createConversation(target: NewConversation, activity: Partial<Activity>): Promise<Sent>;
  send(address: ConversationAddress, activity: Partial<Activity>): Promise<Sent>;
  update(address: ConversationAddress, activityId: string, activity: Partial<Activity>): Promise<void>;
}

export class BotFrameworkMessenger implements Messenger {
  constructor(
    private readonly adapter: TeamsAdapter,
    private readonly botAppId: string,
  ) {}

  async createConversation(target: NewConversation, activity: Partial<Activity>): Promise<Sent> {
    const parameters: ConversationParameters = {
      isGroup: Boolean(target.channelId),
      bot: { id: this.botAppId, name: 'Performance' },
      members: target.teamsUserId ? [{ id: target.teamsUserId, name: '' }] : [],
      tenantId: target.tenantId ?? undefined,
      channelData: { tenant: { id: target.tenantId ?? undefined }, ...(target.channelId ? { channel: { id: target.channelId } } : {}) },
      activity: target.channelId ? (activity as Activity) : (undefined as never),
    } as ConversationParameters;
    let sent: Sent | null = null;
    const turn = failuresReachCaller(async (context) => {
      const conversationId = context.activity.conversation.id;
      if (target.channelId) {
        // The thread's first message went with the create call; its id ends the conversation id.
        const rootId = /;messageid=(\d+)/.exec(conversationId)?.[1] ?? context.activity.id ?? '';
        sent = { conversationId, activityId: rootId };
      } else {
        sent = { conversationId, activityId: await postToConversation(context, conversationId, activity) };
      }
    });
    // No audience: botbuilder then uses the configured ToChannelFromBotOAuthScope (an empty string would not).
    await this.adapter.createConversationAsync(this.botAppId, 'msteams', target.serviceUrl, undefined as unknown as string, parameters, turn.logic);
    turn.rethrow();
    if (!sent) throw new Error('Teams did not create the conversation');
    return sent;
  }

  async send(address: ConversationAddress, activity: Partial<Activity>): Promise<Sent> {
    let activityId = '';
    const turn = failuresReachCaller(async (context) => {
      activityId = await postToConversation(context, address.conversationId, activity);
    });
    await this.adapter.continueConversationAsync(this.botAppId, reference(address, this.botAppId), turn.logic);
    turn.rethrow();
    return { conversationId: address.conversationId, activityId };
  }

  async update(address: ConversationAddress, activityId: string, activity: Partial<Activity>): Promise<void> {
    const turn = failuresReachCaller(async (context) => {
      await context.updateActivity({ ...activity, id: activityId, type: 'message' });
    });
    await this.adapter.continueConversationAsync(this.botAppId, reference(address, this.botAppId), turn.logic);
    turn.rethrow();
  }
}

/**
 * Lets a failure inside a proactive turn reach the caller. The adapter hands errors thrown in a
 * turn to its onTurnError when one is set (the server sets one for the conversations people
 * start), which would swallow them: a send Teams refused would look sent.
 */
function failuresReachCaller(logic: (context: TurnContext) => Promise<void>): { logic: (context: TurnContext) => Promise<void>; rethrow(): void } {
  let failure: { error: unknown } | null = null;
  return {
    logic: async (context) => {
      try {
        await logic(context);
      } catch (error) {
        failure = { error };
      }
    },
    rethrow: () => {
      if (failure) throw failure.error;
    },
  };
}

/**
 * A new message in the conversation, not a reply: in a proactive turn botbuilder's sendActivity
 * would address it as a reply to a made-up activity id (the continuation event's).
 */
async function postToConversation(context: TurnContext, conversationId: string, activity: Partial<Activity>): Promise<string> {
  const client = context.turnState.get<ConnectorClient>(context.adapter.ConnectorClientKey);
  const response = await client.conversations.sendToConversation(conversationId, {
    ...activity,
    type: activity.type ?? 'message',
    from: context.activity.recipient,
    conversation: context.activity.conversation,
    channelId: 'msteams',
    serviceUrl: context.activity.serviceUrl,
  } as Activity);
  return response.id ?? '';
}

function reference(address: ConversationAddress, botAppId: string): Partial<ConversationReference> {
  return {
    channelId: 'msteams',
    serviceUrl: address.serviceUrl,
    conversation: { id: address.conversationId, isGroup: false, conversationType: '', name: '', tenantId: address.tenantId ?? undefined },
    bot: { id: botAppId, name: 'Performance' },
  };
}
