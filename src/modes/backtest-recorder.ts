import type { Bar, Order, OrderEvent } from '../core/index.js';
import type { EngineObserver } from '../engine/index.js';
import type { Ledger, RoundTrip } from '../portfolio/index.js';
import { EquityLog, RecordLog, recordCodecs } from '../report/index.js';
import { OrderRecorder } from './order-records.js';

/**
 * Records what a backtest needs for its report in memory that does not grow with the run: equity
 * per bar close (an {@link EquityLog}), round trips as they close and the order list as orders
 * finish (logs that spill to temporary files on long runs), and the fill count.
 */
export class BacktestRecorder implements EngineObserver {
  readonly equity = new EquityLog();
  readonly trips = new RecordLog<RoundTrip>(recordCodecs.trip, 'trades');
  readonly orders: OrderRecorder;
  fills = 0;

  /** `working` returns the engine's working orders. */
  constructor(private readonly ledger: Ledger, working: () => readonly Order[]) {
    this.orders = new OrderRecorder(working);
  }

  onBarProcessed(bar: Bar): void {
    // Several symbols' bars close at the same instant: the log keeps one point, the last state.
    this.equity.add(bar.tsEnd, this.ledger.equityNumber(), this.ledger.isExposed());
    // Every intent decided before this bar has had its first event by now (the gate and venue are synchronous).
    this.orders.release();
  }

  onRoundTrip(trip: RoundTrip): void {
    this.trips.add(trip);
  }

  onOrderEvent(event: OrderEvent): void {
    if (event.type === 'OrderFilled') this.fills += 1;
    else if (event.type === 'OrderDenied') this.orders.denied(event);
  }

  onOrderFinished(order: Order): void {
    this.orders.finished(order);
  }
}
