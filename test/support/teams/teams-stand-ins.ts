/**
 * Everything of Microsoft's cloud the bot talks to, on this machine: the channel's signing keys,
 * the token authority (TLS), the Azure host's managed identity endpoint and the Bot Connector.
 * `serverEnv()` is the bot's configuration for them, using botbuilder's own setting names, in any
 * of the identities the bot supports (a single-tenant app with a client secret by default).
 */
import { ChannelStandIn, CHANNEL_ISSUER } from './channel-stand-in';
import { TokenAuthorityStandIn } from './token-authority-stand-in';
import { ManagedIdentityStandIn } from './managed-identity-stand-in';
import { ConnectorStandIn } from './connector-stand-in';
import { makeTestCertificates, type TestCertificates } from './test-certificates';
import { makeClientCertificate, type ClientCertificate } from './client-certificate';

export const APP_ID = '6f0c8b1e-3a2d-4e5f-9a7b-1c2d3e4f5a6b';
export const APP_PASSWORD = 'test-client-secret';
export const TENANT_ID = '9d8c7b6a-5f4e-4d3c-8b2a-1e0f9d8c7b6a';
/** The tab's own app registration, for a bot that runs as a managed identity. */
export const TAB_APP_ID = '2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091';

/**
 * How the bot proves who it is: a single-tenant app with a client secret or with a certificate, a
 * user-assigned managed identity, or a multi-tenant app with a secret (registrations made before
 * 31 July 2025).
 */
export type BotIdentity = 'secret' | 'certificate' | 'managedIdentity' | 'multiTenant';

export class TeamsStandIns {
  readonly certificates: TestCertificates = makeTestCertificates();
  readonly channel = new ChannelStandIn(APP_ID);
  readonly authority = new TokenAuthorityStandIn(this.certificates, APP_ID, APP_PASSWORD);
  readonly managedIdentity = new ManagedIdentityStandIn(this.authority, APP_ID);
  connector!: ConnectorStandIn;
  private certificate: ClientCertificate | null = null;

  async start(): Promise<void> {
    await this.channel.start();
    await this.authority.start();
    await this.managedIdentity.start();
    this.connector = new ConnectorStandIn(this.authority, CHANNEL_ISSUER);
    await this.connector.start();
  }

  /** The app's certificate credential, made on first use and registered with the token authority. */
  get clientCertificate(): ClientCertificate {
    if (!this.certificate) {
      this.certificate = makeClientCertificate();
      this.authority.clientCertificate = this.certificate.certificate;
    }
    return this.certificate;
  }

  serverEnv(identity: BotIdentity = 'secret'): NodeJS.ProcessEnv {
    return {
      MicrosoftAppId: APP_ID,
      ...this.identityEnv(identity),
      ToBotFromChannelOpenIdMetadataUrl: this.channel.openIdMetadataUrl,
      ToBotFromChannelTokenIssuer: CHANNEL_ISSUER,
      ToChannelFromBotLoginUrl: this.authority.loginUrl,
      ToChannelFromBotOAuthScope: CHANNEL_ISSUER,
      NODE_EXTRA_CA_CERTS: this.certificates.caPath,
      // The connector stand-in is plain HTTP on the loopback address: the only place the bot may send.
      BOT_SERVICE_URL_HOSTS: 'http://127.0.0.1',
    };
  }

  private identityEnv(identity: BotIdentity): NodeJS.ProcessEnv {
    switch (identity) {
      case 'secret':
        return { MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT_ID, MicrosoftAppPassword: APP_PASSWORD };
      case 'certificate':
        return {
          MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT_ID,
          MicrosoftAppCertificateThumbprint: this.clientCertificate.thumbprintSha1, MicrosoftAppCertificateKeyFile: this.clientCertificate.keyFile,
        };
      case 'managedIdentity':
        return { MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT_ID, TAB_APP_ID, ...this.managedIdentity.hostEnv() };
      case 'multiTenant':
        return { MicrosoftAppType: 'MultiTenant', MicrosoftAppPassword: APP_PASSWORD };
    }
  }

  async stop(): Promise<void> {
    await Promise.all([this.channel.stop(), this.authority.stop(), this.managedIdentity.stop(), this.connector?.stop()]);
  }
}
