import pino, { type Logger } from 'pino';
import type { Config } from '../config/config';

export type { Logger };

/** Structured JSON logs (pino): one line per event, easy to ship to a council's log store. */
export function createLogger(config: Pick<Config, 'logLevel'>, name = 'performance-bot'): Logger {
  return pino({ name, level: config.logLevel });
}
