import { Subject } from 'rxjs';
import type { Observable } from 'rxjs';
import { RunnerError } from '../../core/index.js';
import type { Bar, EpochMs, Quote, Symbol, Trade } from '../../core/index.js';
import type { TradingCalendar } from '../../time/index.js';
import type { SimMarketStatus } from '../sim-ports.js';

/**
 * The published side of a replay: the three streams, the last quote and trade per symbol and the
 * market status, which follows the calendar at each emitted event's replay time.
 */
export class MarketTape {
  readonly ticks$: Observable<Quote | Trade>;
  readonly bars$: Observable<Bar>;
  readonly status$: Observable<SimMarketStatus>;
  private readonly ticks = new Subject<Quote | Trade>();
  private readonly bars = new Subject<Bar>();
  private readonly statuses = new Subject<SimMarketStatus>();
  private readonly quotes = new Map<Symbol, Quote>();
  private readonly trades = new Map<Symbol, Trade>();
  private current: SimMarketStatus;
  private time: EpochMs;

  constructor(
    private readonly calendar: TradingCalendar,
    startTs: EpochMs | undefined,
  ) {
    this.time = startTs ?? 0;
    this.current = { market: startTs === undefined ? 'closed' : this.marketAt(startTs), ts: this.time };
    this.ticks$ = this.ticks.asObservable();
    this.bars$ = this.bars.asObservable();
    this.status$ = this.statuses.asObservable();
  }

  /** Returns the current market status. */
  status(): SimMarketStatus {
    return this.current;
  }

  /** Returns the last quote of a symbol. */
  lastQuote(symbol: Symbol): Quote | undefined {
    return this.quotes.get(symbol);
  }

  /** Returns the last trade of a symbol. */
  lastTrade(symbol: Symbol): Trade | undefined {
    return this.trades.get(symbol);
  }

  /** Returns the replay time of the last published event. */
  simNow(): EpochMs {
    return this.time;
  }

  /** Publishes one event at replay time `ts`: a status change first (if any), then the item. */
  protected publish(ts: EpochMs, item: Quote | Trade | Bar): void {
    this.time = Math.max(this.time, ts);
    const market = this.marketAt(ts);
    if (market !== this.current.market) {
      this.current = { market, ts };
      this.statuses.next(this.current);
    }
    switch (item.kind) {
      case 'quote':
        this.quotes.set(item.symbol, item);
        this.ticks.next(item);
        return;
      case 'trade':
        this.trades.set(item.symbol, item);
        this.ticks.next(item);
        return;
      case 'bar':
        this.bars.next(item);
        return;
      default: {
        const unreachable: never = item;
        throw new RunnerError('SIM_REPLAY_ITEM', `unknown market item ${String(unreachable)}`);
      }
    }
  }

  /** Completes every stream. */
  protected complete(): void {
    this.ticks.complete();
    this.bars.complete();
    this.statuses.complete();
  }

  private marketAt(ts: EpochMs): SimMarketStatus['market'] {
    return this.calendar.isOpen(ts) ? 'open' : 'closed';
  }
}
