import { loadConfig, loadPackageConfig, ConfigError } from '../../../src/config/config';

describe('configuration', () => {
  it('runs with no settings at all: embedded database, demo data, 10% tolerance, port 3978', () => {
    expect(loadConfig({})).toEqual({
      port: 3978, logLevel: 'info', databaseUrl: 'pglite:./data/pgdata', loadDemoData: true, migrateOnStart: true,
      postgres: { poolSize: 10, caPem: null },
      defaultTolerance: { kind: 'PERCENT_OF_TARGET', percent: 10 }, unverifiedFigures: 'RATED', runLengths: { shift: 7, trend: 6 },
      performanceTeamContact: 'the performance team',
      organisationName: 'Fenmarsh District Council',
      bot: {
        appId: null, appType: 'SingleTenant', credential: null, tenantId: null,
        loginAuthority: 'https://login.microsoftonline.com/botframework.com', authSettings: {},
        serviceUrlHosts: ['smba.trafficmanager.net', '*.botframework.com', '*.teams.microsoft.com', '*.teams.microsoft.us', '*.botframework.azure.us'], maxBodyBytes: 262144,
      },
      app: {
        publicHostname: 'localhost:3978', teamsAppId: '5b6f7a2e-8c1d-4e3f-9a0b-7c6d5e4f3a21', tabAppId: null,
        tabOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
        tabTokenAudiences: ['api://localhost:3978/00000000-0000-0000-0000-000000000000', '00000000-0000-0000-0000-000000000000'],
        tabAuthDisabled: false,
        tabExtraHostOrigins: [],
        tabReaders: 'tenant',
      },
      adminAadObjectIds: [],
      cycle: {
        openWorkingDay: 3, openTime: '09:00', reminderWorkingDays: [6, 8], deadlineWorkingDay: 10, deadlineTime: '17:00',
        escalateVerifierWorkingDay: 11, escalateDirectorWorkingDay: 13, closeWorkingDay: 15, digestWorkingDay: 16, schedulerEnabled: true,
      },
      delivery: { messagesPerSecond: 48, maxAttempts: 6, dispatcherEnabled: true },
      clockStart: null,
      shutdownGraceMs: 8000,
      observability: { metricsEnabled: false, applicationInsightsConnectionString: null },
    });
  });

  it('names the council on reports: the demo\'s council with the demo data, "The council" otherwise, or ORGANISATION_NAME', () => {
    expect(loadConfig({}).organisationName).toBe('Fenmarsh District Council');
    expect(loadConfig({ DATABASE_URL: 'postgresql://app@db.internal:5432/performance' }).organisationName).toBe('The council');
    expect(loadConfig({ ORGANISATION_NAME: ' North Kesteven District Council ' }).organisationName).toBe('North Kesteven District Council');
    expect(loadConfig({ ORGANISATION_NAME: '' }).organisationName).toBe('Fenmarsh District Council');
    expect(() => loadConfig({ ORGANISATION_NAME: 'x'.repeat(121) })).toThrow(/ORGANISATION_NAME/);
  });

  it('takes the variation rules\' run lengths, refusing ones outside the rule sets in use, saying the bounds', () => {
    expect(loadConfig({ VARIATION_SHIFT_POINTS: '6', VARIATION_TREND_POINTS: '7' }).runLengths).toEqual({ shift: 6, trend: 7 });
    expect(() => loadConfig({ VARIATION_SHIFT_POINTS: '4' })).toThrow(/VARIATION_SHIFT_POINTS: A shift must be a whole number of points from 6 to 9 \(the NHS uses 7\), not 4/);
    expect(() => loadConfig({ VARIATION_TREND_POINTS: '6.5' })).toThrow(/VARIATION_TREND_POINTS: A trend must be a whole number of points from 5 to 8/);
    expect(() => loadConfig({ VARIATION_TREND_POINTS: 'six' })).toThrow(/VARIATION_TREND_POINTS/);
  });

  it('reports unverified figures rated by default, or as awaiting verification when the council says so; anything else is refused', () => {
    expect(loadConfig({}).unverifiedFigures).toBe('RATED');
    expect(loadConfig({ UNVERIFIED_FIGURES: ' Awaiting-Verification ' }).unverifiedFigures).toBe('AWAITING_VERIFICATION');
    expect(loadConfig({ UNVERIFIED_FIGURES: 'rated' }).unverifiedFigures).toBe('RATED');
    expect(() => loadConfig({ UNVERIFIED_FIGURES: 'hidden' })).toThrow(/UNVERIFIED_FIGURES: rated \(a figure is rated as soon as it is in\) or awaiting-verification/);
  });

  it('reads the stop\'s grace, the metrics switch and the Application Insights connection string, refusing what they cannot be', () => {
    const connectionString = 'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/';
    expect(loadConfig({ SHUTDOWN_GRACE_MS: '3000', METRICS_ENABLED: 'true', APPLICATIONINSIGHTS_CONNECTION_STRING: connectionString })).toMatchObject({
      shutdownGraceMs: 3000,
      observability: { metricsEnabled: true, applicationInsightsConnectionString: connectionString },
    });
    expect(loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: '  ' }).observability.applicationInsightsConnectionString).toBeNull();
    expect(() => loadConfig({ SHUTDOWN_GRACE_MS: '-1' })).toThrow(/SHUTDOWN_GRACE_MS/);
    expect(() => loadConfig({ METRICS_ENABLED: 'sometimes' })).toThrow(/METRICS_ENABLED/);
    expect(() => loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: 'https://uksouth-1.in.applicationinsights.azure.com/' }))
      .toThrow(/APPLICATIONINSIGHTS_CONNECTION_STRING: an Application Insights connection string/);
  });

  it('reads every setting', () => {
    expect(loadConfig({
      PORT: '8080', LOG_LEVEL: 'debug', DATABASE_URL: 'postgresql://bot@db.internal:5432/performance',
      LOAD_DEMO_DATA: 'false', DEFAULT_TOLERANCE: '2.5', UNVERIFIED_FIGURES: 'awaiting-verification', VARIATION_SHIFT_POINTS: '8', VARIATION_TREND_POINTS: '7', PERFORMANCE_TEAM_CONTACT: 'Nadia Rahman (performance@fenmarsh.gov.uk)',
    })).toMatchObject({
      port: 8080, logLevel: 'debug', databaseUrl: 'postgresql://bot@db.internal:5432/performance', loadDemoData: false,
      defaultTolerance: { kind: 'ABSOLUTE', amount: 2.5 }, unverifiedFigures: 'AWAITING_VERIFICATION', runLengths: { shift: 8, trend: 7 }, performanceTeamContact: 'Nadia Rahman (performance@fenmarsh.gov.uk)',
    });
  });

  it("passes botbuilder's own keys through and takes the bot's token authority from ToChannelFromBotLoginUrl", () => {
    const config = loadConfig({
      MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'secret', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 'tenant-1',
      ToBotFromChannelOpenIdMetadataUrl: 'http://127.0.0.1:4000/openid', ToBotFromChannelTokenIssuer: 'https://api.botframework.test',
      ToChannelFromBotLoginUrl: 'https://127.0.0.1:4001/botframework.com', ToChannelFromBotOAuthScope: 'https://api.botframework.test',
    });
    expect(config.bot).toEqual({
      appId: 'app-id', appType: 'SingleTenant', credential: { kind: 'secret', secret: 'secret' }, tenantId: 'tenant-1',
      loginAuthority: 'https://127.0.0.1:4001/botframework.com',
      authSettings: {
        MicrosoftAppId: 'app-id', MicrosoftAppTenantId: 'tenant-1',
        ToBotFromChannelOpenIdMetadataUrl: 'http://127.0.0.1:4000/openid', ToBotFromChannelTokenIssuer: 'https://api.botframework.test',
        ToChannelFromBotLoginUrl: 'https://127.0.0.1:4001/botframework.com', ToChannelFromBotOAuthScope: 'https://api.botframework.test',
      },
      serviceUrlHosts: ['smba.trafficmanager.net', '*.botframework.com', '*.teams.microsoft.com', '*.teams.microsoft.us', '*.botframework.azure.us'], maxBodyBytes: 262144,
    });
    expect(loadConfig({ MicrosoftAppId: 'a', MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 't' }).bot.loginAuthority)
      .toBe('https://login.microsoftonline.com/t');
  });

  it('refuses a calendar out of order and a time it cannot read', () => {
    expect(() => loadConfig({ CYCLE_CLOSE_WORKING_DAY: '5', CYCLE_OPEN_TIME: '9am', CYCLE_REMINDER_WORKING_DAYS: '6,x' }))
      .toThrow(/CYCLE_OPEN_TIME: a time such as 09:00[\s\S]*CYCLE_REMINDER_WORKING_DAYS: a comma-separated list/);
    expect(() => loadConfig({ CYCLE_CLOSE_WORKING_DAY: '5' })).toThrow(/CYCLE_CLOSE_WORKING_DAY: must not come before CYCLE_ESCALATE_DIRECTOR_WORKING_DAY/);
    expect(loadConfig({ ADMIN_AAD_OBJECT_IDS: ' a-1, b-2 ,' }).adminAadObjectIds).toEqual(['a-1', 'b-2']);
  });

  it('refuses half the endpoint keys, an app id without its secret, and single tenant without a tenant', () => {
    expect(() => loadConfig({ MicrosoftAppId: 'app-id', ToBotFromChannelOpenIdMetadataUrl: 'http://127.0.0.1:4000/openid' }))
      .toThrow(/MicrosoftAppPassword: is required[\s\S]*ToBotFromChannelTokenIssuer: must be set too/);
    expect(() => loadConfig({ MicrosoftAppId: 'a', MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant' }))
      .toThrow(/MicrosoftAppTenantId: is required when MicrosoftAppType is SingleTenant/);
  });

  it('reads who may read the Scorecard tab, and refuses anything but tenant or register', () => {
    expect(loadConfig({ TAB_READERS: 'register' }).app.tabReaders).toBe('register');
    expect(() => loadConfig({ TAB_READERS: 'everyone' })).toThrow(/TAB_READERS/);
  });

  it('reads where the Bot Connector may be and the body limit, refusing what they cannot be', () => {
    const config = loadConfig({ BOT_SERVICE_URL_HOSTS: 'http://127.0.0.1, *.Example.org', MESSAGES_MAX_BODY_BYTES: '65536' });
    expect(config.bot.serviceUrlHosts).toEqual(['http://127.0.0.1', '*.example.org']);
    expect(config.bot.maxBodyBytes).toBe(65536);
    expect(() => loadConfig({ BOT_SERVICE_URL_HOSTS: 'https://evil.example/path' })).toThrow(/BOT_SERVICE_URL_HOSTS/);
    expect(() => loadConfig({ MESSAGES_MAX_BODY_BYTES: '100' })).toThrow(/MESSAGES_MAX_BODY_BYTES/);
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

  it('starts the clock at CLOCK_START, an ISO 8601 instant with its offset, and refuses anything else clearly', () => {
    expect(loadConfig({ CLOCK_START: '2026-11-17T10:00:00Z' }).clockStart).toEqual(new Date('2026-11-17T10:00:00Z'));
    expect(loadConfig({ CLOCK_START: '2026-10-25T01:30:00+01:00' }).clockStart).toEqual(new Date('2026-10-25T00:30:00Z'));
    expect(loadConfig({ CLOCK_START: '' }).clockStart).toBeNull();
    for (const bad of ['2026-11-17', '2026-11-17T10:00:00', 'next Tuesday', '2026-13-01T00:00:00Z']) {
      expect(() => loadConfig({ CLOCK_START: bad })).toThrow(/CLOCK_START: an ISO 8601 instant with its offset, such as 2026-11-17T10:00:00Z/);
    }
  });

  it('reads the app package\'s settings on their own, needing no MicrosoftAppPassword and ignoring the rest', () => {
    const env = { MicrosoftAppId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', PUBLIC_HOSTNAME: 'performance.fenmarsh.gov.uk', PORT: 'not a port' };
    expect(() => loadConfig({ ...env, PORT: '3978' })).toThrow(/MicrosoftAppPassword: is required with MicrosoftAppId/);
    expect(loadPackageConfig(env)).toEqual({
      bot: { appId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' },
      app: {
        publicHostname: 'performance.fenmarsh.gov.uk', teamsAppId: '5b6f7a2e-8c1d-4e3f-9a0b-7c6d5e4f3a21',
        tabAppId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
        tabTokenAudiences: ['api://performance.fenmarsh.gov.uk/7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'],
      },
    });
    expect(loadPackageConfig({ TAB_TOKEN_AUDIENCE: 'api://a/b, b' }).app.tabTokenAudiences).toEqual(['api://a/b', 'b']);
    expect(() => loadPackageConfig({ PUBLIC_HOSTNAME: 'https://x/', TEAMS_APP_ID: 'nope' }))
      .toThrow(/PUBLIC_HOSTNAME: a host name such as performance\.council\.gov\.uk[\s\S]*TEAMS_APP_ID/);
  });
});
