import type { SimSocketStats } from './sim-socket-types.js';

/** The mutable counters behind {@link SimSocketStats}. */
export type SocketCounters = { -readonly [K in keyof SimSocketStats]: SimSocketStats[K] };

/** Returns zeroed counters. */
export function newCounters(): SocketCounters {
  return { open: 0, accepted: 0, rejected: 0, authSuccesses: 0, authFailures: 0, authTimeouts: 0, expired: 0, frames: 0, messages: 0 };
}
