/** Starts the bot server: `npm start`. */
import { loadConfig, ConfigError } from './config/config';
import { DatabaseInUseError } from './db/data-dir-lock';
import { MigrationError } from './db/migrate';
import { clockFor } from './clock';
import { createLogger } from './logging/logger';
import { buildApplication } from './wiring';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config);
  const app = await buildApplication(config, clockFor(config.clockStart, (message) => log.warn({ clockStart: config.clockStart }, message)), log);
  await app.start();
  let shuttingDown = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // A second signal (tsx and npm pass Ctrl+C on too) must not cut the orderly shutdown short.
    process.on(signal, () => {
      if (shuttingDown) return;
      shuttingDown = true;
      app.log.info({ signal }, 'shutting down');
      app.stop().then(
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
