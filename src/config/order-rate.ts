import { RunnerError } from '../core/index.js';

/** A maximum order count per interval, e.g. 100 per 1 000 ms. */
export interface OrderRate {
  readonly count: number;
  readonly intervalMs: number;
}

const ORDER_RATE_RE = /^(\d+)\/(\d{2}):(\d{2}):(\d{2})$/;

/**
 * Returns the order rate in `text`, written as Nautilus writes `max_order_submit_rate`:
 * `N/HH:MM:SS` (`100/00:00:01` is 100 orders per second). Throws a RunnerError
 * `CONFIG_ERR_INVALID` for any other form, a zero count or a zero interval.
 */
export function parseOrderRate(text: string): OrderRate {
  const m = ORDER_RATE_RE.exec(text.trim());
  if (m === null) throw invalid(text, 'expected N/HH:MM:SS, e.g. "100/00:00:01"');
  const [count, hours, minutes, seconds] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
  if (minutes > 59 || seconds > 59) throw invalid(text, 'minutes and seconds must be below 60');
  if (count === 0) throw invalid(text, 'the order count must be positive');
  const intervalMs = ((hours * 60 + minutes) * 60 + seconds) * 1_000;
  if (intervalMs === 0) throw invalid(text, 'the interval must be positive');
  return { count, intervalMs };
}

function invalid(text: string, why: string): RunnerError {
  return new RunnerError('CONFIG_ERR_INVALID', `invalid order rate "${text}": ${why}`);
}
