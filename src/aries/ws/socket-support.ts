import { isRunnerError } from '../../core/index.js';
import type { SocketTimers } from './socket-options.js';

/** The wall-clock timers used when none are injected. */
export const defaultTimers: SocketTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle),
};

/**
 * Returns a log-safe label for an error: its code or class name, never its message, because a
 * token source's message may quote a token.
 */
export function errorLabel(error: unknown): string {
  if (isRunnerError(error)) return error.code;
  if (error instanceof Error) {
    const code: unknown = Reflect.get(error, 'code');
    return typeof code === 'string' ? code : error.name;
  }
  return typeof error;
}
