/** The Aries REST transport: auth, scopes, rate limits, error mapping and retry policy. */
export { AriesHttp } from './aries-http.js';
export type { AriesCall, AriesResponse } from './aries-http.js';
export type { AriesHttpOptions, RetryBudget } from './http-options.js';
export { CallKind } from './endpoint.js';
export type { AriesEndpoint, AriesMethod } from './endpoint.js';
export { ARIES_ENDPOINTS } from './endpoint-catalog.js';
export type { AriesEndpointName } from './endpoint-catalog.js';
export { AriesScope } from './scopes.js';
export { RateCategory, ARIES_RATE_BUDGETS } from './rate-categories.js';
export type { RateBudget } from './rate-categories.js';
export { CategoryLimiter } from './category-limiter.js';
export { AriesRestErrorCode } from './error-codes.js';
export { summarizeErrorBody } from './error-body.js';
export type { ErrorBodySummary } from './error-body.js';
export { retryAfterMs, rateLimitResetMs, backoffMs, DEFAULT_BACKOFF } from './retry-delay.js';
export type { BackoffPolicy, ResponseHeaders } from './retry-delay.js';
export type { QueryParams } from './request-url.js';
