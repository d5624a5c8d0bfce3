/**
 * Run as a child process (so NODE_EXTRA_CA_CERTS applies to it): builds the product's messenger
 * from the environment exactly as the server does, and performs the proactive operations named in
 * PROACTIVE_PLAN (JSON), printing what each returned as one JSON line.
 */
import { loadConfig } from '../../../src/config/config';
import { createBotFrameworkAuthentication } from '../../../src/bot/bot-authentication';
import { TeamsAdapter } from '../../../src/bot/teams-adapter';
import { BotFrameworkMessenger } from '../../../src/bot/messenger';

interface Plan {
  serviceUrl: string;
  tenantId: string;
  teamsUserId: string;
  channelId: string;
}

async function main(): Promise<void> {
  const plan = JSON.parse(process.env.PROACTIVE_PLAN ?? '{}') as Plan;
  const config = loadConfig();
  const messenger = new BotFrameworkMessenger(new TeamsAdapter(createBotFrameworkAuthentication(config.bot)), config.bot.appId ?? '');
  const personal = await messenger.createConversation(
    { serviceUrl: plan.serviceUrl, tenantId: plan.tenantId, teamsUserId: plan.teamsUserId },
    { type: 'message', text: 'Your October figures are due.' },
  );
  const address = { serviceUrl: plan.serviceUrl, conversationId: personal.conversationId, tenantId: plan.tenantId };
  const followUp = await messenger.send(address, { type: 'message', text: 'A reminder.' });
  await messenger.update(address, followUp.activityId, { type: 'message', text: 'A reminder (updated).' });
  const thread = await messenger.createConversation(
    { serviceUrl: plan.serviceUrl, tenantId: plan.tenantId, channelId: plan.channelId },
    { type: 'message', text: 'SRV01 is red.' },
  );
  console.log(JSON.stringify({ personal, followUp, thread }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
