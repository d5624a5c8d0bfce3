/**
 * Run as a child process: the product's outbox dispatcher, built from the environment as the server
 * builds it (configuration, database, the delivery Messenger over botbuilder with real tokens), on
 * the database named by DATABASE_URL. It runs until the outbox holds nothing PENDING or SENDING,
 * then stops, prints the outbox (counts and rows) as its last line and exits 0. Test-only settings come in
 * DISPATCH_PLAN (JSON), as send-proactively.ts takes its plan.
 *
 * With LOG_LEVEL=debug it logs "message sent" as each send is recorded. With `freezeAfterSent: n`
 * it stops dead between sends once n have started: at its next wait for a message's turn (that
 * message claimed, not sent), when every send started has been recorded, its event loop is blocked
 * for good (no send, claim or lease renewal happens again) and it says so, with how many it sent,
 * on a line of its own, so the crash test can kill it there however slowly it notices. With `waitForGo` it says it is ready and starts dispatching only when
 * "go" arrives on stdin, so two workers can start together however long each takes to boot.
 */
import { writeSync } from 'node:fs';
import pino from 'pino';
import { loadConfig } from '../../../src/config/config';
import { systemClock } from '../../../src/clock';
import { openMigratedDatabase } from '../../../src/db/open-migrated-database';
import { Store } from '../../../src/db/store';
import { OutboxDispatcher } from '../../../src/delivery/outbox-dispatcher';
import { realTimer, type Timer } from '../../../src/delivery/timer';
import type { Messenger } from '../../../src/bot/messenger';
import { UndeliverableReporter } from '../../../src/delivery/undeliverable-reporter';
import { createDeliveryMessenger } from '../../../src/delivery/delivery-messenger';

interface Plan {
  readonly instanceId: string;
  readonly leaseMs?: number;
  readonly waitForGo?: boolean;
  readonly freezeAfterSent?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Blocks this process for good: the test kills it. */
function freeze(sent: number): never {
  writeSync(1, `${JSON.stringify({ frozen: true, at: Date.now(), sent })}\n`);
  for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}

function goFromStdin(): Promise<void> {
  return new Promise((resolve) => {
    let text = '';
    process.stdin.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('go')) resolve();
    });
  });
}

async function main(): Promise<void> {
  const plan = JSON.parse(process.env.DISPATCH_PLAN ?? '{}') as Plan;
  const config = loadConfig();
  let started = 0;
  let recorded = 0;
  let onRecorded = () => {};
  // The product's logger (pino, the configured level), counting the sends recorded; written
  // synchronously, so every line is out before a freeze blocks the event loop.
  const log = pino({
    name: `dispatch-worker ${plan.instanceId}`,
    level: config.logLevel,
    hooks: {
      logMethod(args, method) {
        method.apply(this, args);
        if (args.includes('message sent')) {
          recorded++;
          onRecorded();
        }
      },
    },
  }, pino.destination({ dest: 1, sync: true }));
  // The product's messenger, counting the sends started.
  const messenger = createDeliveryMessenger(config.bot);
  const counted: Messenger = {
    createConversation: (...args) => (started++, messenger.createConversation(...args)),
    send: (...args) => (started++, messenger.send(...args)),
    update: (...args) => messenger.update(...args),
  };
  // The dispatcher's waits for a message's turn: where the crash test's kill lands.
  const timer: Timer = {
    async sleep(ms, signal) {
      if (plan.freezeAfterSent && started >= plan.freezeAfterSent) {
        while (recorded < started) await new Promise<void>((resolve) => (onRecorded = resolve));
        freeze(recorded);
      }
      return realTimer.sleep(ms, signal);
    },
  };
  const database = await openMigratedDatabase(config.databaseUrl, `dispatch worker ${plan.instanceId}`);
  const store = new Store(database.prisma);
  const dispatcher = new OutboxDispatcher({
    store,
    messenger: counted,
    clock: systemClock,
    timer,
    log,
    instanceId: plan.instanceId,
    messagesPerSecond: config.delivery.messagesPerSecond,
    maxAttempts: config.delivery.maxAttempts,
    leaseMs: plan.leaseMs,
    // Short polls: a lease left by a killed worker should be noticed soon after it runs out.
    idlePollMs: 200,
    onUndeliverable: new UndeliverableReporter({ adminAadObjectIds: config.adminAadObjectIds, clock: systemClock, log }).report,
  });
  if (plan.waitForGo) {
    const go = goFromStdin();
    console.log(JSON.stringify({ ready: true }));
    await go;
    process.stdin.destroy();
  }
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
