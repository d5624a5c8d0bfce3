/**
 * Run as a child process: the product's outbox dispatcher, built from the environment as the server
 * builds it (configuration, database, the delivery Messenger over botbuilder with real tokens), on
 * the database named by DATABASE_URL. It runs until the outbox holds nothing PENDING or SENDING,
 * then stops, prints the outbox (counts and rows) as its last line and exits 0. Test-only settings come in
 * DISPATCH_PLAN (JSON), as send-proactively.ts takes its plan.
 *
 * With LOG_LEVEL=debug it logs "message sent" as each send is recorded: the crash test watches for
 * those lines to kill it between sends.
 */
import { loadConfig } from '../../../src/config/config';
import { createLogger } from '../../../src/logging/logger';
import { systemClock } from '../../../src/clock';
import { openMigratedDatabase } from '../../../src/db/open-migrated-database';
import { Store } from '../../../src/db/store';
import { OutboxDispatcher } from '../../../src/delivery/outbox-dispatcher';
import { UndeliverableReporter } from '../../../src/delivery/undeliverable-reporter';
import { createDeliveryMessenger } from '../../../src/delivery/delivery-messenger';

interface Plan {
  readonly instanceId: string;
  readonly leaseMs?: number;
  /** Wall-clock time (ms since the epoch) to start dispatching, so two workers can start together. */
  readonly startAt?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

async function main(): Promise<void> {
  const plan = JSON.parse(process.env.DISPATCH_PLAN ?? '{}') as Plan;
  const config = loadConfig();
  const log = createLogger(config, `dispatch-worker ${plan.instanceId}`);
  const database = await openMigratedDatabase(config.databaseUrl, `dispatch worker ${plan.instanceId}`);
  const store = new Store(database.prisma);
  const dispatcher = new OutboxDispatcher({
    store,
    messenger: createDeliveryMessenger(config.bot),
    clock: systemClock,
    log,
    instanceId: plan.instanceId,
    messagesPerSecond: config.delivery.messagesPerSecond,
    maxAttempts: config.delivery.maxAttempts,
    leaseMs: plan.leaseMs,
    // Short polls: a lease left by a killed worker should be noticed soon after it runs out.
    idlePollMs: 200,
    onUndeliverable: new UndeliverableReporter({ adminAadObjectIds: config.adminAadObjectIds, clock: systemClock, log }).report,
  });
  if (plan.startAt) await sleep(plan.startAt - Date.now());
  log.info('dispatching');
  dispatcher.start();
  for (;;) {
    const counts = await store.repos.outbox.counts();
    if (counts.PENDING + counts.SENDING === 0) break;
    await sleep(100);
  }
  await dispatcher.stop();
  const counts = await store.repos.outbox.counts();
  const rows = (await store.repos.outbox.list()).map((m) => ({
    text: m.activity.text, status: m.status, attempts: m.attempts, claimedBy: m.claimedBy, activityId: m.activityId,
  }));
  await database.close();
  console.log(JSON.stringify({ done: true, counts, rows }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
