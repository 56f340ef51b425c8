import { deny, DenialCode, PASS, type OrderIntent, type RiskVerdict } from '../core/index.js';
import type { RiskContext } from './risk-context.js';
import { isReducing } from './order-math.js';

/** The kill switch: ACTIVE trades normally, REDUCING only lets positions shrink, HALTED refuses every new order. */
export const TradingStatus = { ACTIVE: 'ACTIVE', REDUCING: 'REDUCING', HALTED: 'HALTED' } as const;
/** The kill switch's state. */
export type TradingStatus = (typeof TradingStatus)[keyof typeof TradingStatus];

/** Holds the trading state and why it was last changed. */
export class TradingState {
  private state: TradingStatus = TradingStatus.ACTIVE;
  private why = 'initial';

  /** Returns the current state. */
  get status(): TradingStatus {
    return this.state;
  }

  /** Returns why the state was last set. */
  get reason(): string {
    return this.why;
  }

  /** Sets the state, recording why. */
  set(status: TradingStatus, reason: string): void {
    this.state = status;
    this.why = reason;
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
}
