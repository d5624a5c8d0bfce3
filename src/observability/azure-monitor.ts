/**
 * Traces and metrics to Azure Monitor (Application Insights) through OpenTelemetry, when
 * APPLICATIONINSIGHTS_CONNECTION_STRING is set; nothing of it is loaded otherwise (the distro and
 * its OpenTelemetry SDK are some 90 MB of packages and would slow every start for nothing).
 *
 * main.ts starts it before it loads the rest of the app, so that the distro's instrumentation of
 * http and pg is in place before restify and the PostgreSQL driver are loaded: every request to
 * the bot, every call to Teams and every query is then a span. Starting needs no network: the
 * exporter sends in the background and drops what it cannot send (the bot never waits on it).
 */
import type { Meter } from '@opentelemetry/api';
import type { Logger } from '../logging/logger';
import type { ObservabilityConfig } from '../config/config';
import type { MetricsRegistry } from './metrics-registry';

/** What the distro gives us: the two calls we use, and the resource (the bot's name in Azure's application map). */
export interface Distro {
  useAzureMonitor(options: {
    azureMonitorExporterOptions: { connectionString: string };
    resource: unknown;
    instrumentationOptions: Record<string, { enabled: boolean }>;
  }): void;
  shutdownAzureMonitor(): Promise<void>;
  resourceFor(serviceName: string): unknown;
  meter(name: string): Pick<Meter, 'createObservableCounter' | 'createObservableGauge' | 'addBatchObservableCallback'>;
}

export interface Telemetry {
  /** Sends the product's own metrics (those of GET /metrics) too, read at each of the exporter's collections. */
  mirror(registry: MetricsRegistry): void;
  /** Sends what is buffered and stops; part of the graceful stop. */
  shutdown(): Promise<void>;
}

export const SERVICE_NAME = 'council-performance-bot';

async function loadDistro(): Promise<Distro> {
  const [distro, resources, api] = await Promise.all([
    import('@azure/monitor-opentelemetry'), import('@opentelemetry/resources'), import('@opentelemetry/api'),
  ]);
  return {
    useAzureMonitor: (options) => distro.useAzureMonitor(options as Parameters<typeof distro.useAzureMonitor>[0]),
    shutdownAzureMonitor: () => distro.shutdownAzureMonitor(),
    resourceFor: (serviceName) => resources.resourceFromAttributes({ 'service.name': serviceName }),
    meter: (name) => api.metrics.getMeter(name),
  };
}

/** Starts sending to Azure Monitor when the connection string is set; null (nothing loaded) when it is not. */
export async function startTelemetry(settings: ObservabilityConfig, log: Logger, load: () => Promise<Distro> = loadDistro): Promise<Telemetry | null> {
  const connectionString = settings.applicationInsightsConnectionString;
  if (!connectionString) return null;
  const startedAt = Date.now();
  const distro = await load();
  distro.useAzureMonitor({
    azureMonitorExporterOptions: { connectionString },
    resource: distro.resourceFor(SERVICE_NAME),
    // What the bot uses: HTTP both ways (Teams, Entra ID) and PostgreSQL; nothing it does not.
    instrumentationOptions: {
      http: { enabled: true }, postgreSql: { enabled: true }, azureSdk: { enabled: true },
      mongoDb: { enabled: false }, mySql: { enabled: false }, redis: { enabled: false }, redis4: { enabled: false },
    },
  });
  log.info({ ms: Date.now() - startedAt }, 'telemetry to Azure Monitor started (OpenTelemetry)');
  return {
    mirror: (registry) => mirrorMetrics(distro, registry, log),
    // Its export errors (an endpoint out of reach) are the exporter's to log; stopping goes on regardless.
    shutdown: () => distro.shutdownAzureMonitor().catch((error: unknown) => log.warn({ err: error }, 'telemetry could not send its last figures')),
  };
}

/** One observable instrument per output of the registry; counters stay cumulative, as Prometheus has them. */
function mirrorMetrics(distro: Distro, registry: MetricsRegistry, log: Logger): void {
  const meter = distro.meter(SERVICE_NAME);
  const instruments = new Map(registry.outputs().map(({ name, kind }) => [
    name, kind === 'counter' ? meter.createObservableCounter(name) : meter.createObservableGauge(name),
  ]));
  meter.addBatchObservableCallback(async (result) => {
    try {
      for (const sample of await registry.samples()) {
        const instrument = instruments.get(sample.name);
        if (instrument) result.observe(instrument, sample.value, sample.labels);
      }
    } catch (error) {
      log.warn({ err: error }, 'metrics could not be read for Azure Monitor; trying at the next collection');
    }
  }, [...instruments.values()]);
}
