import type { Dispatcher } from 'undici';
import { RunnerError, type EpochMs, type MaybePromise } from '../../core/index.js';
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
  /**
   * Returns the current access token (the token manager refreshes it as needed); a plain string
   * when it has one ready, so a call with a valid token reaches undici without a promise hop.
   */
  readonly getAccessToken: () => MaybePromise<string>;
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
  /** Bench only: a stage timer told `token`, `limiter` and `send` as a call passes them. */
  readonly probe?: (point: string) => void;
}

/** The options with every default filled in. */
export interface ResolvedHttpOptions {
  readonly baseUrl: string;
  /** The base URL split once for undici: scheme, host and port, and the path every call starts with. */
  readonly origin: string;
  readonly pathPrefix: string;
  readonly getAccessToken: () => MaybePromise<string>;
  readonly onUnauthorized: (tokenUsed: string) => Promise<boolean>;
  readonly grantedScopes: () => readonly string[];
  readonly dispatcher: Dispatcher | undefined;
  readonly headersTimeoutMs: number;
  readonly bodyTimeoutMs: number;
  readonly now: () => EpochMs;
  readonly sleep: (ms: number) => Promise<void>;
  readonly rng: Rng;
  readonly retry: RetryBudget;
  readonly probe: ((point: string) => void) | undefined;
}

function realSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function splitBaseUrl(baseUrl: string): { readonly origin: string; readonly pathPrefix: string } {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch (error) {
    throw new RunnerError('ARIES_ERR_BAD_REQUEST', `the Aries base URL ${JSON.stringify(baseUrl)} is not a URL`, { cause: error });
  }
  return { origin: url.origin, pathPrefix: url.pathname.replace(/\/+$/, '') };
}

/** Returns the options with defaults filled in. */
export function resolveHttpOptions(options: AriesHttpOptions): ResolvedHttpOptions {
  const now = options.now ?? ((): EpochMs => Date.now());
  const scopes = options.grantedScopes;
  const baseUrl = (options.baseUrl ?? 'https://api.aries.com').replace(/\/+$/, '');
  return {
    baseUrl,
    ...splitBaseUrl(baseUrl),
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
    probe: options.probe,
  };
}
