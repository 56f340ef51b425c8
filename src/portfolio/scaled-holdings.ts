import type { Symbol } from '../core/index.js';

/** One open position as numbers: whole units, valuation price in 1e-8 units, and their product. */
interface Holding {
  units: number;
  priceScaled: number;
  /** `units · priceScaled`; counted in the sums only when it is a safe integer. */
  value: number;
}

/**
 * The open positions' values as plain numbers in 1e-8 units, kept incrementally so a mark costs
 * O(1) and reading the total costs O(1) however many symbols are held. Every figure it returns is
 * exact: a value enters the sums only when it is a safe integer, and a sum that ever leaves the
 * safe-integer range is recomputed before it is trusted again. When a term cannot be exact (a
 * fractional quantity, a price with more than eight decimals, a value past 2^53) the sums answer
 * `undefined` and the ledger takes its bigint path.
 */
export class ScaledHoldings {
  private readonly holdings = new Map<Symbol, Holding>();
  private net = 0;
  private gross = 0;
  /** Holdings whose value is not a safe integer. */
  private inexact = 0;
  /** Whether a running sum left the safe range (it must be recomputed before use). */
  private broken = false;

  /** Returns how many positions are open. */
  get size(): number {
    return this.holdings.size;
  }

  /** Returns whether `symbol` is held. */
  has(symbol: Symbol): boolean {
    return this.holdings.has(symbol);
  }

  /** Returns the whole units held in `symbol` (0 when flat; NaN when not a safe whole number). */
  units(symbol: Symbol): number {
    return this.holdings.get(symbol)?.units ?? 0;
  }

  /** Sets the whole units held (NaN when not a safe whole number); 0 removes the holding. */
  setUnits(symbol: Symbol, units: number): void {
    const h = this.holdings.get(symbol);
    if (units === 0) {
      if (h !== undefined) this.remove(h);
      this.holdings.delete(symbol);
      return;
    }
    if (h === undefined) {
      const added = { units, priceScaled: Number.NaN, value: Number.NaN };
      this.holdings.set(symbol, added);
      this.add(added);
      return;
    }
    this.remove(h);
    h.units = units;
    h.value = units * h.priceScaled;
    this.add(h);
  }

  /** Sets the valuation price of a held symbol, in 1e-8 units (NaN when not exact); ignored when not held. */
  setPrice(symbol: Symbol, priceScaled: number): void {
    const h = this.holdings.get(symbol);
    if (h === undefined || h.priceScaled === priceScaled) return;
    this.remove(h);
    h.priceScaled = priceScaled;
    h.value = h.units * priceScaled;
    this.add(h);
  }

  /** Returns Σ value (or, with `gross`, Σ |value|) in 1e-8 units when exact, else `undefined`. */
  sum(gross: boolean): number | undefined {
    if (this.inexact > 0) return undefined;
    if (this.broken && !this.recompute()) return undefined;
    return gross ? this.gross : this.net;
  }

  private add(h: Holding): void {
    if (!Number.isSafeInteger(h.value)) {
      this.inexact += 1;
      return;
    }
    this.net += h.value;
    this.gross += Math.abs(h.value);
    if (!Number.isSafeInteger(this.net) || !Number.isSafeInteger(this.gross)) this.broken = true;
  }

  private remove(h: Holding): void {
    if (!Number.isSafeInteger(h.value)) {
      this.inexact -= 1;
      return;
    }
    this.net -= h.value;
    this.gross -= Math.abs(h.value);
    if (!Number.isSafeInteger(this.net) || !Number.isSafeInteger(this.gross)) this.broken = true;
  }

  /** Recomputes both sums from the holdings; returns whether they are exact now. */
  private recompute(): boolean {
    let net = 0;
    let gross = 0;
    for (const h of this.holdings.values()) {
      net += h.value;
      gross += Math.abs(h.value);
      if (!Number.isSafeInteger(net) || !Number.isSafeInteger(gross)) return false;
    }
    this.net = net;
    this.gross = gross;
    this.broken = false;
    return true;
  }
}
