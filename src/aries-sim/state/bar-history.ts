import type { Bar } from '../../core/index.js';

/** The bars seen on the bar feed, per symbol in time order: the source of chart history and symbol search. */
export class BarHistory {
  private readonly bySymbol = new Map<string, Bar[]>();

  /** Records a bar (a bar with the same open time as the last one replaces it). */
  add(bar: Bar): void {
    const list = this.bySymbol.get(bar.symbol);
    if (list === undefined) {
      this.bySymbol.set(bar.symbol, [bar]);
      return;
    }
    const last = list[list.length - 1];
    if (last !== undefined && last.ts === bar.ts) list[list.length - 1] = bar;
    else if (last === undefined || last.ts < bar.ts) list.push(bar);
  }

  /** Returns the bars of a symbol that opened in `[from, to)`. */
  range(symbol: string, from: number, to: number): readonly Bar[] {
    return (this.bySymbol.get(symbol) ?? []).filter((b) => b.ts >= from && b.ts < to);
  }

  /** Returns the open time of the last bar before `t`, if any. */
  lastBefore(symbol: string, t: number): number | undefined {
    const list = this.bySymbol.get(symbol) ?? [];
    let found: number | undefined;
    for (const b of list) if (b.ts < t) found = b.ts;
    return found;
  }

  /** Returns every symbol seen. */
  symbols(): readonly string[] {
    return [...this.bySymbol.keys()];
  }
}
