import { loadConfig, ConfigError } from '../../../src/config/config';

describe('configuration', () => {
  it('runs with no settings at all: embedded database, demo data, 10% tolerance, port 3978', () => {
    expect(loadConfig({})).toEqual({
      port: 3978, logLevel: 'info', databaseUrl: 'pglite:./data/pgdata', loadDemoData: true,
      defaultTolerance: { kind: 'PERCENT_OF_TARGET', percent: 10 },
    });
  });

  it('reads every setting', () => {
    expect(loadConfig({
      PORT: '8080', LOG_LEVEL: 'debug', DATABASE_URL: 'postgresql://bot@db.internal:5432/performance',
      LOAD_DEMO_DATA: 'false', DEFAULT_TOLERANCE: '2.5',
    })).toEqual({
      port: 8080, logLevel: 'debug', databaseUrl: 'postgresql://bot@db.internal:5432/performance', loadDemoData: false,
      defaultTolerance: { kind: 'ABSOLUTE', amount: 2.5 },
    });
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
