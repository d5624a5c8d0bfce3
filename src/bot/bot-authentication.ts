/**
 * The Bot Framework's authentication, from botbuilder's own settings. Outbound tokens come from
 * MSAL client credentials against the configured authority (Microsoft's by default), declared as a
 * known authority so the same path works against a council's sovereign cloud or a local stand-in;
 * TLS trust comes from Node's standard NODE_EXTRA_CA_CERTS.
 *
 * `singleAttempt` is for the outbox dispatcher, which paces and retries itself: its connector
 * clients send each request once (see single-attempt-connector.ts). Replies within a turn keep the
 * SDK's own retries.
 */
import { ConfidentialClientApplication } from '@azure/msal-node';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { MsalServiceClientCredentialsFactory } from 'botframework-connector';
import type { BotConfig } from '../config/config';
import { SingleAttemptBotFrameworkAuthentication } from './single-attempt-connector';

export interface AuthenticationOptions {
  /** Connector requests are made once: no retries inside the SDK (the caller owns them). */
  readonly singleAttempt?: boolean;
}

export function createBotFrameworkAuthentication(bot: BotConfig, options: AuthenticationOptions = {}): ConfigurationBotFrameworkAuthentication {
  const Authentication = options.singleAttempt ? SingleAttemptBotFrameworkAuthentication : ConfigurationBotFrameworkAuthentication;
  if (!bot.appId || bot.appType === 'UserAssignedMSI') {
    // No app id: authentication disabled (local development). Managed identity: botbuilder's own
    // factory knows how to get tokens from the Azure host.
    return new Authentication({ ...bot.authSettings, MicrosoftAppType: bot.appType });
  }
  const msal = new ConfidentialClientApplication({
    auth: {
      clientId: bot.appId,
      clientSecret: bot.appPassword ?? '',
      authority: bot.loginAuthority,
      knownAuthorities: [new URL(bot.loginAuthority).host],
    },
  });
  return new Authentication(bot.authSettings, new MsalServiceClientCredentialsFactory(bot.appId, msal));
}
