import type { Bar, EpochMs, Symbol } from '../../core/index.js';

/**
 * Remembers the start of the last bar delivered per symbol and admits only later ones, which is
 * what keeps a strategy from seeing a bar twice or out of order when live and history overlap.
 */
export class BarSequencer {
  private readonly last = new Map<Symbol, EpochMs>();

  /** Returns whether the bar is new for its symbol, and records it as delivered when it is. */
  admit(bar: Bar): boolean {
    const last = this.last.get(bar.symbol);
    if (last !== undefined && bar.ts <= last) return false;
    this.last.set(bar.symbol, bar.ts);
    return true;
  }

  /** Returns the start of the last bar delivered for `symbol`, or `undefined` before the first. */
  lastStart(symbol: Symbol): EpochMs | undefined {
    return this.last.get(symbol);
  }
}
