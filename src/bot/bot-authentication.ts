/**
 * The Bot Framework's authentication, from botbuilder's own settings. Outbound tokens come from
 * MSAL client credentials against the configured authority (Microsoft's by default), declared as a
 * known authority so the same path works against a council's sovereign cloud or a local stand-in;
 * TLS trust comes from Node's standard NODE_EXTRA_CA_CERTS.
 */
import { ConfidentialClientApplication } from '@azure/msal-node';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { MsalServiceClientCredentialsFactory } from 'botframework-connector';
import type { BotConfig } from '../config/config';

export function createBotFrameworkAuthentication(bot: BotConfig): ConfigurationBotFrameworkAuthentication {
  if (!bot.appId || bot.appType === 'UserAssignedMSI') {
    // No app id: authentication disabled (local development). Managed identity: botbuilder's own
    // factory knows how to get tokens from the Azure host.
    return new ConfigurationBotFrameworkAuthentication({ ...bot.authSettings, MicrosoftAppType: bot.appType });
  }
  const msal = new ConfidentialClientApplication({
    auth: {
      clientId: bot.appId,
      clientSecret: bot.appPassword ?? '',
      authority: bot.loginAuthority,
      knownAuthorities: [new URL(bot.loginAuthority).host],
    },
  });
  return new ConfigurationBotFrameworkAuthentication(bot.authSettings, new MsalServiceClientCredentialsFactory(bot.appId, msal));
}
