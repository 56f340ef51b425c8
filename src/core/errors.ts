/** How a caller should treat an error: try again later, give up on this call, or stop the run. */
export const RetryClass = { RETRYABLE: 'retryable', NON_RETRYABLE: 'non-retryable', FATAL: 'fatal' } as const;
/** How a caller should treat an error. */
export type RetryClass = (typeof RetryClass)[keyof typeof RetryClass];

/**
 * The runner's error type. `code` is stable (`CONFIG_ERR_INVALID`, `DATA_ERR_INVALID_ROW`, …):
 * match on it, not on `instanceof` or the message.
 */
export class RunnerError extends Error {
  override readonly name = 'RunnerError';
  readonly code: string;
  readonly retry: RetryClass;

  constructor(code: string, message: string, options: { retry?: RetryClass; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retry = options.retry ?? RetryClass.NON_RETRYABLE;
  }
}

/** Returns whether the value is a RunnerError, optionally with the given code. */
export function isRunnerError(value: unknown, code?: string): value is RunnerError {
  return value instanceof RunnerError && (code === undefined || value.code === code);
}
