import { RetryClass, RunnerError } from '../../core/index.js';
import { describeCall, redact, type CallContext } from './call-context.js';
import { CallKind } from './endpoint.js';
import { AriesRestErrorCode as C } from './error-codes.js';

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
/** Failures before any byte of the request left: the server cannot have seen it. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

function errorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  return errorCode((err as { cause?: unknown }).cause);
}

function errorText(err: unknown): string {
  const code = errorCode(err);
  const message = err instanceof Error ? err.message : String(err);
  return code === undefined ? message : `${code}: ${message}`;
}

/**
 * Returns the RunnerError for a request that got no complete response: a timeout
 * (`ARIES_ERR_TIMEOUT`) or another network failure (`ARIES_ERR_NETWORK`), both retryable. On an
 * order write, a failure after the request may have reached the server is
 * `ARIES_ERR_OUTCOME_UNKNOWN` (non-retryable); a failure to connect is still `ARIES_ERR_NETWORK`.
 */
export function transportError(ctx: CallContext, err: unknown, kind: CallKind): RunnerError {
  const code = errorCode(err) ?? '';
  const said = redact(errorText(err), ctx);
  if (kind === CallKind.ORDER_WRITE && !NOT_SENT_CODES.has(code)) {
    return new RunnerError(
      C.OUTCOME_UNKNOWN,
      `${describeCall(ctx)} outcome unknown (${said}); the order may or may not have been applied, reconcile by listing orders`,
      { retry: RetryClass.NON_RETRYABLE, cause: err },
    );
  }
  const timeout = TIMEOUT_CODES.has(code);
  return new RunnerError(timeout ? C.TIMEOUT : C.NETWORK, `${describeCall(ctx)} ${timeout ? 'timed out' : 'network error'}: ${said}`, {
    retry: RetryClass.RETRYABLE,
    cause: err,
  });
}
