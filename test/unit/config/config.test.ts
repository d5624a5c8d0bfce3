import { loadConfig, ConfigError } from '../../../src/config/config';

describe('configuration', () => {
  it('runs with no settings at all: embedded database, demo data, 10% tolerance, port 3978', () => {
    expect(loadConfig({})).toEqual({
      port: 3978, logLevel: 'info', databaseUrl: 'pglite:./data/pgdata', loadDemoData: true,
      defaultTolerance: { kind: 'PERCENT_OF_TARGET', percent: 10 },
      performanceTeamContact: 'the performance team',
      bot: {
        appId: null, appPassword: null, appType: 'MultiTenant', tenantId: null,
        loginAuthority: 'https://login.microsoftonline.com/botframework.com', authSettings: {},
      },
      app: {
        publicHostname: 'localhost:3978', teamsAppId: '5b6f7a2e-8c1d-4e3f-9a0b-7c6d5e4f3a21',
        tabOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
        tabTokenAudiences: ['api://localhost:3978/00000000-0000-0000-0000-000000000000', '00000000-0000-0000-0000-000000000000'],
        tabAuthDisabled: false,
      },
    });
  });

  it('reads every setting', () => {
    expect(loadConfig({
      PORT: '8080', LOG_LEVEL: 'debug', DATABASE_URL: 'postgresql://bot@db.internal:5432/performance',
      LOAD_DEMO_DATA: 'false', DEFAULT_TOLERANCE: '2.5', PERFORMANCE_TEAM_CONTACT: 'Nadia Rahman (performance@fenmarsh.gov.uk)',
    })).toMatchObject({
      port: 8080, logLevel: 'debug', databaseUrl: 'postgresql://bot@db.internal:5432/performance', loadDemoData: false,
      defaultTolerance: { kind: 'ABSOLUTE', amount: 2.5 }, performanceTeamContact: 'Nadia Rahman (performance@fenmarsh.gov.uk)',
    });
  });

  it("passes botbuilder's own keys through and takes the bot's token authority from ToChannelFromBotLoginUrl", () => {
    const config = loadConfig({
      MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'secret', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 'tenant-1',
      ToBotFromChannelOpenIdMetadataUrl: 'http://127.0.0.1:4000/openid', ToBotFromChannelTokenIssuer: 'https://api.botframework.test',
      ToChannelFromBotLoginUrl: 'https://127.0.0.1:4001/botframework.com', ToChannelFromBotOAuthScope: 'https://api.botframework.test',
    });
    expect(config.bot).toEqual({
      appId: 'app-id', appPassword: 'secret', appType: 'SingleTenant', tenantId: 'tenant-1',
      loginAuthority: 'https://127.0.0.1:4001/botframework.com',
      authSettings: {
        MicrosoftAppId: 'app-id', MicrosoftAppTenantId: 'tenant-1',
        ToBotFromChannelOpenIdMetadataUrl: 'http://127.0.0.1:4000/openid', ToBotFromChannelTokenIssuer: 'https://api.botframework.test',
        ToChannelFromBotLoginUrl: 'https://127.0.0.1:4001/botframework.com', ToChannelFromBotOAuthScope: 'https://api.botframework.test',
      },
    });
    expect(loadConfig({ MicrosoftAppId: 'a', MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 't' }).bot.loginAuthority)
      .toBe('https://login.microsoftonline.com/t');
  });

  it('refuses half the endpoint keys, an app id without its secret, and single tenant without a tenant', () => {
    expect(() => loadConfig({ MicrosoftAppId: 'app-id', ToBotFromChannelOpenIdMetadataUrl: 'http://127.0.0.1:4000/openid' }))
      .toThrow(/MicrosoftAppPassword: is required[\s\S]*ToBotFromChannelTokenIssuer: must be set too/);
    expect(() => loadConfig({ MicrosoftAppId: 'a', MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant' }))
      .toThrow(/MicrosoftAppTenantId: is required when MicrosoftAppType is SingleTenant/);
  });

  it('names every bad setting and what to fix, all at once', () => {
    let message = '';
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOAD_DEMO_DATA: 'maybe', DEFAULT_TOLERANCE: '-5%' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/see \.env\.example/);
    expect(message).toMatch(/PORT:/);
    expect(message).toMatch(/DATABASE_URL: use pglite:<directory> for the embedded database or postgresql:\/\//);
    expect(message).toMatch(/LOAD_DEMO_DATA:/);
    expect(message).toMatch(/DEFAULT_TOLERANCE:/);
  });
});
