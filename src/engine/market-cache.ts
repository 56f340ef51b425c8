import type { Bar, Quote, Symbol, Trade } from '../core/index.js';
import type { MarketView } from '../strategy/index.js';
import { SymbolCache } from './symbol-cache.js';

/** The last bar, quote and trade per symbol, for strategies and the risk gate. */
export class MarketCache implements MarketView {
  private readonly bars = new Map<Symbol, Bar>();
  private readonly quotes = new Map<Symbol, Quote>();
  private readonly trades = new Map<Symbol, Trade>();
  private readonly symbols = new SymbolCache();

  /** Records a datum. */
  update(d: Bar | Quote | Trade): void {
    if (d.kind === 'bar') this.bars.set(d.symbol, d);
    else if (d.kind === 'quote') this.quotes.set(d.symbol, d);
    else this.trades.set(d.symbol, d);
  }

  lastBar(symbol: string): Bar | undefined {
    return this.bars.get(this.symbols.of(symbol));
  }

  lastQuote(symbol: string): Quote | undefined {
    return this.quotes.get(this.symbols.of(symbol));
  }

  lastPrice(symbol: string): number | undefined {
    const s = this.symbols.of(symbol);
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
