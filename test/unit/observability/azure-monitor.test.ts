import pino from 'pino';
import { startTelemetry, SERVICE_NAME, type Distro } from '../../../src/observability/azure-monitor';

const log = pino({ level: 'silent' });

function fakeDistro() {
  const calls: unknown[] = [];
  const distro: Distro = {
    useAzureMonitor: (options) => void calls.push(options),
    shutdownAzureMonitor: async () => void calls.push('shutdown'),
    resourceFor: (name) => ({ name }),
    meter: () => { throw new Error('not used here'); },
  };
  return { distro, calls };
}

describe('starting telemetry to Azure Monitor', () => {
  it('loads nothing at all when no connection string is set', async () => {
    const load = jest.fn(async () => fakeDistro().distro);
    expect(await startTelemetry({ metricsEnabled: true, applicationInsightsConnectionString: null }, log, load)).toBeNull();
    expect(load).not.toHaveBeenCalled();
  });

  it('starts the distro with the connection string and the bot\'s name, and stops it', async () => {
    const { distro, calls } = fakeDistro();
    const connectionString = 'InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/';
    const telemetry = await startTelemetry({ metricsEnabled: false, applicationInsightsConnectionString: connectionString }, log, async () => distro);
    expect(calls).toEqual([expect.objectContaining({
      azureMonitorExporterOptions: { connectionString },
      resource: { name: SERVICE_NAME },
      instrumentationOptions: expect.objectContaining({ http: { enabled: true }, postgreSql: { enabled: true } }),
    })]);
    await telemetry!.shutdown();
    expect(calls.at(-1)).toBe('shutdown');
  });
});
