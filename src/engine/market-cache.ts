import { toSymbol, type Bar, type Quote, type Symbol, type Trade } from '../core/index.js';
import type { MarketView } from '../strategy/index.js';

/** The last bar, quote and trade per symbol, for strategies and the risk gate. */
export class MarketCache implements MarketView {
  private readonly bars = new Map<Symbol, Bar>();
  private readonly quotes = new Map<Symbol, Quote>();
  private readonly trades = new Map<Symbol, Trade>();

  /** Records a datum. */
  update(d: Bar | Quote | Trade): void {
    if (d.kind === 'bar') this.bars.set(d.symbol, d);
    else if (d.kind === 'quote') this.quotes.set(d.symbol, d);
    else this.trades.set(d.symbol, d);
  }

  lastBar(symbol: string): Bar | undefined {
    return this.bars.get(toSymbol(symbol));
  }

  lastQuote(symbol: string): Quote | undefined {
    return this.quotes.get(toSymbol(symbol));
  }

  lastPrice(symbol: string): number | undefined {
    const s = toSymbol(symbol);
    return this.trades.get(s)?.price ?? this.bars.get(s)?.close ?? mid(this.quotes.get(s));
  }

  /** Returns the last price of an already-normalised symbol (the gate's hot path). */
  priceOf(symbol: Symbol): number | undefined {
    return this.trades.get(symbol)?.price ?? this.bars.get(symbol)?.close ?? mid(this.quotes.get(symbol));
  }
}

function mid(q: Quote | undefined): number | undefined {
  return q === undefined ? undefined : (q.bid + q.ask) / 2;
}
