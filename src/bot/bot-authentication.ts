/**
 * The Bot Framework's authentication, from botbuilder's own settings, with the bot's own
 * (outbound) tokens obtained by the credential the configuration names:
 * - a client secret or a certificate: MSAL client credentials against the configured authority
 *   (Microsoft's by default), declared as a known authority so the same path works against a
 *   council's sovereign cloud or a local stand-in; TLS trust comes from Node's NODE_EXTRA_CA_CERTS.
 *   With a certificate, MSAL signs a client assertion with its private key; nothing secret is sent.
 * - a user-assigned managed identity: the Azure host's identity endpoint (IDENTITY_ENDPOINT and
 *   IDENTITY_HEADER, set by App Service and Container Apps), through @azure/identity's
 *   ManagedIdentityCredential. botbuilder's own factory would use DefaultAzureCredential, which
 *   also tries environment secrets and developer sign-ins (Azure CLI and the like); a server must
 *   use its managed identity and nothing else.
 * Inbound requests are checked by botbuilder in every mode, against the app id.
 *
 * `singleAttempt` is for the outbox dispatcher, which paces and retries itself: its connector
 * clients send each request once (see single-attempt-connector.ts). Replies within a turn keep the
 * SDK's own retries.
 */
import { ConfidentialClientApplication, type NodeAuthOptions } from '@azure/msal-node';
import { ManagedIdentityCredential } from '@azure/identity';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import {
  ManagedIdentityServiceClientCredentialsFactory,
  MsalServiceClientCredentialsFactory,
  type IJwtTokenProviderFactory,
  type ServiceClientCredentialsFactory,
} from 'botframework-connector';
import type { BotConfig, BotCredential } from '../config/config';
import { SingleAttemptBotFrameworkAuthentication } from './single-attempt-connector';

export interface AuthenticationOptions {
  /** Connector requests are made once: no retries inside the SDK (the caller owns them). */
  readonly singleAttempt?: boolean;
}

export function createBotFrameworkAuthentication(bot: BotConfig, options: AuthenticationOptions = {}): ConfigurationBotFrameworkAuthentication {
  const Authentication = options.singleAttempt ? SingleAttemptBotFrameworkAuthentication : ConfigurationBotFrameworkAuthentication;
  if (!bot.appId || !bot.credential) {
    // No app id: authentication disabled (local development). botbuilder's own factory does that
    // only as its MultiTenant kind: its SingleTenant kind asserts that an app id is set.
    return new Authentication({ ...bot.authSettings, MicrosoftAppType: 'MultiTenant' });
  }
  return new Authentication(bot.authSettings, credentialsFactory(bot.appId, bot.credential, bot.loginAuthority));
}

/** Where the bot's own tokens come from. */
export function credentialsFactory(appId: string, credential: BotCredential, loginAuthority: string): ServiceClientCredentialsFactory {
  if (credential.kind === 'managedIdentity') {
    return new ManagedIdentityServiceClientCredentialsFactory(appId, managedIdentityTokens);
  }
  const msal = new ConfidentialClientApplication({
    auth: {
      clientId: appId,
      ...clientCredential(credential),
      authority: loginAuthority,
      knownAuthorities: [new URL(loginAuthority).host],
    },
  });
  return new MsalServiceClientCredentialsFactory(appId, msal);
}

function clientCredential(credential: Exclude<BotCredential, { kind: 'managedIdentity' }>): Pick<NodeAuthOptions, 'clientSecret' | 'clientCertificate'> {
  if (credential.kind === 'secret') return { clientSecret: credential.secret };
  const { thumbprint, thumbprintAlgorithm, privateKey } = credential;
  // SHA-1 thumbprints sign with RS256 and name the certificate in x5t; SHA-256 ones with PS256 and x5t#S256.
  return {
    clientCertificate: thumbprintAlgorithm === 'SHA-1' ? { thumbprint, privateKey } : { thumbprintSha256: thumbprint, privateKey },
  };
}

/** The user-assigned managed identity whose client id is the bot's app id, and no other source of tokens. */
const managedIdentityTokens: IJwtTokenProviderFactory = {
  createAzureServiceTokenProvider: (appId) =>
    // botbuilder's type names DefaultAzureCredential; its authenticator calls only getToken(), which both have.
    new ManagedIdentityCredential({ clientId: appId }) as unknown as ReturnType<IJwtTokenProviderFactory['createAzureServiceTokenProvider']>,
};
