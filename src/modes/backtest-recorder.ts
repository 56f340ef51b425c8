import { amountToNumber, type Bar, type OrderEvent } from '../core/index.js';
import type { EngineObserver } from '../engine/index.js';
import type { Ledger, RoundTrip } from '../portfolio/index.js';
import type { EquityPoint } from '../report/index.js';

/** Records what a backtest needs for its report: equity per bar close, round trips and fills. */
export class BacktestRecorder implements EngineObserver {
  readonly equity: EquityPoint[] = [];
  readonly trips: RoundTrip[] = [];
  fills = 0;

  constructor(private readonly ledger: Ledger) {}

  onBarProcessed(bar: Bar): void {
    const point: EquityPoint = { ts: bar.tsEnd, equity: amountToNumber(this.ledger.equity), exposed: this.ledger.isExposed() };
    const last = this.equity.length - 1;
    // Several symbols' bars close at the same instant: keep one point, the last state.
    if (last >= 0 && this.equity[last]?.ts === bar.tsEnd) this.equity[last] = point;
    else this.equity.push(point);
  }

  onRoundTrip(trip: RoundTrip): void {
    this.trips.push(trip);
  }

  onOrderEvent(event: OrderEvent): void {
    if (event.type === 'OrderFilled') this.fills += 1;
  }
}
