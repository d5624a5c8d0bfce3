/**
 * The Messenger the outbox dispatcher sends through: botbuilder's, on an adapter of its own whose
 * connector clients make each request once (the dispatcher paces and retries), and with no
 * onTurnError, so every failure reaches the dispatcher to be classified. Conversations people
 * start keep the server's adapter, with the SDK's own retries for replies within a turn.
 */
import type { BotConfig } from '../config/config';
import { createBotFrameworkAuthentication } from '../bot/bot-authentication';
import { TeamsAdapter } from '../bot/teams-adapter';
import { BotFrameworkMessenger, type Messenger } from '../bot/messenger';
import { ServiceUrlPolicy } from '../bot/service-url-policy';
import { ServiceUrlGuard } from './service-url-guard';

export function createDeliveryMessenger(bot: BotConfig): Messenger {
  const adapter = new TeamsAdapter(createBotFrameworkAuthentication(bot, { singleAttempt: true }));
  return new ServiceUrlGuard(new BotFrameworkMessenger(adapter, bot.appId ?? ''), new ServiceUrlPolicy(bot.serviceUrlHosts));
}
