import { toSymbol, type Symbol } from '../core/index.js';

/** Above this many distinct spellings the cache starts over, so odd inputs cannot grow it without bound. */
const MAX_ENTRIES = 4096;

/**
 * Returns {@link toSymbol} of `text`, remembering the answer: strategies pass the same few
 * symbol strings on every bar, and trimming and upper-casing each time shows in profiles.
 */
export class SymbolCache {
  private readonly known = new Map<string, Symbol>();

  /** Returns the normalised symbol of `text`. */
  of(text: string): Symbol {
    let symbol = this.known.get(text);
    if (symbol === undefined) {
      if (this.known.size >= MAX_ENTRIES) this.known.clear();
      symbol = toSymbol(text);
      this.known.set(text, symbol);
    }
    return symbol;
  }
}
