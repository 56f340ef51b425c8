import { AMOUNT_SCALE, amountFromNumber, amountToNumber, ZERO, type Amount, type Fill, type Symbol } from '../core/index.js';
import { applyFill, flatPosition, marketValue, type Position, type PositionChange } from './position.js';
import type { PortfolioView } from './portfolio-view.js';
import { RoundTripTracker, type RoundTrip } from './round-trip-tracker.js';
import { ScaledHoldings } from './scaled-holdings.js';

/** What one fill did to the book. */
export interface FillApplied {
  readonly change: PositionChange;
  readonly trip: RoundTrip | undefined;
}

/**
 * The book of one account: cash, positions and their marks. Fills go through the pure
 * {@link applyFill} reducer; marks come from market data. Equity is cash plus every position
 * valued at its last mark.
 *
 * Marks arrive once per bar and symbol, so they cost no bigint work: a mark records the price and
 * leaves the symbol stale, and the exact values are brought up to date the next time an exact
 * figure (equity, gross exposure) is read. {@link Ledger.equityNumber} reads equity as a float
 * for the equity curve without that step when every term is a safe integer of 1e-8 units, in
 * which case the float sum is exact and equals `amountToNumber(equity)`.
 */
export class Ledger implements PortfolioView {
  private cashValue: Amount;
  /** `cashValue` as a number when it is a safe integer, else NaN. */
  private cashScaled: number;
  private readonly book = new Map<Symbol, Position>();
  private readonly lastPrices = new Map<Symbol, number>();
  /** Exact value per symbol at its last revaluation (absent when zero). */
  private readonly values = new Map<Symbol, Amount>();
  /** Symbols marked since their last revaluation. */
  private readonly stale = new Set<Symbol>();
  /** Open positions as numbers, for exact figures without bigint work. */
  private readonly held = new ScaledHoldings();
  private netValue: Amount = ZERO;
  private grossValue: Amount = ZERO;
  private commissionTotal: Amount = ZERO;
  private readonly trips = new RoundTripTracker();

  constructor(readonly startingCash: Amount) {
    this.cashValue = startingCash;
    this.cashScaled = safeNumber(startingCash);
  }

  get cash(): Amount {
    return this.cashValue;
  }

  get equity(): Amount {
    const fast = this.scaledSum(false);
    if (fast !== undefined) return BigInt(fast);
    this.revalueStale();
    return this.cashValue + this.netValue;
  }

  get grossExposure(): Amount {
    const fast = this.scaledSum(true);
    if (fast !== undefined) return BigInt(fast);
    this.revalueStale();
    return this.grossValue;
  }

  /** Returns the total commission paid so far. */
  get commission(): Amount {
    return this.commissionTotal;
  }

  /**
   * Returns `amountToNumber(this.equity)`, allocating nothing in the usual case (whole-unit
   * positions, prices of at most eight decimals, values below 2^53 · 1e-8): the equity curve
   * reads it once per bar.
   */
  equityNumber(): number {
    const fast = this.scaledSum(false);
    return fast === undefined ? amountToNumber(this.equity) : fast / 1e8;
  }

  /**
   * Returns equity (or, with `gross`, gross exposure) in 1e-8 units computed with numbers, or
   * `undefined` when a term or a partial sum is not a safe integer. When it returns a number,
   * every step was exact integer arithmetic, so it equals the exact bigint figure.
   */
  private scaledSum(gross: boolean): number | undefined {
    const held = this.held.sum(gross);
    if (held === undefined) return undefined;
    const sum = gross ? held : this.cashScaled + held;
    return Number.isSafeInteger(sum) ? sum : undefined;
  }

  position(symbol: Symbol): Position | undefined {
    const pos = this.book.get(symbol);
    return pos === undefined || pos.qty === ZERO ? undefined : pos;
  }

  /** Returns `amountToNumber(position(symbol)?.qty ?? 0)` without bigint work for whole quantities (a strategy asks every bar). */
  positionQty(symbol: Symbol): number {
    const units = this.held.units(symbol);
    return Number.isNaN(units) ? amountToNumber(this.book.get(symbol)?.qty ?? ZERO) : units;
  }

  positions(): readonly Position[] {
    return [...this.book.values()].filter((p) => p.qty !== ZERO);
  }

  lastPrice(symbol: Symbol): number | undefined {
    return this.lastPrices.get(symbol);
  }

  /** Returns whether any position is open. */
  isExposed(): boolean {
    return this.held.size > 0;
  }

  /** Applies a fill: cash, position, commission and round trips. */
  applyFill(fill: Fill): FillApplied {
    const before = this.book.get(fill.symbol) ?? flatPosition(fill.symbol);
    const change = applyFill(before, fill);
    this.setPosition(change.position);
    const notional = marketValue(fill.qty, fill.price);
    this.cashValue += (fill.side === 'BUY' ? -notional : notional) - fill.commission;
    this.cashScaled = safeNumber(this.cashValue);
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
    this.setPosition(position);
    this.revalue(position.symbol, position.avgPrice);
  }

  /** Marks a symbol at a market price (a bar close or a trade). */
  mark(symbol: Symbol, price: number): void {
    this.lastPrices.set(symbol, price);
    const held = this.held.has(symbol);
    if (!held && !this.values.has(symbol)) return;
    this.stale.add(symbol);
    if (!held) return;
    const scaled = Math.round(price * 1e8);
    // The fast path of amountFromNumber: this integer is exactly the price's eight-decimal rounding.
    this.held.setPrice(symbol, scaled / 1e8 === price && price < 1_048_576 && price > -1_048_576 ? scaled : Number.NaN);
  }

  private setPosition(position: Position): void {
    const { symbol, qty } = position;
    this.book.set(symbol, position);
    this.held.setUnits(symbol, qty === ZERO ? 0 : qty % AMOUNT_SCALE === ZERO ? safeNumber(qty / AMOUNT_SCALE) : Number.NaN);
  }

  /** Brings the exact values of every symbol marked since its last revaluation up to date. */
  private revalueStale(): void {
    if (this.stale.size === 0) return;
    for (const symbol of this.stale) {
      const price = this.lastPrices.get(symbol);
      if (price !== undefined) this.revalue(symbol, amountFromNumber(price));
    }
    this.stale.clear();
  }

  private revalue(symbol: Symbol, price: Amount): void {
    this.stale.delete(symbol);
    this.held.setPrice(symbol, safeNumber(price));
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

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Returns `a` as a number when that is exact (a safe integer), else NaN. */
function safeNumber(a: Amount): number {
  return a <= MAX_SAFE && a >= -MAX_SAFE ? Number(a) : Number.NaN;
}
