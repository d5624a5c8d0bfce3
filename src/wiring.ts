/**
 * The one place where the product is assembled: every part gets what it needs through its
 * constructor. Nothing else creates database connections, servers or loggers.
 */
import type { Config } from './config/config';
import type { Clock } from './clock';
import { createLogger, type Logger } from './logging/logger';
import type { Database } from './db/open-database';
import { openCurrentDatabase, openMigratedDatabase } from './db/open-migrated-database';
import { pendingMigrations, readMigrations } from './db/migrate';
import { migrationsDir } from './db/paths';
import { Store } from './db/store';
import { loadDemoDataOnce } from './demo/load-demo-data';
import { HttpServer } from './server/http-server';
import { createBotFrameworkAuthentication } from './bot/bot-authentication';
import { TeamsAdapter } from './bot/teams-adapter';
import { PerformanceBot } from './bot/performance-bot';
import { messagesEndpoint } from './bot/messages-endpoint';
import { ServiceUrlPolicy } from './bot/service-url-policy';
import { BotFrameworkMessenger, type Messenger } from './bot/messenger';
import { PeopleService } from './app/people-service';
import { EntryService } from './app/entry/entry-service';
import { MyWorkService } from './app/my-work-service';
import { CycleService } from './app/cycle/cycle-service';
import { CycleScheduler } from './app/cycle/cycle-scheduler';
import { AdminPolicy } from './app/admin-policy';
import { instanceIdentity } from './instance-identity';
import { OutboxDispatcher } from './delivery/outbox-dispatcher';
import { UndeliverableReporter } from './delivery/undeliverable-reporter';
import { createDeliveryMessenger } from './delivery/delivery-messenger';
import { scorecardTab } from './tab/scorecard-tab';
import { BoardService } from './app/board/board-service';
import { ActionPlanService } from './app/board/action-plan-service';
import { TeamRosterReader } from './bot/team-roster-reader';
import { TenantPolicy } from './app/tenant-policy';
import { Refusals } from './app/refusals';
import { ActorDirectory } from './app/actor-directory';
import { PerformanceTeamOnly } from './app/admin/performance-team-only';
import { CycleCommands } from './app/admin/cycle-commands';
import { DigestCommand } from './app/admin/digest-command';
import { BoardChannelCommand } from './app/admin/board-channel-command';
import { CorrectionCommand } from './app/admin/correction-command';
import { BackgroundJobs } from './app/jobs/background-jobs';
import { JobViews } from './app/jobs/job-views';
import { JobSteps } from './app/jobs/job-steps';
import { JobRunner } from './jobs/job-runner';
import { stopGracefully } from './graceful-stop';
import { ProductMetrics } from './observability/product-metrics';
import type { Telemetry } from './observability/azure-monitor';

export interface Application {
  readonly log: Logger;
  readonly store: Store;
  readonly database: Database;
  readonly messenger: Messenger;
  readonly cycle: CycleService;
  readonly scheduler: CycleScheduler;
  readonly board: BoardService;
  readonly plans: ActionPlanService;
  /** The figures of GET /metrics, also mirrored to Azure Monitor when it is on (main.ts). */
  readonly metrics: ProductMetrics;
  /** Starts serving; resolves with the port. */
  start(): Promise<number>;
  /** The graceful stop (graceful-stop.ts); `telemetry`, when on, sends its last figures before the database closes. */
  stop(telemetry?: Telemetry | null): Promise<void>;
}

export async function buildApplication(config: Config, clock: Clock, log = createLogger(config)): Promise<Application> {
  const database = config.migrateOnStart
    ? await openMigratedDatabase(config.databaseUrl, 'bot server', (applied) => log.info({ applied }, 'database migrated'), config.postgres)
    : await openCurrentDatabase(config.databaseUrl, 'bot server', config.postgres);
  const store = new Store(database.prisma);
  log.info({ database: database.description, migrateOnStart: config.migrateOnStart }, 'database ready');

  if (config.loadDemoData) {
    const demo = await loadDemoDataOnce(database, store, clock.now(), config.cycle);
    if (demo.loaded) log.info({ counts: demo.counts }, 'demo register loaded into the empty database');
  }

  if (!config.bot.appId) {
    log.warn(
      'MicrosoftAppId is not set: the bot is running WITHOUT AUTHENTICATION and accepts any request. ' +
        'This is for local development only; never expose it to a network.',
    );
  }
  if (config.bot.appId && config.bot.appType === 'MultiTenant') {
    log.warn(
      'MicrosoftAppType is MultiTenant: Microsoft stopped new multi-tenant bot registrations on 31 July 2025. ' +
        'An existing registration keeps working; register a new bot as SingleTenant (or UserAssignedMSI) with MicrosoftAppTenantId.',
    );
  }
  const serviceUrls = new ServiceUrlPolicy(config.bot.serviceUrlHosts);
  const adapter = new TeamsAdapter(createBotFrameworkAuthentication(config.bot));
  adapter.onTurnError = async (context, error) => {
    log.error({ err: error, activityType: context.activity.type }, 'unhandled error in a turn');
    if (context.activity.type === 'message') {
      await context.sendActivity('Sorry, something went wrong and nothing was changed. Please try again; if it keeps happening, tell the performance team.');
    }
  };
  const metrics = new ProductMetrics(store.repos.outbox);
  const settings = { defaultTolerance: config.defaultTolerance };
  const instanceId = instanceIdentity();
  const entry = new EntryService(store, clock, settings);
  // Proactive sends and updates (the outbox's, the progress cards'): one request each, no SDK retries.
  const deliveryMessenger = createDeliveryMessenger(config.bot);
  const dispatcher = new OutboxDispatcher({
    store,
    messenger: deliveryMessenger,
    clock,
    log,
    instanceId,
    messagesPerSecond: config.delivery.messagesPerSecond,
    maxAttempts: config.delivery.maxAttempts,
    onUndeliverable: new UndeliverableReporter({ adminAadObjectIds: config.adminAadObjectIds, clock, log }).report,
    onTried: (result) => metrics.delivered(result),
  });
  const cycle = new CycleService(
    store, clock, entry, { calendar: config.cycle, defaultTolerance: config.defaultTolerance },
    () => dispatcher.wake(),
  );
  const admins = new AdminPolicy(store, config.adminAadObjectIds);
  const wakeDispatcher = () => dispatcher.wake();
  const plans = new ActionPlanService(store, clock, { ...settings, adminIds: () => admins.adminPersonIds() }, wakeDispatcher);
  const board = new BoardService(store, clock, settings, new TeamRosterReader(adapter, config.bot.appId ?? ''), plans, log, wakeDispatcher);
  const scheduler = new CycleScheduler(store, clock, cycle, instanceId, log, {
    ready: async () => (await board.channel()) !== null,
    digest: (month) => board.digest({ month, trigger: 'scheduled', actor: 'scheduler' }),
    remindOverdueActions: () => plans.remindOverdue(),
  }, config.cycle.openTime);
  const jobViews = new JobViews(store);
  const jobRunner = new JobRunner({
    store, clock, log, instanceId, steps: new JobSteps(cycle, board, instanceId), views: jobViews, messenger: deliveryMessenger,
    stopPatienceMs: config.shutdownGraceMs,
  });
  const jobs = new BackgroundJobs(store, clock, jobViews, () => jobRunner.wake());
  const people = new PeopleService(store);
  const refusals = new Refusals(store);
  const tenants = new TenantPolicy(config.bot.tenantId);
  const performanceTeamOnly = new PerformanceTeamOnly(refusals, config.performanceTeamContact);
  const bot = new PerformanceBot({
    actors: new ActorDirectory(store, people, admins, tenants, refusals),
    people,
    entry,
    myWork: new MyWorkService(store, clock, settings),
    cycleCommands: new CycleCommands(cycle, performanceTeamOnly, jobs),
    digestCommand: new DigestCommand(jobs, performanceTeamOnly),
    jobs,
    boardChannel: new BoardChannelCommand(board, performanceTeamOnly),
    correction: new CorrectionCommand(entry, performanceTeamOnly),
    board,
    plans,
    performanceTeamContact: config.performanceTeamContact,
    log,
  });
  const messenger = new BotFrameworkMessenger(adapter, config.bot.appId ?? '');

  const migrations = readMigrations(migrationsDir());
  const server = new HttpServer({
    log,
    messages: messagesEndpoint(adapter, bot, serviceUrls, log, metrics),
    maxBodyBytes: config.bot.maxBodyBytes,
    mounts: [scorecardTab(config, store, clock, log, { people, admins, tenants, refusals })],
    ...(config.observability.metricsEnabled ? { metrics: () => metrics.exposition() } : {}),
    health: async () => {
      await store.ping();
      // A release that migrated the database ahead of this instance's code is fine (migrations only
      // add); one that left it behind this code is not.
      const current = (await pendingMigrations(database.sql, migrations)).length === 0;
      return { healthy: current, checks: { database: 'ok', migrations: current ? 'ok' : 'behind' } };
    },
  });

  let stopping: Promise<void> | null = null;
  return {
    log,
    store,
    database,
    messenger,
    cycle,
    scheduler,
    board,
    plans,
    metrics,
    start: async () => {
      const port = await server.listen(config.port);
      if (config.delivery.dispatcherEnabled) dispatcher.start();
      jobRunner.start();
      if (config.cycle.schedulerEnabled) scheduler.start();
      return port;
    },
    stop: (telemetry) => (stopping ??= stopGracefully({ server, scheduler, jobRunner, dispatcher, database, telemetry }, config.shutdownGraceMs, log)),
  };
}
