import type { SimAccountFeed, SimAuth, SimMarketFeed } from '../sim-ports.js';
import type { SocketFaults } from './socket-faults.js';

/** One-shot timers for session deadlines; `schedule` returns a cancel function. Injected so tests can use a VirtualClock. */
export interface SimTimers {
  schedule(callback: () => void, ms: number): () => void;
}

/** Socket timing; every field has the documented default. */
export interface SimSocketOptions {
  /** How long a new connection has to send `/auth`; default 5000 ms (aries-api.md §8.1). */
  readonly authTimeoutMs?: number;
  /** Session lifetime after `authSuccess`: one value for both sockets, or per socket; default account 3 900 000 ms, market 2 700 000 ms. */
  readonly sessionTtlMs?: number | { readonly market?: number; readonly account?: number };
  /** How long before expiry `refreshAuth` is sent; default 300 000 ms. */
  readonly refreshWarningMs?: number;
  /** Seed of the random account faults; default 1. */
  readonly seed?: number;
}

/** What `attachSimSockets` serves from. */
export interface AttachSocketsDeps {
  readonly auth: SimAuth;
  /** Quotes, trades and status; absent = a market socket that reports `closed` and streams nothing. */
  readonly market: SimMarketFeed | undefined;
  readonly account: SimAccountFeed;
  /** Returns epoch ms for message timestamps and `serverTime`. */
  readonly now: () => number;
  /** Default: Node timers. */
  readonly timers?: SimTimers;
  readonly options?: SimSocketOptions;
}

/** Counters of the socket side. */
export interface SimSocketStats {
  /** Connections open now. */
  readonly open: number;
  /** Connections accepted since attach. */
  readonly accepted: number;
  /** Upgrades refused (unknown path). */
  readonly rejected: number;
  readonly authSuccesses: number;
  readonly authFailures: number;
  readonly authTimeouts: number;
  readonly expired: number;
  /** WebSocket frames sent (one frame may carry several NDJSON messages). */
  readonly frames: number;
  readonly messages: number;
}

/** The attached socket endpoints. */
export interface SimSockets {
  /** Closes every socket (code 1001), stops listening for upgrades and unsubscribes from the feeds. */
  close(): Promise<void>;
  readonly faults: SocketFaults;
  /** Returns a snapshot of the counters. */
  readonly stats: SimSocketStats;
}

/** Which endpoint a connection came in on. */
export type SocketKind = 'market' | 'account';
