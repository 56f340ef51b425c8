import {
  isRunnerError, toExecId, toOrderId, toSymbol,
  type EpochMs, type Fill, type OrderIntent, type OrderSide,
} from '../../../src/core/index.js';
import type { JournalClock } from '../../../src/execution/index.js';
import { amt } from '../../support/builders.js';
import { tempFile } from '../../support/temp-dir.js';

/** Returns a fresh journal path in a temporary directory removed after the test. */
export function journalPath(name = 'journal.db'): string {
  return tempFile('aries-journal-', name);
}

/** Returns a clock stuck at `ts` that a test can move with `set`. */
export function fixedClock(ts: EpochMs = 1_000): JournalClock & { set(next: EpochMs): void } {
  let now = ts;
  return { now: () => now, set: (next) => { now = next; } };
}

/** Returns an exact limit-order intent (default O-1 BUY 10 AAPL @ 150.25). */
export function limitIntent(id = 'O-1', spec: { symbol?: string; side?: OrderSide; qty?: string; limit?: string; ts?: EpochMs } = {}): OrderIntent {
  return {
    id: toOrderId(id), symbol: toSymbol(spec.symbol ?? 'AAPL'), side: spec.side ?? 'BUY', qty: amt(spec.qty ?? '10'),
    type: 'LIMIT', tif: 'DAY', limitPrice: amt(spec.limit ?? '150.25'), tsCreated: spec.ts ?? 1_000,
  };
}

/** Returns an exact fill of order `orderId`. */
export function execFill(execId: string, orderId: string, qty: string, price: string, spec: { symbol?: string; side?: OrderSide; ts?: EpochMs; commission?: string } = {}): Fill {
  return {
    orderId: toOrderId(orderId), execId: toExecId(execId), symbol: toSymbol(spec.symbol ?? 'AAPL'), side: spec.side ?? 'BUY',
    qty: amt(qty), price: amt(price), commission: amt(spec.commission ?? '0'), ts: spec.ts ?? 2_000,
  };
}

/** Returns the code of the RunnerError `fn` throws, or a marker when it throws something else or nothing. */
export function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return isRunnerError(error) ? error.code : `not a RunnerError: ${String(error)}`;
  }
  return 'no error';
}

/** Returns the code of the RunnerError the promise rejects with. */
export async function asyncCodeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return isRunnerError(error) ? error.code : `not a RunnerError: ${String(error)}`;
  }
  return 'no error';
}
