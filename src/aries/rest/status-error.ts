import { RetryClass, RunnerError } from '../../core/index.js';
import { describeCall, redact, type CallContext } from './call-context.js';
import { CallKind } from './endpoint.js';
import { summarizeErrorBody } from './error-body.js';
import { AriesRestErrorCode as C } from './error-codes.js';

function codeFor(status: number): { code: string; retry: RetryClass } {
  if (status === 401) return { code: C.UNAUTHORIZED, retry: RetryClass.NON_RETRYABLE };
  if (status === 403) return { code: C.FORBIDDEN, retry: RetryClass.NON_RETRYABLE };
  if (status === 404) return { code: C.NOT_FOUND, retry: RetryClass.NON_RETRYABLE };
  // A 429 is a definite "not accepted", so trying again later is safe even for an order.
  if (status === 429) return { code: C.RATE_LIMITED, retry: RetryClass.RETRYABLE };
  if (status >= 500) return { code: C.SERVER, retry: RetryClass.RETRYABLE };
  if (status >= 400) return { code: C.BAD_REQUEST, retry: RetryClass.NON_RETRYABLE };
  return { code: C.BAD_RESPONSE, retry: RetryClass.NON_RETRYABLE };
}

/**
 * Returns the RunnerError for a non-2xx response: the code follows the status, the message names
 * method, path, status and the body's error code and message (secrets redacted). A 5xx on an
 * order write becomes `ARIES_ERR_OUTCOME_UNKNOWN`: the server may have applied it.
 */
export function statusError(ctx: CallContext, status: number, bodyText: string, kind: CallKind): RunnerError {
  const body = summarizeErrorBody(bodyText);
  const detail = [body.error, body.message].filter((part) => part !== undefined).join(': ');
  const said = redact(`HTTP ${status}${detail === '' ? '' : ` ${detail}`}`, ctx);
  if (status >= 500 && kind === CallKind.ORDER_WRITE) {
    return new RunnerError(
      C.OUTCOME_UNKNOWN,
      `${describeCall(ctx)} outcome unknown (${said}); the order may or may not have been applied, reconcile by listing orders`,
      { retry: RetryClass.NON_RETRYABLE },
    );
  }
  const { code, retry } = codeFor(status);
  return new RunnerError(code, `${describeCall(ctx)} failed: ${said}`, { retry });
}
