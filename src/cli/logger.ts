import pino from 'pino';
import type { StrategyLog } from '../strategy/index.js';

/** Log levels the CLI accepts. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'silent'] as const;
/** A CLI log level. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Returns a structured (JSON lines) logger on stderr, so stdout stays for results. */
export function createLogger(level: LogLevel, name: string): StrategyLog {
  const logger = pino({ name, level, base: null }, pino.destination(2));
  return {
    info: (message, fields) => logger.info(fields ?? {}, message),
    warn: (message, fields) => logger.warn(fields ?? {}, message),
    error: (message, fields) => logger.error(fields ?? {}, message),
  };
}
