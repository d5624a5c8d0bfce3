/**
 * The only module that reads process.env. Everything else receives a typed Config through its
 * constructor, so a missing or malformed setting stops the process at start-up with one clear
 * message instead of failing later in the middle of a cycle.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseTolerance } from '../domain/tolerance';
import { SSL_MODES, sslModeOf } from '../db/postgres-pool-options';
import type { Tolerance } from '../domain/types';
import type { CalendarSettings } from '../domain/cycle-calendar';
import type { UnverifiedFigures } from '../domain/verification';
import { checkRunLengths, DEFAULT_RUN_LENGTHS, type RunLengths } from '../domain/variation-settings';
import { botCredential, botIdentitySettings, checkBotIdentity, type BotAppType, type BotCredential } from './bot-identity';

export type { BotAppType, BotCredential } from './bot-identity';

export interface Config {
  readonly port: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** `pglite:<directory>` (embedded, the default), `pglite:memory`, or a `postgresql://` URL. */
  readonly databaseUrl: string;
  /**
   * Load the demo register into an empty database on start-up. Default: on for the embedded
   * database, off for PostgreSQL (a council's real database), where only LOAD_DEMO_DATA=true loads it.
   */
  readonly loadDemoData: boolean;
  /**
   * Apply pending migrations on start-up. Default: on for the embedded database, off for
   * PostgreSQL, whose release step is `npm run db:migrate` so the server's role needs no DDL.
   */
  readonly migrateOnStart: boolean;
  /** Only for PostgreSQL: the pool and TLS (the sslmode itself is in DATABASE_URL). */
  readonly postgres: PostgresSettings;
  /** The organisation's default tolerance; an indicator's own tolerance overrides it. */
  readonly defaultTolerance: Tolerance;
  /** Whether a figure not yet signed off by its verifier is reported with its colour or as awaiting verification (#16). */
  readonly unverifiedFigures: UnverifiedFigures;
  /** The organisation's run lengths for the variation engine's shift and trend rules (#17). */
  readonly runLengths: RunLengths;
  readonly bot: BotConfig;
  /** Who people not in the register should contact, e.g. "the Performance Team (performance@council.gov.uk)". */
  readonly performanceTeamContact: string;
  /** The council's name, on the quarterly report's cover and footer: "North Kesteven District Council". */
  readonly organisationName: string;
  readonly app: AppConfig;
  readonly cycle: CycleConfig;
  readonly delivery: DeliveryConfig;
  /** Entra object ids treated as admins besides people with the ADMIN role in the register. */
  readonly adminAadObjectIds: readonly string[];
  /**
   * Development and tests only: the instant the process's clock starts at (it then runs on in real
   * time), so a demo or a test sees the same day of the cycle whatever the date. Null: the system clock.
   */
  readonly clockStart: Date | null;
  /** How long a stopping server lets the turns under way finish before it closes their connections. */
  readonly shutdownGraceMs: number;
  readonly observability: ObservabilityConfig;
}

export interface ObservabilityConfig {
  /** Serve GET /metrics in Prometheus' text format. */
  readonly metricsEnabled: boolean;
  /** Application Insights' connection string: traces and metrics then go to Azure Monitor. Null: off. */
  readonly applicationInsightsConnectionString: string | null;
}

export interface PostgresSettings {
  /** Connections the process may hold open (DATABASE_POOL_SIZE). */
  readonly poolSize: number;
  /** The PEM text of DATABASE_CA_FILE, read at start-up; null: the system's CAs. */
  readonly caPem: string | null;
}

/** What `npm run package` needs, and nothing secret: a pipeline that builds the package has no secrets. */
export interface PackageConfig {
  readonly bot: Pick<BotConfig, 'appId'>;
  readonly app: Pick<AppConfig, 'publicHostname' | 'teamsAppId' | 'tabAppId' | 'tabTokenAudiences'>;
}

/**
 * The monthly calendar, in working days after the end of the month reported (Monday to Friday,
 * less England and Wales bank holidays), at UK local times.
 */
export interface CycleConfig extends CalendarSettings {
  /** Run the calendar on its own; steps can always be run on demand. */
  readonly schedulerEnabled: boolean;
}

export interface DeliveryConfig {
  /** Messages a second for the whole app in one tenant; Teams allows 50. */
  readonly messagesPerSecond: number;
  /** Tries before a message is given up as dead. */
  readonly maxAttempts: number;
  readonly dispatcherEnabled: boolean;
}

/** The Teams app package and the Scorecard tab. */
export interface AppConfig {
  /** The host name the council serves the bot and tab from, e.g. performance.fenmarsh.gov.uk. */
  readonly publicHostname: string;
  /** The Teams app's own id (manifest "id"), a GUID. */
  readonly teamsAppId: string;
  /**
   * The Entra app registration the tab's single sign-on tokens are for (the manifest's
   * webApplicationInfo.id): the bot's own by default, a separate one when the bot runs as a
   * managed identity (which cannot expose an API). Null: no app id at all (local development).
   */
  readonly tabAppId: string | null;
  /** Entra ID's OpenID metadata, whose keys sign the tab's single sign-on tokens. */
  readonly tabOpenIdMetadataUrl: string;
  /** Audiences a tab token may carry: the app id URI and the app id. */
  readonly tabTokenAudiences: readonly string[];
  /** Only for a plain browser during development: the tab's API then trusts no token at all. */
  readonly tabAuthDisabled: boolean;
  /**
   * Origins, besides Microsoft's own Teams hosts, that may host the tab and talk to it through
   * teams-js (e.g. a local stand-in for Teams in tests). Empty in production.
   */
  readonly tabExtraHostOrigins: readonly string[];
  /**
   * Who may read the Scorecard tab: `tenant`, anyone signed in from the council's own tenant
   * (MicrosoftAppTenantId; without one, only people in the register), or `register`, only people
   * in the register. People from other tenants never.
   */
  readonly tabReaders: 'tenant' | 'register';
}

export interface BotConfig {
  /** Null: no authentication at all, for local development only. */
  readonly appId: string | null;
  readonly appType: BotAppType;
  /** How the bot obtains its own tokens; null when there is no app id (no authentication). */
  readonly credential: BotCredential | null;
  readonly tenantId: string | null;
  /** The authority the bot's own tokens come from (MSAL client credentials; not used by a managed identity). */
  readonly loginAuthority: string;
  /** botbuilder's ConfigurationBotFrameworkAuthentication settings, under its own key names. */
  readonly authSettings: Readonly<Record<string, string>>;
  /**
   * Where the Bot Connector may be: an activity whose serviceUrl matches none of these is refused
   * before the bot calls anything, and the dispatcher sends nowhere else. `host`, `*.domain` (https)
   * or a scheme and host such as `http://127.0.0.1` (a local stand-in).
   */
  readonly serviceUrlHosts: readonly string[];
  /** The largest request body /api/messages reads; beyond it the answer is 413. */
  readonly maxBodyBytes: number;
}

/** botbuilder's endpoint keys: setting any switches it to using all of them as given. */
const ENDPOINT_KEYS = [
  'ToBotFromChannelOpenIdMetadataUrl',
  'ToBotFromChannelTokenIssuer',
  'ToChannelFromBotLoginUrl',
  'ToChannelFromBotOAuthScope',
] as const;
const OPTIONAL_AUTH_KEYS = ['ToBotFromEmulatorOpenIdMetadataUrl', 'OAuthUrl', 'CallerId', 'ValidateAuthority', 'MicrosoftAppTenantId', 'MicrosoftAppId'] as const;

const toleranceSetting = z.string().transform((text, ctx) => {
  const parsed = parseTolerance(text);
  if (!parsed.ok || parsed.value === null) {
    ctx.addIssue({ code: 'custom', message: parsed.ok ? 'must not be empty' : parsed.error });
    return z.NEVER;
  }
  return parsed.value;
});

const booleanSetting = z
  .string()
  .transform((text) => text.trim().toLowerCase())
  .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no']))
  .transform((text) => ['true', '1', 'yes'].includes(text));

/** PostgreSQL's TLS: an sslmode we can honour, and a CA file only with TLS to use it. */
function checkDatabaseTls(s: { DATABASE_URL: string; DATABASE_CA_FILE: string | null }, ctx: z.RefinementCtx): void {
  if (!/^postgres(ql)?:\/\//.test(s.DATABASE_URL)) return;
  const mode = sslModeOf(s.DATABASE_URL);
  if (mode !== null && !(SSL_MODES as readonly string[]).includes(mode)) {
    ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: `sslmode=${mode} is not supported: use sslmode=${SSL_MODES.join(', sslmode=')} (verify-full for a server on a network)` });
  }
  if (s.DATABASE_CA_FILE && (mode === null || mode === 'disable')) {
    ctx.addIssue({ code: 'custom', path: ['DATABASE_CA_FILE'], message: 'needs TLS: add ?sslmode=verify-full (or verify-ca) to DATABASE_URL' });
  }
  if (/[?&]ssl(rootcert|cert|key)=/.test(s.DATABASE_URL)) {
    ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'sslrootcert, sslcert and sslkey are not read from DATABASE_URL: give the CA file as DATABASE_CA_FILE' });
  }
}

function emptyAsUnset(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

const workingDay = z.coerce.number().int().min(1).max(40);
const timeOfDay = z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time such as 09:00 (24-hour, UK local time)');

/** The settings the app package is built from; the server reads them too, under the same rules. */
const packageSettings = {
  PUBLIC_HOSTNAME: z.string().trim().regex(/^[a-z0-9.-]+(:\d+)?$/i, 'a host name such as performance.council.gov.uk, with no scheme or path').default('localhost:3978'),
  TEAMS_APP_ID: z.uuid().default('5b6f7a2e-8c1d-4e3f-9a0b-7c6d5e4f3a21'),
  TAB_TOKEN_AUDIENCE: z.string().trim().optional(),
  BOT_SERVICE_URL_HOSTS: z
    .string()
    .default('smba.trafficmanager.net,*.botframework.com,*.teams.microsoft.com,*.teams.microsoft.us,*.botframework.azure.us')
    .transform((text) => text.split(',').map((host) => host.trim().toLowerCase()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^(https?:\/\/)?(\*\.)?[a-z0-9.-]+(:\d+)?$/, 'host names such as smba.trafficmanager.net or *.botframework.com (or http://127.0.0.1 for a local stand-in), separated by commas')).min(1)),
  MESSAGES_MAX_BODY_BYTES: z.coerce.number().int().min(16 * 1024).max(4 * 1024 * 1024).default(256 * 1024),
  MicrosoftAppId: z.string().trim().optional(),
  MicrosoftAppType: botIdentitySettings.MicrosoftAppType,
  TAB_APP_ID: z.string().trim().optional().transform((text) => text || undefined).pipe(z.uuid('the application (client) id of the tab\'s Entra app registration, a GUID').optional()),
};
const packageSchema = z.object(packageSettings).superRefine((s, ctx) => checkTabAppId(s, issueAdder(ctx)));

/** A managed identity cannot expose an API, so the tab's sign-in needs an app registration of its own. */
function checkTabAppId(s: { MicrosoftAppId?: string; MicrosoftAppType: BotAppType; TAB_APP_ID?: string }, issue: (path: string, message: string) => void): void {
  if (s.MicrosoftAppId && s.MicrosoftAppType === 'UserAssignedMSI' && !s.TAB_APP_ID) {
    issue('TAB_APP_ID', 'is required when MicrosoftAppType is UserAssignedMSI: the tab\'s single sign-on needs an Entra app registration of its own (a managed identity cannot expose an API)');
  }
}

function issueAdder(ctx: z.RefinementCtx): (path: string, message: string) => void {
  return (path, message) => ctx.addIssue({ code: 'custom', path: [path], message });
}

const schema = z.object({
  ...packageSettings,
  PORT: z.coerce.number().int().min(0).max(65535).default(3978), // 0: any free port
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z
    .string()
    .trim()
    .default('pglite:./data/pgdata')
    .refine((url) => /^(pglite:.+|postgres(ql)?:\/\/.+)$/.test(url), {
      message: 'use pglite:<directory> for the embedded database or postgresql://user@host:5432/db',
    }),
  // Unset (or empty): decided by the kind of database, below.
  LOAD_DEMO_DATA: z.preprocess(emptyAsUnset, booleanSetting.optional()),
  MIGRATE_ON_START: z.preprocess(emptyAsUnset, booleanSetting.optional()),
  // At least 2: the demo loader holds one connection for its lock while the load uses another.
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2, 'must be at least 2').max(1000).default(10),
  DATABASE_CA_FILE: z.preprocess(emptyAsUnset, z.string().trim().optional()).transform((file, ctx) => {
    if (!file) return null;
    let pem: string;
    try {
      pem = readFileSync(file, 'utf8');
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): name a readable PEM file holding the CA certificate of your PostgreSQL server, or leave it unset` });
      return z.NEVER;
    }
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
      ctx.addIssue({ code: 'custom', message: `${file} holds no PEM certificate (-----BEGIN CERTIFICATE-----): give the CA certificate in PEM form` });
      return z.NEVER;
    }
    return pem;
  }),
  DEFAULT_TOLERANCE: toleranceSetting.prefault('10%'),
  PERFORMANCE_TEAM_CONTACT: z.string().trim().min(1).default('the performance team'),
  VARIATION_SHIFT_POINTS: z.coerce.number().default(DEFAULT_RUN_LENGTHS.shift),
  VARIATION_TREND_POINTS: z.coerce.number().default(DEFAULT_RUN_LENGTHS.trend),
  UNVERIFIED_FIGURES: z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), z.enum(['rated', 'awaiting-verification'], 'rated (a figure is rated as soon as it is in) or awaiting-verification (a figure with a named verifier is reported as awaiting verification until signed off)').default('rated')),
  ORGANISATION_NAME: z.preprocess(emptyAsUnset, z.string().trim().min(1).max(120).optional()),
  TAB_OPENID_METADATA_URL: z.url().default('https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration'),
  TAB_AUTH_DISABLED: booleanSetting.default(false),
  TAB_EXTRA_HOST_ORIGINS: z
    .string()
    .default('')
    .transform((text) => text.split(',').map((origin) => origin.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^https?:\/\/[a-z0-9.-]+(:\d+)?$/i, 'origins such as https://teams.example.com, separated by commas, each with no path'))),
  TAB_READERS: z.enum(['tenant', 'register']).default('tenant'),
  ADMIN_AAD_OBJECT_IDS: z.string().default('').transform((text) => text.split(',').map((id) => id.trim()).filter(Boolean)),
  CYCLE_OPEN_WORKING_DAY: workingDay.default(3),
  CYCLE_OPEN_TIME: timeOfDay.default('09:00'),
  CYCLE_REMINDER_WORKING_DAYS: z.string().default('6,8').transform((text, ctx) => {
    const days = text.split(',').map((d) => d.trim()).filter(Boolean).map(Number);
    if (days.some((d) => !Number.isInteger(d) || d < 1 || d > 40)) {
      ctx.addIssue({ code: 'custom', message: 'a comma-separated list of working days such as 6,8' });
      return z.NEVER;
    }
    return days;
  }),
  CYCLE_DEADLINE_WORKING_DAY: workingDay.default(10),
  CYCLE_DEADLINE_TIME: timeOfDay.default('17:00'),
  CYCLE_ESCALATE_VERIFIER_WORKING_DAY: workingDay.default(11),
  CYCLE_ESCALATE_DIRECTOR_WORKING_DAY: workingDay.default(13),
  CYCLE_CLOSE_WORKING_DAY: workingDay.default(15),
  CYCLE_DIGEST_WORKING_DAY: workingDay.default(16),
  CYCLE_SCHEDULER_ENABLED: booleanSetting.default(true),
  DELIVERY_MESSAGES_PER_SECOND: z.coerce.number().positive().max(50).default(48),
  DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  DELIVERY_DISPATCHER_ENABLED: booleanSetting.default(true),
  ...botIdentitySettings,
  ToBotFromChannelOpenIdMetadataUrl: z.url().optional(),
  ToBotFromChannelTokenIssuer: z.string().trim().optional(),
  ToChannelFromBotLoginUrl: z.url({ protocol: /^https$/ }).optional(),
  ToChannelFromBotOAuthScope: z.string().trim().optional(),
  ToBotFromEmulatorOpenIdMetadataUrl: z.url().optional(),
  OAuthUrl: z.url().optional(),
  CallerId: z.string().optional(),
  ValidateAuthority: z.enum(['true', 'false']).optional(),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(60_000).default(8_000),
  METRICS_ENABLED: booleanSetting.default(false),
  APPLICATIONINSIGHTS_CONNECTION_STRING: z
    .string()
    .trim()
    .optional()
    .transform((text) => text || undefined)
    .pipe(
      z
        .string()
        .regex(/(^|;)\s*InstrumentationKey=[^;]+/i, 'an Application Insights connection string, InstrumentationKey=...;IngestionEndpoint=https://... as the Azure portal shows it (or leave it unset)')
        .optional(),
    ),
  CLOCK_START: z
    .string()
    .trim()
    .optional()
    .transform((text) => text || undefined)
    .pipe(z.iso.datetime({ offset: true, message: 'an ISO 8601 instant with its offset, such as 2026-11-17T10:00:00Z (or leave it unset)' }).optional())
    .transform((text) => (text ? new Date(text) : null)),
}).superRefine((s, ctx) => {
  checkBotIdentity(s, issueAdder(ctx));
  checkTabAppId(s, issueAdder(ctx));
  const order: [string, number][] = [
    ['CYCLE_OPEN_WORKING_DAY', s.CYCLE_OPEN_WORKING_DAY],
    ...s.CYCLE_REMINDER_WORKING_DAYS.map((d): [string, number] => ['CYCLE_REMINDER_WORKING_DAYS', d]),
    ['CYCLE_DEADLINE_WORKING_DAY', s.CYCLE_DEADLINE_WORKING_DAY],
    ['CYCLE_ESCALATE_VERIFIER_WORKING_DAY', s.CYCLE_ESCALATE_VERIFIER_WORKING_DAY],
    ['CYCLE_ESCALATE_DIRECTOR_WORKING_DAY', s.CYCLE_ESCALATE_DIRECTOR_WORKING_DAY],
    ['CYCLE_CLOSE_WORKING_DAY', s.CYCLE_CLOSE_WORKING_DAY],
  ];
  for (let i = 1; i < order.length; i++) {
    if (order[i]![1] < order[i - 1]![1]) {
      ctx.addIssue({ code: 'custom', path: [order[i]![0]], message: `must not come before ${order[i - 1]![0]} (the calendar runs open, reminders, deadline, escalations, close)` });
    }
  }
  if (s.CYCLE_DIGEST_WORKING_DAY < s.CYCLE_CLOSE_WORKING_DAY) {
    ctx.addIssue({ code: 'custom', path: ['CYCLE_DIGEST_WORKING_DAY'], message: 'must not come before CYCLE_CLOSE_WORKING_DAY: the digest reports the closed period' });
  }
  checkDatabaseTls(s, ctx);
  const shift = checkRunLengths({ shift: s.VARIATION_SHIFT_POINTS, trend: DEFAULT_RUN_LENGTHS.trend });
  if (!shift.ok) ctx.addIssue({ code: 'custom', path: ['VARIATION_SHIFT_POINTS'], message: shift.error });
  const trend = checkRunLengths({ shift: DEFAULT_RUN_LENGTHS.shift, trend: s.VARIATION_TREND_POINTS });
  if (!trend.ok) ctx.addIssue({ code: 'custom', path: ['VARIATION_TREND_POINTS'], message: trend.error });
  const given = ENDPOINT_KEYS.filter((key) => s[key]);
  if (given.length > 0 && given.length < ENDPOINT_KEYS.length) {
    for (const key of ENDPOINT_KEYS.filter((k) => !s[k])) {
      ctx.addIssue({ code: 'custom', path: [key], message: `must be set too: botbuilder uses ${ENDPOINT_KEYS.join(', ')} together or none of them` });
    }
  }
}).transform((s, ctx) => ({ ...s, credential: botCredential(s, issueAdder(ctx)) }));

export class ConfigError extends Error {}

/** Reads the settings from `env` (process.env by default, after loading .env if present). */
export function loadConfig(env: NodeJS.ProcessEnv = readProcessEnv()): Config {
  const s = parseSettings(schema, env);
  return {
    port: s.PORT,
    logLevel: s.LOG_LEVEL,
    databaseUrl: s.DATABASE_URL,
    // The embedded database is a demo or a trial; PostgreSQL is a council's own.
    loadDemoData: s.LOAD_DEMO_DATA ?? s.DATABASE_URL.startsWith('pglite:'),
    migrateOnStart: s.MIGRATE_ON_START ?? s.DATABASE_URL.startsWith('pglite:'),
    postgres: { poolSize: s.DATABASE_POOL_SIZE, caPem: s.DATABASE_CA_FILE },
    defaultTolerance: s.DEFAULT_TOLERANCE,
    performanceTeamContact: s.PERFORMANCE_TEAM_CONTACT,
    unverifiedFigures: s.UNVERIFIED_FIGURES === 'rated' ? 'RATED' : 'AWAITING_VERIFICATION',
    runLengths: { shift: s.VARIATION_SHIFT_POINTS, trend: s.VARIATION_TREND_POINTS },
    // The demo's register is the fictional Fenmarsh District Council's; a real council names itself.
    organisationName: s.ORGANISATION_NAME ?? ((s.LOAD_DEMO_DATA ?? s.DATABASE_URL.startsWith('pglite:')) ? 'Fenmarsh District Council' : 'The council'),
    bot: botConfig(s),
    app: appConfig(s),
    adminAadObjectIds: s.ADMIN_AAD_OBJECT_IDS,
    cycle: {
      openWorkingDay: s.CYCLE_OPEN_WORKING_DAY,
      openTime: s.CYCLE_OPEN_TIME,
      reminderWorkingDays: s.CYCLE_REMINDER_WORKING_DAYS,
      deadlineWorkingDay: s.CYCLE_DEADLINE_WORKING_DAY,
      deadlineTime: s.CYCLE_DEADLINE_TIME,
      escalateVerifierWorkingDay: s.CYCLE_ESCALATE_VERIFIER_WORKING_DAY,
      escalateDirectorWorkingDay: s.CYCLE_ESCALATE_DIRECTOR_WORKING_DAY,
      closeWorkingDay: s.CYCLE_CLOSE_WORKING_DAY,
      digestWorkingDay: s.CYCLE_DIGEST_WORKING_DAY,
      schedulerEnabled: s.CYCLE_SCHEDULER_ENABLED,
    },
    delivery: {
      messagesPerSecond: s.DELIVERY_MESSAGES_PER_SECOND,
      maxAttempts: s.DELIVERY_MAX_ATTEMPTS,
      dispatcherEnabled: s.DELIVERY_DISPATCHER_ENABLED,
    },
    clockStart: s.CLOCK_START,
    shutdownGraceMs: s.SHUTDOWN_GRACE_MS,
    observability: {
      metricsEnabled: s.METRICS_ENABLED,
      applicationInsightsConnectionString: s.APPLICATIONINSIGHTS_CONNECTION_STRING ?? null,
    },
  };
}

/**
 * The second entry point, for `npm run package`: only the settings the package is built from, under
 * the same rules and messages, so it needs no MicrosoftAppPassword (nor any other setting) to be set.
 */
export function loadPackageConfig(env: NodeJS.ProcessEnv = readProcessEnv()): PackageConfig {
  const s = parseSettings(packageSchema, env);
  return {
    bot: { appId: s.MicrosoftAppId || null },
    app: { publicHostname: s.PUBLIC_HOSTNAME, teamsAppId: s.TEAMS_APP_ID, tabAppId: tabAppId(s), tabTokenAudiences: tabTokenAudiences(s) },
  };
}

function parseSettings<S extends z.ZodType>(settings: S, env: NodeJS.ProcessEnv): z.infer<S> {
  const parsed = settings.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(settings)'}: ${issue.message}`);
    throw new ConfigError(`The configuration is not valid; fix these settings (see .env.example):\n${lines.join('\n')}`);
  }
  return parsed.data;
}

function tabTokenAudiences(s: z.infer<typeof packageSchema>): string[] {
  const appId = tabAppId(s) ?? '00000000-0000-0000-0000-000000000000';
  return s.TAB_TOKEN_AUDIENCE
    ? s.TAB_TOKEN_AUDIENCE.split(',').map((a) => a.trim()).filter(Boolean)
    : [`api://${s.PUBLIC_HOSTNAME}/${appId}`, appId];
}

function tabAppId(s: z.infer<typeof packageSchema>): string | null {
  return s.TAB_APP_ID ?? (s.MicrosoftAppId || null);
}

function appConfig(s: z.infer<typeof schema>): AppConfig {
  return {
    publicHostname: s.PUBLIC_HOSTNAME,
    teamsAppId: s.TEAMS_APP_ID,
    tabAppId: tabAppId(s),
    tabOpenIdMetadataUrl: s.TAB_OPENID_METADATA_URL,
    tabTokenAudiences: tabTokenAudiences(s),
    tabAuthDisabled: s.TAB_AUTH_DISABLED,
    tabExtraHostOrigins: s.TAB_EXTRA_HOST_ORIGINS,
    tabReaders: s.TAB_READERS,
  };
}

function botConfig(s: z.infer<typeof schema>): BotConfig {
  const appId = s.MicrosoftAppId || null;
  const authSettings: Record<string, string> = {};
  for (const key of [...ENDPOINT_KEYS, ...OPTIONAL_AUTH_KEYS]) {
    const value = s[key];
    if (value) authSettings[key] = value;
  }
  const tenant = s.MicrosoftAppType === 'SingleTenant' && s.MicrosoftAppTenantId ? s.MicrosoftAppTenantId : 'botframework.com';
  return {
    appId,
    appType: s.MicrosoftAppType,
    credential: s.credential,
    tenantId: s.MicrosoftAppTenantId ?? null,
    loginAuthority: s.ToChannelFromBotLoginUrl ?? `https://login.microsoftonline.com/${tenant}`,
    authSettings,
    serviceUrlHosts: s.BOT_SERVICE_URL_HOSTS,
    maxBodyBytes: s.MESSAGES_MAX_BODY_BYTES,
  };
}

function readProcessEnv(): NodeJS.ProcessEnv {
  const dotenv = path.resolve('.env');
  // Values already in the environment win over the file, as with every dotenv loader.
  if (existsSync(dotenv)) process.loadEnvFile(dotenv);
  return process.env;
}
