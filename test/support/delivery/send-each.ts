/**
 * Run as a child process (so NODE_EXTRA_CA_CERTS applies): sends each message in SEND_PLAN (JSON)
 * once through a Messenger built from the environment, and prints one JSON line per send with what
 * came back or what was thrown. `via: 'delivery'` is the dispatcher's messenger (single attempt);
 * `via: 'server'` is built as the server builds its own (SDK retries, an onTurnError that logs).
 */
import { loadConfig } from '../../../src/config/config';
import { createBotFrameworkAuthentication } from '../../../src/bot/bot-authentication';
import { TeamsAdapter } from '../../../src/bot/teams-adapter';
import { BotFrameworkMessenger, type Messenger } from '../../../src/bot/messenger';
import { createDeliveryMessenger } from '../../../src/delivery/delivery-messenger';
import { describeSendFailure } from '../../../src/delivery/send-failure';

interface Send {
  readonly via: 'delivery' | 'server';
  readonly serviceUrl: string;
  readonly conversationId?: string;
  readonly teamsUserId?: string;
  readonly text: string;
}

async function main(): Promise<void> {
  const sends = JSON.parse(process.env.SEND_PLAN ?? '[]') as Send[];
  const config = loadConfig();
  const serverAdapter = new TeamsAdapter(createBotFrameworkAuthentication(config.bot));
  serverAdapter.onTurnError = async () => {}; // as the server's: logs and answers only message turns
  const messengers: Record<Send['via'], Messenger> = {
    delivery: createDeliveryMessenger(config.bot),
    server: new BotFrameworkMessenger(serverAdapter, config.bot.appId ?? ''),
  };
  for (const send of sends) {
    const messenger = messengers[send.via];
    const activity = { type: 'message', text: send.text };
    try {
      const sent = send.conversationId
        ? await messenger.send({ serviceUrl: send.serviceUrl, conversationId: send.conversationId, tenantId: 'tenant' }, activity)
        : await messenger.createConversation({ serviceUrl: send.serviceUrl, tenantId: 'tenant', teamsUserId: send.teamsUserId! }, activity);
      console.log(JSON.stringify({ text: send.text, sent }));
    } catch (error) {
      console.log(JSON.stringify({ text: send.text, failure: describeSendFailure(error) }));
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
