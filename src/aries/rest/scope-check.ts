import { RetryClass, RunnerError } from '../../core/index.js';
import type { AriesEndpoint } from './endpoint.js';
import { AriesRestErrorCode } from './error-codes.js';

/**
 * Throws `ARIES_ERR_SCOPE` when the endpoint needs one of its scopes and the token holds none
 * of them; the message names the scope and how to get it. Nothing is sent in that case: Aries
 * would answer 403, and the fix is a new login, not a retry.
 */
export function checkScope(endpoint: AriesEndpoint, granted: readonly string[]): void {
  if (endpoint.scopes.length === 0 || endpoint.scopes.some((scope) => granted.includes(scope))) return;
  const needed = endpoint.scopes.map((scope) => `"${scope}"`).join(' or ');
  const has = granted.length === 0 ? 'none' : granted.join(' ');
  throw new RunnerError(
    AriesRestErrorCode.SCOPE,
    `Aries ${endpoint.method} ${endpoint.path} needs scope ${needed}, but the token grants ${has}; ` +
      `run login again requesting ${needed} (and make sure the app allows it in the Aries Client Center)`,
    { retry: RetryClass.FATAL },
  );
}
