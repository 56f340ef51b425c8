import type { EpochMs } from '../../core/index.js';
import type { Rng } from '../../time/index.js';

/** Response headers as undici reports them. */
export type ResponseHeaders = Readonly<Record<string, string | string[] | undefined>>;

function header(headers: ResponseHeaders, name: string): string | undefined {
  const value = headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first.trim() === '' ? undefined : first.trim();
}

/**
 * Returns the wait in ms that `Retry-After` asks for (RFC 9110: delay-seconds or an HTTP date,
 * never negative), or undefined when the header is absent or unreadable.
 */
export function retryAfterMs(headers: ResponseHeaders, now: EpochMs): number | undefined {
  const value = header(headers, 'retry-after');
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Returns the wait in ms until `X-RateLimit-Reset` (epoch seconds), or undefined when absent or unreadable. */
export function rateLimitResetMs(headers: ResponseHeaders, now: EpochMs): number | undefined {
  const value = header(headers, 'x-ratelimit-reset');
  if (value === undefined || !/^\d+(\.\d+)?$/.test(value)) return undefined;
  return Math.max(0, Number(value) * 1000 - now);
}

/** Exponential backoff settings: the first ceiling, its growth factor and the largest ceiling. */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly factor: number;
  readonly capMs: number;
}

/** The default backoff: 500 ms, doubling, capped at 30 s. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, factor: 2, capMs: 30_000 };

/**
 * Returns a "full jitter" delay for retry number `retry` (0 for the first): uniform in
 * [0, min(cap, base × factor^retry)). Jitter keeps many clients hit by the same 429 from
 * retrying in lockstep.
 */
export function backoffMs(retry: number, rng: Rng, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * policy.factor ** retry);
  return Math.floor(rng.next() * ceiling);
}
