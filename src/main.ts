/** Starts the bot server: `npm start`. */
import { loadConfig, ConfigError } from './config/config';
import { DatabaseInUseError } from './db/data-dir-lock';
import { MigrationError } from './db/migrate';
import { clockFor } from './clock';
import { createLogger } from './logging/logger';
import { startTelemetry } from './observability/azure-monitor';
import { TELEMETRY_FLUSH_MS } from './graceful-stop';

/** Beyond the grace, the time telemetry's last send and the database's close may take before the process gives up waiting. */
const STOP_BACKSTOP_MARGIN_MS = TELEMETRY_FLUSH_MS + 1_500;

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config);
  // Before the app is loaded, so its instrumentation sees restify's and pg's first use (azure-monitor.ts).
  const telemetry = await startTelemetry(config.observability, log);
  const { buildApplication } = await import('./wiring');
  const app = await buildApplication(config, clockFor(config.clockStart, (message) => log.warn({ clockStart: config.clockStart }, message)), log);
  telemetry?.mirror(app.metrics.registry);
  await app.start();
  let shuttingDown = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // A second signal (tsx and npm pass Ctrl+C on too) must not cut the orderly shutdown short.
    process.on(signal, () => {
      if (shuttingDown) return;
      shuttingDown = true;
      app.log.info({ signal, graceMs: config.shutdownGraceMs }, 'shutting down');
      // A backstop, should a part hang past its grace: exit rather than be killed mid-write later.
      setTimeout(() => {
        app.log.error({ graceMs: config.shutdownGraceMs }, 'shutdown did not finish in time; exiting anyway');
        process.exit(1);
      }, config.shutdownGraceMs + STOP_BACKSTOP_MARGIN_MS).unref();
      app.stop(telemetry).then(
        () => process.exit(0),
        (error) => {
          app.log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseInUseError || error instanceof MigrationError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
