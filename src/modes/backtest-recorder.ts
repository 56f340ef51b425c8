import { amountToNumber, type Bar, type OrderEvent } from '../core/index.js';
import type { EngineObserver } from '../engine/index.js';
import type { Ledger, RoundTrip } from '../portfolio/index.js';
import { EquityLog } from '../report/index.js';

/**
 * Records what a backtest needs for its report: equity per bar close (in an {@link EquityLog},
 * so a long run's curve lives on disk, not in memory), round trips and fills.
 */
export class BacktestRecorder implements EngineObserver {
  readonly equity = new EquityLog();
  readonly trips: RoundTrip[] = [];
  fills = 0;

  constructor(private readonly ledger: Ledger) {}

  onBarProcessed(bar: Bar): void {
    // Several symbols' bars close at the same instant: the log keeps one point, the last state.
    this.equity.add(bar.tsEnd, amountToNumber(this.ledger.equity), this.ledger.isExposed());
  }

  onRoundTrip(trip: RoundTrip): void {
    this.trips.push(trip);
  }

  onOrderEvent(event: OrderEvent): void {
    if (event.type === 'OrderFilled') this.fills += 1;
  }
}
