import { tap, type MonoTypeOperatorFunction } from 'rxjs';
import type { Bar } from '../core/index.js';
import type { StrategyLog } from '../strategy/index.js';
import type { Clock } from '../time/index.js';

/** Counts of bars that reached the strategy late (see {@link lateBars}). */
export interface LateBarCount {
  /** Bars delivered more than the allowed delay after their end. */
  readonly late: number;
  /** The worst delay seen, in ms. */
  readonly worstMs: number;
}

/**
 * Returns an operator that counts and logs bars delivered more than `allowedMs` after their end
 * on the wall clock (reliability T-21, bounded queue growth). Why the backlog is bounded: the
 * engine drains each input synchronously inside the socket's message callback, so while a slow
 * handler runs Node reads nothing more from the socket; unread frames wait in the kernel's receive
 * buffer and TCP flow control then stops the server, so the runner's memory does not grow. What
 * a slow strategy costs is lateness, which this makes visible: a warning when bars start arriving
 * late (and every `every`-th late bar after), an info line when they are on time again.
 */
export function lateBars(clock: Clock, allowedMs: number, log: StrategyLog, every = 100): MonoTypeOperatorFunction<Bar> & { count(): LateBarCount } {
  let late = 0;
  let worstMs = 0;
  let behind = false;
  const operator = tap<Bar>((bar) => {
    const delayMs = clock.now() - bar.tsEnd;
    if (delayMs <= allowedMs) {
      if (behind) log.info(`bars are on time again (${late} late so far)`, { late, worstMs });
      behind = false;
      return;
    }
    late += 1;
    worstMs = Math.max(worstMs, delayMs);
    if (!behind || late % every === 0) {
      log.warn(`late bar ${bar.symbol} ${new Date(bar.tsEnd).toISOString()}: delivered ${delayMs} ms after its end (${late} late so far); is a strategy handler slow?`, {
        symbol: bar.symbol, delayMs, late, worstMs,
      });
    }
    behind = true;
  });
  return Object.assign(operator, { count: (): LateBarCount => ({ late, worstMs }) });
}
