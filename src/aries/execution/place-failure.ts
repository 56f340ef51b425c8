import { isRunnerError } from '../../core/index.js';

/**
 * Codes that prove Aries did not take the order: the request was refused before any order was
 * created (bad request, auth, scope, rate limit, a malformed intent). Everything else (a 5xx, a
 * timeout, a dropped link, an unreadable 200) may hide an accepted order.
 */
const DEFINITE_CODES = new Set([
  'ARIES_ERR_BAD_REQUEST', 'ARIES_ERR_UNAUTHORIZED', 'ARIES_ERR_FORBIDDEN', 'ARIES_ERR_NOT_FOUND',
  'ARIES_ERR_SCOPE', 'ARIES_ERR_RATE_LIMITED', 'ARIES_ERR_BAD_INTENT',
]);

/** How a failed place call ended. */
export type PlaceFailure = { readonly kind: 'rejected'; readonly reason: string } | { readonly kind: 'unknown'; readonly message: string };

/** Returns whether a place error is a definite refusal or leaves the outcome unknown (never resend). */
export function classifyPlaceFailure(error: unknown): PlaceFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (isRunnerError(error) && DEFINITE_CODES.has(error.code)) return { kind: 'rejected', reason: `${error.code}: ${message}` };
  return { kind: 'unknown', message };
}
