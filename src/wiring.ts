/**
 * The one place where the product is assembled: every part gets what it needs through its
 * constructor. Nothing else creates database connections, servers or loggers.
 */
import type { Config } from './config/config';
import type { Clock } from './clock';
import { createLogger, type Logger } from './logging/logger';
import type { Database } from './db/open-database';
import { openMigratedDatabase } from './db/open-migrated-database';
import { Store } from './db/store';
import { loadDemoData } from './demo/load-demo-data';
import { HttpServer } from './server/http-server';

export interface Application {
  readonly log: Logger;
  readonly store: Store;
  readonly database: Database;
  /** Starts serving; resolves with the port. */
  start(): Promise<number>;
  stop(): Promise<void>;
}

export async function buildApplication(config: Config, clock: Clock, log = createLogger(config)): Promise<Application> {
  const database = await openMigratedDatabase(config.databaseUrl, 'bot server', (applied) =>
    log.info({ applied }, 'database migrated'),
  );
  const store = new Store(database.prisma);
  log.info({ database: database.description }, 'database ready');

  if (config.loadDemoData) {
    const demo = await loadDemoData(store, clock.now());
    if (demo.loaded) log.info({ counts: demo.counts }, 'demo register loaded into the empty database');
  }

  const server = new HttpServer({
    log,
    health: async () => {
      await store.ping();
      return { healthy: true, checks: { database: 'ok' } };
    },
  });

  let stopping: Promise<void> | null = null;
  return {
    log,
    store,
    database,
    start: () => server.listen(config.port),
    stop: () =>
      (stopping ??= (async () => {
        await server.close();
        await database.close();
      })()),
  };
}
