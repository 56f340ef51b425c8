import type { SimSocketOptions, SimTimers, SocketKind } from './sim-socket-types.js';

/** Timing with the defaults applied, for one socket kind. */
export interface SessionSettings {
  readonly authTimeoutMs: number;
  readonly sessionTtlMs: number;
  readonly refreshWarningMs: number;
}

/** Returns the settings of one socket kind with the documented defaults (aries-api.md §8.1). */
export function sessionSettings(kind: SocketKind, options: SimSocketOptions = {}): SessionSettings {
  const ttl = options.sessionTtlMs;
  const fallback = kind === 'account' ? 3_900_000 : 2_700_000;
  const sessionTtlMs = typeof ttl === 'number' ? ttl : (ttl?.[kind] ?? fallback);
  return { authTimeoutMs: options.authTimeoutMs ?? 5_000, sessionTtlMs, refreshWarningMs: options.refreshWarningMs ?? 300_000 };
}

/** Node timers that never keep the process alive alone. */
export const nodeTimers: SimTimers = {
  schedule(callback, ms) {
    const handle = setTimeout(callback, ms);
    handle.unref();
    return () => clearTimeout(handle);
  },
};
