import pino, { type Logger } from 'pino';
import type { Config } from '../config/config';
import { correlationId } from './correlation';

export type { Logger };

/**
 * Structured JSON logs (pino): one line per event, easy to ship to a council's log store. A line
 * written during a turn carries the turn's correlationId (correlation.ts), from whichever part wrote it.
 */
export function createLogger(config: Pick<Config, 'logLevel'>, name = 'performance-bot', destination?: pino.DestinationStream): Logger {
  return pino({
    name,
    level: config.logLevel,
    mixin: () => {
      const id = correlationId();
      return id ? { correlationId: id } : {};
    },
  }, destination);
}
