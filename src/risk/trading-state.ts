import {
  deny, DenialCode, PASS, RunnerError, type EpochMs, type OrderIntent, type RiskVerdict,
} from '../core/index.js';
import type { RiskContext } from './risk-context.js';
import { isReducing } from './order-math.js';
import type { TradingStateRecord, TradingStateStore } from './trading-state-store.js';
import { TradingStatus } from './trading-status.js';

export { TradingStatus } from './trading-status.js';

/** Where a persistent TradingState saves itself, and the clock that stamps each change. */
export interface TradingStatePersistence {
  readonly store: TradingStateStore;
  readonly now: () => EpochMs;
}

const STATUSES: ReadonlySet<string> = new Set(Object.values(TradingStatus));

/**
 * Holds the trading state and why it was last changed. With a store it restores itself on
 * construction and saves every change; a HALT restored from the store is latched: only
 * `resume()` (the `aries-runner resume` command) lifts it, so a restart never trades through a
 * halt that a loss limit or an operator set before the crash.
 */
export class TradingState {
  private state: TradingStatus = TradingStatus.ACTIVE;
  private why = 'initial';
  private since: EpochMs = 0;
  private latched = false;

  constructor(private readonly persistence?: TradingStatePersistence) {
    this.restore();
  }

  /** Returns the current state. */
  get status(): TradingStatus {
    return this.state;
  }

  /** Returns why the state was last set. */
  get reason(): string {
    return this.why;
  }

  /** Returns when the state was last set (0 when never set with a clock). */
  get ts(): EpochMs {
    return this.since;
  }

  /** Returns whether the state is a HALT restored from the store, which only `resume()` lifts. */
  get latchedHalt(): boolean {
    return this.latched;
  }

  /**
   * Reloads the state from the store (no-op without one) and returns the record it found.
   * Throws `RISK_ERR_STATE_CORRUPT` when the stored status is not a known one.
   */
  restore(): TradingStateRecord | undefined {
    const record = this.persistence?.store.load();
    if (record === undefined) return undefined;
    if (!STATUSES.has(record.status)) {
      throw new RunnerError('RISK_ERR_STATE_CORRUPT', `stored trading status "${String(record.status)}" is not one of ${[...STATUSES].join(', ')}`);
    }
    this.state = record.status;
    this.why = record.reason;
    this.since = record.ts;
    this.latched = record.status === TradingStatus.HALTED;
    return record;
  }

  /**
   * Sets the state, recording why, and saves it. Returns false and changes nothing when that
   * would leave a restored (latched) HALT: only `resume()` may.
   */
  set(status: TradingStatus, reason: string): boolean {
    if (this.latched && status !== TradingStatus.HALTED) return false;
    this.apply(status, reason);
    return true;
  }

  /** Returns to ACTIVE from any state, latched halts included, recording who resumed and why. */
  resume(reason: string): void {
    this.latched = false;
    this.apply(TradingStatus.ACTIVE, reason);
  }

  /** Returns whether the intent may pass in the current state. */
  check(intent: OrderIntent, ctx: RiskContext): RiskVerdict {
    switch (this.state) {
      case TradingStatus.ACTIVE:
        return PASS;
      case TradingStatus.REDUCING:
        return isReducing(intent, ctx) ? PASS : deny(DenialCode.REDUCING_ONLY, `trading is REDUCING (${this.why}): only orders that shrink a position pass`);
      case TradingStatus.HALTED:
        return deny(DenialCode.TRADING_HALTED, `trading is HALTED (${this.why})`);
      default: {
        const never: never = this.state;
        return never;
      }
    }
  }

  private apply(status: TradingStatus, reason: string): void {
    this.state = status;
    this.why = reason;
    if (this.persistence === undefined) return;
    this.since = this.persistence.now();
    this.persistence.store.save({ status, reason, ts: this.since });
  }
}
