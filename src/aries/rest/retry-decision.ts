import type { EpochMs } from '../../core/index.js';
import type { Rng } from '../../time/index.js';
import { CallKind } from './endpoint.js';
import { backoffMs, rateLimitResetMs, retryAfterMs, type BackoffPolicy, type ResponseHeaders } from './retry-delay.js';

/** How an attempt failed: with an HTTP status (and its headers) or without a response. */
export type AttemptFailure =
  | { readonly kind: 'status'; readonly status: number; readonly headers: ResponseHeaders }
  | { readonly kind: 'transport' };

/** What `retryDelayMs` needs to know besides the failure. */
export interface RetryInputs {
  readonly callKind: CallKind;
  /** Retries already made for this call (0 before the first retry). */
  readonly retries: number;
  readonly now: EpochMs;
  readonly rng: Rng;
  readonly backoff: BackoffPolicy;
}

function readDelay(failure: AttemptFailure, inputs: RetryInputs): number | undefined {
  const jittered = (): number => backoffMs(inputs.retries, inputs.rng, inputs.backoff);
  if (failure.kind === 'transport') return jittered();
  const { status, headers } = failure;
  if (status === 429) return retryAfterMs(headers, inputs.now) ?? rateLimitResetMs(headers, inputs.now) ?? jittered();
  if (status >= 500) return retryAfterMs(headers, inputs.now) ?? jittered();
  return undefined;
}

/**
 * Returns how long to wait before retrying a failed attempt, or undefined when the call must not
 * be retried. Reads retry 429 (`Retry-After`, then `X-RateLimit-Reset`, then jittered backoff),
 * 5xx and transport failures; a preview retries only a 429 with `Retry-After`; writes never retry.
 */
export function retryDelayMs(failure: AttemptFailure, inputs: RetryInputs): number | undefined {
  switch (inputs.callKind) {
    case CallKind.READ:
      return readDelay(failure, inputs);
    case CallKind.PREVIEW:
      return failure.kind === 'status' && failure.status === 429 ? retryAfterMs(failure.headers, inputs.now) : undefined;
    case CallKind.ORDER_WRITE:
    case CallKind.WRITE:
      return undefined;
    default: {
      const never: never = inputs.callKind;
      return never;
    }
  }
}
