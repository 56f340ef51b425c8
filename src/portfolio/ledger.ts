import { amountFromNumber, ZERO, type Amount, type Fill, type Symbol } from '../core/index.js';
import { applyFill, flatPosition, marketValue, type Position, type PositionChange } from './position.js';
import type { PortfolioView } from './portfolio-view.js';
import { RoundTripTracker, type RoundTrip } from './round-trip-tracker.js';

/** What one fill did to the book. */
export interface FillApplied {
  readonly change: PositionChange;
  readonly trip: RoundTrip | undefined;
}

/**
 * Returns `amountFromNumber(price)` without its decimal-string round trip, which dominated the
 * per-bar mark in profiles. Below 2^20 a double's error is under 1.2e-10, far inside half of
 * 1e-8, so when `round(price·1e8)/1e8` gives back `price` that integer is exactly what
 * `price.toFixed(8)` spells; any other price takes the exact path.
 */
function markAmount(price: number): Amount {
  const scaled = Math.round(price * 1e8);
  return Math.abs(price) < 1_048_576 && scaled / 1e8 === price ? BigInt(scaled) : amountFromNumber(price);
}

/**
 * The book of one account: cash, positions and their marks. Fills go through the pure
 * {@link applyFill} reducer; marks come from market data. Equity is cash plus every position
 * valued at its last mark, kept incrementally so reading it costs nothing per bar.
 */
export class Ledger implements PortfolioView {
  private cashValue: Amount;
  private readonly book = new Map<Symbol, Position>();
  private readonly lastPrices = new Map<Symbol, number>();
  private readonly values = new Map<Symbol, Amount>();
  private netValue: Amount = ZERO;
  private grossValue: Amount = ZERO;
  private commissionTotal: Amount = ZERO;
  private readonly trips = new RoundTripTracker();

  constructor(readonly startingCash: Amount) {
    this.cashValue = startingCash;
  }

  get cash(): Amount {
    return this.cashValue;
  }

  get equity(): Amount {
    return this.cashValue + this.netValue;
  }

  get grossExposure(): Amount {
    return this.grossValue;
  }

  /** Returns the total commission paid so far. */
  get commission(): Amount {
    return this.commissionTotal;
  }

  position(symbol: Symbol): Position | undefined {
    const pos = this.book.get(symbol);
    return pos === undefined || pos.qty === ZERO ? undefined : pos;
  }

  positions(): readonly Position[] {
    return [...this.book.values()].filter((p) => p.qty !== ZERO);
  }

  lastPrice(symbol: Symbol): number | undefined {
    return this.lastPrices.get(symbol);
  }

  /** Returns whether any position is open. */
  isExposed(): boolean {
    return this.values.size > 0;
  }

  /** Applies a fill: cash, position, commission and round trips. */
  applyFill(fill: Fill): FillApplied {
    const before = this.book.get(fill.symbol) ?? flatPosition(fill.symbol);
    const change = applyFill(before, fill);
    this.book.set(fill.symbol, change.position);
    const notional = marketValue(fill.qty, fill.price);
    this.cashValue += (fill.side === 'BUY' ? -notional : notional) - fill.commission;
    this.commissionTotal += fill.commission;
    this.revalue(fill.symbol, fill.price);
    return { change, trip: this.trips.onFill(fill, change) };
  }

  /**
   * Takes over a position held before this ledger existed (a restart, or the broker's book adopted
   * by reconciliation): replaces the symbol's position and values it at its average price until the
   * next mark. Cash is untouched, because the broker's cash already paid for it.
   */
  seedPosition(position: Position): void {
    this.book.set(position.symbol, position);
    this.revalue(position.symbol, position.avgPrice);
  }

  /** Marks a symbol at a market price (a bar close or a trade). */
  mark(symbol: Symbol, price: number): void {
    this.lastPrices.set(symbol, price);
    const pos = this.book.get(symbol);
    if (pos !== undefined && (pos.qty !== ZERO || this.values.has(symbol))) this.revalue(symbol, markAmount(price));
  }

  private revalue(symbol: Symbol, price: Amount): void {
    const pos = this.book.get(symbol);
    const old = this.values.get(symbol) ?? ZERO;
    const value = pos === undefined ? ZERO : marketValue(pos.qty, price);
    this.netValue += value - old;
    this.grossValue += abs(value) - abs(old);
    if (value === ZERO) this.values.delete(symbol);
    else this.values.set(symbol, value);
  }
}

function abs(a: Amount): Amount {
  return a < ZERO ? -a : a;
}
