/**
 * The only module that reads process.env. Everything else receives a typed Config through its
 * constructor, so a missing or malformed setting stops the process at start-up with one clear
 * message instead of failing later in the middle of a cycle.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseTolerance } from '../domain/tolerance';
import type { Tolerance } from '../domain/types';

export interface Config {
  readonly port: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** `pglite:<directory>` (embedded, the default), `pglite:memory`, or a `postgresql://` URL. */
  readonly databaseUrl: string;
  /** Load the demo register into an empty database on start-up. */
  readonly loadDemoData: boolean;
  /** The organisation's default tolerance; an indicator's own tolerance overrides it. */
  readonly defaultTolerance: Tolerance;
}

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

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978), // 0: any free port
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z
    .string()
    .trim()
    .default('pglite:./data/pgdata')
    .refine((url) => /^(pglite:.+|postgres(ql)?:\/\/.+)$/.test(url), {
      message: 'use pglite:<directory> for the embedded database or postgresql://user@host:5432/db',
    }),
  LOAD_DEMO_DATA: booleanSetting.default(true),
  DEFAULT_TOLERANCE: toleranceSetting.prefault('10%'),
});

export class ConfigError extends Error {}

/** Reads the settings from `env` (process.env by default, after loading .env if present). */
export function loadConfig(env: NodeJS.ProcessEnv = readProcessEnv()): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(settings)'}: ${issue.message}`);
    throw new ConfigError(`The configuration is not valid; fix these settings (see .env.example):\n${lines.join('\n')}`);
  }
  const s = parsed.data;
  return {
    port: s.PORT,
    logLevel: s.LOG_LEVEL,
    databaseUrl: s.DATABASE_URL,
    loadDemoData: s.LOAD_DEMO_DATA,
    defaultTolerance: s.DEFAULT_TOLERANCE,
  };
}

function readProcessEnv(): NodeJS.ProcessEnv {
  const dotenv = path.resolve('.env');
  // Values already in the environment win over the file, as with every dotenv loader.
  if (existsSync(dotenv)) process.loadEnvFile(dotenv);
  return process.env;
}
