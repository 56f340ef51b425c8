import type { AriesScope } from './scopes.js';
import type { RateCategory } from './rate-categories.js';

/** HTTP methods the Aries REST API uses. */
export type AriesMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * How a call may be retried and how its failures are reported.
 * - `read`: no side effect; 429, 5xx, network errors and timeouts are retried within the budget.
 * - `preview`: no side effect, but only a 429 carrying `Retry-After` is retried.
 * - `order-write`: place, cancel, replace. Never retried; a failure after the request may have
 *   reached the server is `ARIES_ERR_OUTCOME_UNKNOWN` so the caller reconciles.
 * - `write`: every other side-effecting call (token grant, profile edit). Never retried.
 */
export const CallKind = { READ: 'read', PREVIEW: 'preview', ORDER_WRITE: 'order-write', WRITE: 'write' } as const;
/** How a call may be retried and how its failures are reported. */
export type CallKind = (typeof CallKind)[keyof typeof CallKind];

/**
 * A REST endpoint: method, path template (`{name}` placeholders), rate category, the scopes of
 * which the token must hold at least one (empty: none), whether it takes a bearer token, and its
 * call kind.
 */
export interface AriesEndpoint {
  readonly method: AriesMethod;
  readonly path: string;
  readonly category: RateCategory;
  readonly scopes: readonly AriesScope[];
  readonly bearer: boolean;
  readonly kind: CallKind;
}
