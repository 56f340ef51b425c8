import { RetryClass, RunnerError } from '../../core/index.js';
import { describeCall, redact, type CallContext } from './call-context.js';
import { CallKind } from './endpoint.js';
import { AriesRestErrorCode } from './error-codes.js';

/**
 * Returns the error for a 2xx response whose body cannot be read (`ARIES_ERR_BAD_RESPONSE`). On an
 * order write it is `ARIES_ERR_OUTCOME_UNKNOWN`: the server accepted something, but we cannot
 * tell what.
 */
export function badResponseError(ctx: CallContext, detail: string, kind: CallKind, cause?: unknown): RunnerError {
  const said = redact(detail, ctx);
  const options = { retry: RetryClass.NON_RETRYABLE, ...(cause === undefined ? {} : { cause }) };
  if (kind === CallKind.ORDER_WRITE) {
    return new RunnerError(
      AriesRestErrorCode.OUTCOME_UNKNOWN,
      `${describeCall(ctx)} outcome unknown (unreadable success response: ${said}); reconcile by listing orders`,
      options,
    );
  }
  return new RunnerError(AriesRestErrorCode.BAD_RESPONSE, `${describeCall(ctx)} returned an unreadable body: ${said}`, options);
}
