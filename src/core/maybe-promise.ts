/**
 * A value now or later. The risk gate and execution adapters return plain values in backtests
 * (so the hot path allocates no promise per order and stays deterministic) and promises live.
 */
export type MaybePromise<T> = T | Promise<T>;

/** Returns whether the value is a promise (thenable). */
export function isPromise<T>(value: MaybePromise<T>): value is Promise<T> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/** Returns `f(value)`, synchronously when `value` is not a promise. */
export function mapMaybe<T, U>(value: MaybePromise<T>, f: (v: T) => MaybePromise<U>): MaybePromise<U> {
  return isPromise(value) ? value.then(f) : f(value);
}
