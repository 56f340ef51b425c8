import type { RunnerConfig } from '../config/index.js';
import type { OrderEvent } from '../core/index.js';
import type { Journal } from '../execution/index.js';
import type { Ledger } from '../portfolio/index.js';
import type { LossMonitorSnapshot, TradingState } from '../risk/index.js';
import type { StrategyLog } from '../strategy/index.js';
import type { Clock, TradingCalendar } from '../time/index.js';
import { lossMonitor } from './risk-monitors.js';

/** The journal mark that carries the loss monitor's session start and peak across restarts. */
const LOSS_MARK = 'lossMonitor';

/** What the session's engine observer calls after each bar and order event. */
export interface SessionGuards {
  afterBar(): void;
  afterOrderEvent(event: OrderEvent): void;
}

/** What {@link sessionGuards} needs. */
export interface SessionGuardOptions {
  readonly risk: RunnerConfig['risk'];
  readonly state: TradingState;
  readonly calendar: TradingCalendar;
  readonly ledger: Ledger;
  readonly journal: Journal;
  readonly clock: Clock;
  readonly log: StrategyLog;
}

/**
 * Returns the observer hooks that feed the loss monitor (daily loss, max drawdown) with the
 * ledger's equity after every bar and fill, keep its memory in the journal, and log breaches and
 * TRADING_HALTED denials in words an operator can act on.
 */
export function sessionGuards(o: SessionGuardOptions): SessionGuards {
  const monitor = lossMonitor(o.risk, o.state, o.calendar, loadSnapshot(o.journal));
  const check = (): void => {
    if (monitor === undefined) return;
    const before = o.state.status;
    const breach = monitor.onEquity(o.ledger.equity, o.clock.now());
    const snap = monitor.snapshot();
    if (snap !== undefined) o.journal.setMark(LOSS_MARK, saveSnapshot(snap));
    // Said once, when the limit switches the state; later bars only confirm it.
    if (breach !== undefined && o.state.status !== before) o.log.error(`${breach.kind}: ${breach.message}; trading state is now ${o.state.status}`, { kind: breach.kind });
  };
  return {
    afterBar: check,
    afterOrderEvent: (e) => {
      if (e.type === 'OrderFilled') check();
      if (e.type === 'OrderDenied' && e.reason.code === 'TRADING_HALTED') {
        o.log.warn(`order ${e.orderId} (${e.intent.side} ${e.intent.symbol}) denied: trading is HALTED (${o.state.reason}); run \`aries-runner resume --journal <path>\` to trade again`, { orderId: e.orderId });
      }
    },
  };
}

function saveSnapshot(s: LossMonitorSnapshot): string {
  return JSON.stringify({ sessionDate: s.sessionDate, sessionStartEquity: String(s.sessionStartEquity), peakEquity: String(s.peakEquity) });
}

function loadSnapshot(journal: Journal): LossMonitorSnapshot | undefined {
  const raw = journal.mark(LOSS_MARK);
  if (raw === undefined) return undefined;
  try {
    const v: unknown = JSON.parse(raw);
    if (typeof v !== 'object' || v === null) return undefined;
    const r = v as Record<string, unknown>;
    const { sessionDate, sessionStartEquity, peakEquity } = r;
    if (typeof sessionDate !== 'string' || typeof sessionStartEquity !== 'string' || typeof peakEquity !== 'string') return undefined;
    return { sessionDate, sessionStartEquity: BigInt(sessionStartEquity), peakEquity: BigInt(peakEquity) };
  } catch {
    // A damaged mark only loses the peak; the monitor starts measuring afresh.
    return undefined;
  }
}
