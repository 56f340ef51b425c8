import type { Dispatcher } from 'undici';
import type { EpochMs } from '../../core/index.js';
import { Rng } from '../../time/index.js';
import type { RateBudget, RateCategory } from './rate-categories.js';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './retry-delay.js';

/** Bounds on automatic retries of one call: total attempts and total time spent waiting to retry. */
export interface RetryBudget {
  readonly maxAttempts: number;
  readonly maxTotalWaitMs: number;
  readonly backoff: BackoffPolicy;
}

/** Settings of {@link AriesHttp}; only the token source and the granted scopes are required. */
export interface AriesHttpOptions {
  /** Default `https://api.aries.com`. */
  readonly baseUrl?: string;
  /** Returns the current access token (the token manager refreshes it as needed). */
  readonly getAccessToken: () => Promise<string>;
  /** Called on a 401 with the token that was refused; resolves true when a new token is ready. */
  readonly onUnauthorized?: (tokenUsed: string) => Promise<boolean>;
  /** The scopes the token grants; a function is asked on every call, so refreshes are seen. */
  readonly grantedScopes: readonly string[] | (() => readonly string[]);
  /** undici dispatcher (a MockAgent in tests); default undici's global one. */
  readonly dispatcher?: Dispatcher;
  /** Default 10 000 ms. */
  readonly headersTimeoutMs?: number;
  /** Default 30 000 ms. */
  readonly bodyTimeoutMs?: number;
  /** Default wall-clock epoch ms. */
  readonly now?: () => EpochMs;
  /** Default a real timer. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Jitter source; default seeded from the clock. */
  readonly rng?: Rng;
  /** Overrides of the documented per-category budgets. */
  readonly rateBudgets?: Partial<Record<RateCategory, RateBudget>>;
  /** Default 5 attempts, 60 000 ms total wait, 500 ms ×2 backoff capped at 30 s. */
  readonly retry?: Partial<RetryBudget>;
}

/** The options with every default filled in. */
export interface ResolvedHttpOptions {
  readonly baseUrl: string;
  readonly getAccessToken: () => Promise<string>;
  readonly onUnauthorized: (tokenUsed: string) => Promise<boolean>;
  readonly grantedScopes: () => readonly string[];
  readonly dispatcher: Dispatcher | undefined;
  readonly headersTimeoutMs: number;
  readonly bodyTimeoutMs: number;
  readonly now: () => EpochMs;
  readonly sleep: (ms: number) => Promise<void>;
  readonly rng: Rng;
  readonly retry: RetryBudget;
}

function realSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Returns the options with defaults filled in. */
export function resolveHttpOptions(options: AriesHttpOptions): ResolvedHttpOptions {
  const now = options.now ?? ((): EpochMs => Date.now());
  const scopes = options.grantedScopes;
  return {
    baseUrl: (options.baseUrl ?? 'https://api.aries.com').replace(/\/+$/, ''),
    getAccessToken: options.getAccessToken,
    onUnauthorized: options.onUnauthorized ?? ((): Promise<boolean> => Promise.resolve(false)),
    grantedScopes: typeof scopes === 'function' ? scopes : (): readonly string[] => scopes,
    dispatcher: options.dispatcher,
    headersTimeoutMs: options.headersTimeoutMs ?? 10_000,
    bodyTimeoutMs: options.bodyTimeoutMs ?? 30_000,
    now,
    sleep: options.sleep ?? realSleep,
    rng: options.rng ?? new Rng(now() >>> 0),
    retry: { maxAttempts: 5, maxTotalWaitMs: 60_000, backoff: DEFAULT_BACKOFF, ...options.retry },
  };
}
