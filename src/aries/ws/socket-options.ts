import type { Rng } from '../../time/index.js';

/** Where the socket logs; the context never holds tokens or frame contents. */
export interface SocketLogger {
  info(message: string, context?: Readonly<Record<string, unknown>>): void;
  warn(message: string, context?: Readonly<Record<string, unknown>>): void;
  error(message: string, context?: Readonly<Record<string, unknown>>): void;
}

/** An opaque timer handle from {@link SocketTimers}. */
export type TimerHandle = ReturnType<typeof setTimeout>;

/** One-shot timers; injected so tests can count live timers. */
export interface SocketTimers {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** Socket timing in milliseconds. */
export interface SocketTiming {
  /** How long the server has to answer the `/auth` request (§8.1: 5 s on the account socket). */
  readonly authTimeoutMs: number;
  /** How often the client pings (§8.1 recommends 30–60 s). */
  readonly pingIntervalMs: number;
  /** Extra silence tolerated after a ping interval before the link counts as half-open (T-10). */
  readonly heartbeatGraceMs: number;
  readonly backoffStartMs: number;
  readonly backoffFactor: number;
  readonly backoffCapMs: number;
  readonly backoffJitterMs: number;
  /** An authenticated connection that lasted this long resets the backoff (T-9). */
  readonly stableResetMs: number;
}

/** The production timing: §8.1 and T-9/T-10 of the reliability notes. */
export const DEFAULT_SOCKET_TIMING: SocketTiming = {
  authTimeoutMs: 5_000,
  pingIntervalMs: 30_000,
  heartbeatGraceMs: 1_000,
  backoffStartMs: 500,
  backoffFactor: 2,
  backoffCapMs: 30_000,
  backoffJitterMs: 250,
  stableResetMs: 10_000,
};

/** What an {@link AriesSocket} needs. */
export interface AriesSocketOptions {
  /** The endpoint, e.g. `wss://api.aries.com/v1/market/ws`. */
  readonly url: string;
  /** A short name for logs (`market`, `account`). */
  readonly name?: string;
  /** Returns the current access token; called on every (re)connect. */
  readonly getAccessToken: () => Promise<string>;
  /** Returns a freshly refreshed access token; called when the server sends `refreshAuth`. */
  readonly refreshAccessToken: () => Promise<string>;
  readonly logger: SocketLogger;
  /** Seeded randomness for the backoff jitter. */
  readonly rng: Rng;
  readonly timing?: Partial<SocketTiming>;
  readonly timers?: SocketTimers;
  /** Returns epoch milliseconds; used for message timestamps, liveness and the stable-reset rule. */
  readonly now?: () => number;
}
