import type { Amount } from '../core/index.js';
import type { CommissionSpec } from '../config/index.js';
import type { Clock } from '../time/index.js';
import type { FillMode } from '../venue/index.js';
import type { SimBarFeed, SimMarketFeed } from './sim-ports.js';
import type { SimSocketOptions, SimSockets } from './ws/index.js';
import type { SimControl } from './faults/sim-control.js';

/** One simulated brokerage account. */
export interface SimAccountSpec {
  /** The trading account id (sent as `trading_account_id`/`sterling_account_id`). */
  readonly id: string;
  /** Starting cash. */
  readonly cash: Amount;
}

/** One registered OAuth client app. */
export interface SimClientSpec {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Registered redirect URIs; `redirect_uri` must match one exactly. */
  readonly redirectUris: readonly string[];
  /** Scopes the app may be granted; default every Aries scope. */
  readonly scopes?: readonly string[];
}

/** How the simulated venue fills orders. */
export interface SimFillOptions {
  /** Default `next-open`. */
  readonly fillMode?: FillMode;
  /** Default none. */
  readonly commission?: CommissionSpec;
  /** Slippage on market and stop fills, in basis points; default 0. */
  readonly slippageBps?: number;
  /** Largest fraction of a bar's volume one order may take; absent = no partial fills from volume. */
  readonly maxParticipation?: number;
}

/** Options of {@link startSimulator}; every field has a default. */
export interface SimulatorOptions {
  /** Port on 127.0.0.1; default 0 (any free port). */
  readonly port?: number;
  /** Default one account `SIM-000001` with cash 100000. */
  readonly accounts?: readonly SimAccountSpec[];
  /** Default one client `sim-client` / `sim-secret` accepting any loopback redirect URI listed here. */
  readonly clients?: readonly SimClientSpec[];
  /** Access-token lifetime; default 3600 s. */
  readonly accessTokenTtlMs?: number;
  /** Refresh-token lifetime; default 30 days. */
  readonly refreshTokenTtlMs?: number;
  /** Authorization-code lifetime; default 10 minutes. */
  readonly codeTtlMs?: number;
  /** Issue a new refresh token on every refresh (the old one then fails); default true. */
  readonly rotateRefreshTokens?: boolean;
  /** The authorize endpoint redirects at once with no consent page; default false. */
  readonly headless?: boolean;
  readonly fill?: SimFillOptions;
  /** Time of tokens, codes and rate limits; default a live (wall) clock. */
  readonly clock?: Clock;
  /** Time of the market: order and fill timestamps, DAY expiry (a replay's time); default `clock`. */
  readonly marketClock?: Clock;
  /** Quotes and trades for the sockets. */
  readonly market?: SimMarketFeed;
  /** Bars that drive fills and chart history. */
  readonly bars?: SimBarFeed;
  /** Symbols `marketdata/search` knows besides those seen on the bar feed. */
  readonly symbols?: readonly string[];
  /** Seed of every random choice (fault injection); default 1. */
  readonly seed?: number;
  /** Path of the calendar fixture (earnings and economics); default the bundled one. */
  readonly calendarFile?: string;
  /** Serve `POST /__sim/faults`; default false. */
  readonly controlEndpoint?: boolean;
  /** Fraction (0–1) of bearer REST calls answered 500 at random (seeded); default 0. */
  readonly errorRate?: number;
  /** Rate limits per category (requests per minute per token); default Aries's 10/100/1000/50. */
  readonly rateLimits?: Partial<Record<SimRateCategory, number>>;
  /** The market and account WebSockets on the same server (timers on `clock`); `false` serves none. Default on. */
  readonly sockets?: false | SimSocketOptions;
}

/** The rate-limit categories of aries-api.md §3.2. */
export type SimRateCategory = 'auth' | 'user' | 'market' | 'trading';

/** A running simulator. */
export interface SimulatorHandle {
  /** `http://127.0.0.1:<port>`. */
  readonly baseUrl: string;
  readonly port: number;
  /** Fault injection and access to the simulator's state. */
  readonly control: SimControl;
  /** The WebSocket side (socket faults, counters), unless `sockets: false`. */
  readonly sockets: SimSockets | undefined;
  /** Stops listening, drops open connections and completes the account feed. */
  close(): Promise<void>;
}
