import { amountFromNumber, AMOUNT_SCALE, formatAmount, type Amount, type EpochMs } from '../core/index.js';
import type { TradingCalendar } from '../time/index.js';
import type { TradingState } from './trading-state.js';
import { TradingStatus } from './trading-status.js';

/** What the monitor does on a breach: HALT refuses every order, REDUCE still lets exits through. */
export const LossAction = { HALT: 'halt', REDUCE: 'reduce' } as const;
/** What the monitor does on a breach. */
export type LossAction = (typeof LossAction)[keyof typeof LossAction];

/** The limits the monitor enforces; either may be absent. */
export interface LossLimits {
  /** Largest allowed drop from the session's starting equity, as an exact amount. */
  readonly dailyLossLimit?: Amount;
  /** Largest allowed drop from peak equity, in percent (10 = 10 %). */
  readonly maxDrawdownPct?: number;
  readonly action: LossAction;
}

/** A breached limit, as the monitor reports it. */
export interface LossBreach {
  readonly kind: 'DAILY_LOSS' | 'MAX_DRAWDOWN';
  readonly message: string;
}

/** The monitor's memory, so the journal can carry it across restarts. */
export interface LossMonitorSnapshot {
  /** The NYSE session date (`YYYY-MM-DD`) the starting equity belongs to. */
  readonly sessionDate: string;
  readonly sessionStartEquity: Amount;
  readonly peakEquity: Amount;
}

/**
 * Watches equity (fed after every mark and fill) and trips the kill switch when the day's loss
 * or the drawdown from peak reaches its limit. A day is an NYSE session: an update belongs to
 * the current session, or after the close to the next one, so the daily loss is measured from
 * the first equity seen since the previous close. The monitor only escalates (ACTIVE → REDUCING
 * → HALTED) and never lifts a state: resuming is an explicit operator action.
 */
export class LossMonitor {
  private memory: LossMonitorSnapshot | undefined;
  private readonly drawdownPct: Amount | undefined;

  constructor(
    private readonly limits: LossLimits,
    private readonly state: TradingState,
    private readonly calendar: TradingCalendar,
    initial?: LossMonitorSnapshot,
  ) {
    this.memory = initial;
    this.drawdownPct = limits.maxDrawdownPct === undefined ? undefined : amountFromNumber(limits.maxDrawdownPct);
  }

  /** Returns the session start and peak the monitor currently measures from. */
  snapshot(): LossMonitorSnapshot | undefined {
    return this.memory;
  }

  /** Records an equity update at `ts`; returns the breach it caused (and acted on), if any. */
  onEquity(equity: Amount, ts: EpochMs): LossBreach | undefined {
    const m = this.advance(equity, ts);
    const breach = this.dailyBreach(m, equity) ?? this.drawdownBreach(m, equity);
    if (breach !== undefined) this.act(breach);
    return breach;
  }

  private advance(equity: Amount, ts: EpochMs): LossMonitorSnapshot {
    const date = this.calendar.currentOrNextSession(ts).date;
    const prev = this.memory;
    const start = prev === undefined || prev.sessionDate !== date ? equity : prev.sessionStartEquity;
    const peak = prev === undefined || equity > prev.peakEquity ? equity : prev.peakEquity;
    this.memory = { sessionDate: date, sessionStartEquity: start, peakEquity: peak };
    return this.memory;
  }

  private dailyBreach(m: LossMonitorSnapshot, equity: Amount): LossBreach | undefined {
    const limit = this.limits.dailyLossLimit;
    const loss = m.sessionStartEquity - equity;
    if (limit === undefined || loss < limit) return undefined;
    return {
      kind: 'DAILY_LOSS',
      message: `daily loss limit: equity fell ${formatAmount(loss, 2)} since the ${m.sessionDate} session start (limit ${formatAmount(limit, 2)})`,
    };
  }

  private drawdownBreach(m: LossMonitorSnapshot, equity: Amount): LossBreach | undefined {
    const pct = this.drawdownPct;
    if (pct === undefined || m.peakEquity <= 0n) return undefined;
    const drop = m.peakEquity - equity;
    // drop / peak ≥ pct / 100, cross-multiplied to stay exact.
    if (drop * 100n * AMOUNT_SCALE < pct * m.peakEquity) return undefined;
    return {
      kind: 'MAX_DRAWDOWN',
      message: `max drawdown: equity ${formatAmount(equity, 2)} is ${formatAmount(drop, 2)} below the peak ${formatAmount(m.peakEquity, 2)} (limit ${formatAmount(pct)} %)`,
    };
  }

  private act(breach: LossBreach): void {
    const current = this.state.status;
    if (current === TradingStatus.HALTED) return;
    if (this.limits.action === LossAction.HALT) this.state.set(TradingStatus.HALTED, breach.message);
    else if (current === TradingStatus.ACTIVE) this.state.set(TradingStatus.REDUCING, breach.message);
  }
}
