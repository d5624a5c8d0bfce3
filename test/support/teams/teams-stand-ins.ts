/**
 * Everything of Microsoft's cloud the bot talks to, on this machine: the channel's signing keys,
 * the token authority (TLS) and the Bot Connector. `serverEnv()` is the bot's configuration for
 * them, using botbuilder's own setting names.
 */
import { ChannelStandIn, CHANNEL_ISSUER } from './channel-stand-in';
import { TokenAuthorityStandIn } from './token-authority-stand-in';
import { ConnectorStandIn } from './connector-stand-in';
import { makeTestCertificates, type TestCertificates } from './test-certificates';

export const APP_ID = '6f0c8b1e-3a2d-4e5f-9a7b-1c2d3e4f5a6b';
export const APP_PASSWORD = 'test-client-secret';
export const TENANT_ID = '9d8c7b6a-5f4e-4d3c-8b2a-1e0f9d8c7b6a';

export class TeamsStandIns {
  readonly certificates: TestCertificates = makeTestCertificates();
  readonly channel = new ChannelStandIn(APP_ID);
  readonly authority = new TokenAuthorityStandIn(this.certificates, APP_ID, APP_PASSWORD);
  connector!: ConnectorStandIn;

  async start(): Promise<void> {
    await this.channel.start();
    await this.authority.start();
    this.connector = new ConnectorStandIn(this.authority, CHANNEL_ISSUER);
    await this.connector.start();
  }

  serverEnv(): NodeJS.ProcessEnv {
    return {
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: APP_PASSWORD,
      MicrosoftAppType: 'MultiTenant',
      ToBotFromChannelOpenIdMetadataUrl: this.channel.openIdMetadataUrl,
      ToBotFromChannelTokenIssuer: CHANNEL_ISSUER,
      ToChannelFromBotLoginUrl: this.authority.loginUrl,
      ToChannelFromBotOAuthScope: CHANNEL_ISSUER,
      NODE_EXTRA_CA_CERTS: this.certificates.caPath,
      // The connector stand-in is plain HTTP on the loopback address: the only place the bot may send.
      BOT_SERVICE_URL_HOSTS: 'http://127.0.0.1',
    };
  }

  async stop(): Promise<void> {
    await Promise.all([this.channel.stop(), this.authority.stop(), this.connector?.stop()]);
  }
}
