import type { Bar, EpochMs, Quote, Trade } from '../../core/index.js';
import type { Rng } from '../../time/index.js';

/** How the high and low of a bar are ordered inside it. */
export const PathOrder = {
  /** O→L→H→C when the bar closes at or above its open, else O→H→L→C. */
  BAR: 'bar',
  /** High or low first, drawn from the seeded Rng. */
  SEEDED: 'seeded',
} as const;
/** How the high and low of a bar are ordered inside it. */
export type PathOrder = (typeof PathOrder)[keyof typeof PathOrder];

/** Settings of {@link expandBar}. */
export interface IntrabarOptions {
  /** Price increment between bid and ask; default 0.01. */
  readonly tickSize?: number;
  /** Default `bar`. */
  readonly pathOrder?: PathOrder;
}

const round8 = (x: number): number => Math.round(x * 1e8) / 1e8;

function pricePath(bar: Bar, rng: Rng, order: PathOrder): readonly number[] {
  const lowFirst = order === PathOrder.BAR ? bar.close >= bar.open : rng.next() < 0.5;
  return lowFirst ? [bar.open, bar.low, bar.high, bar.close] : [bar.open, bar.high, bar.low, bar.close];
}

/**
 * Returns `volume` split into four parts whose left-to-right sum is exactly `volume`: the first
 * three are whole numbers, the last takes the rest, so bars rebuilt from the trades match.
 */
export function splitVolume(volume: number, rng: Rng): readonly number[] {
  const weights = [1 + rng.next(), 1 + rng.next(), 1 + rng.next(), 1 + rng.next()];
  const total = weights.reduce((a, b) => a + b, 0);
  const parts = weights.slice(0, 3).map((w) => Math.floor((volume * w) / total));
  const used = parts.reduce((a, b) => a + b, 0);
  return [...parts, volume - used];
}

function quoteAt(bar: Bar, ts: EpochMs, price: number, buying: boolean, tick: number, rng: Rng): Quote {
  // A print at the ask when the path is rising, at the bid when falling; the spread is one tick.
  const atAsk = buying && price - tick > 0;
  const bid = round8(atAsk ? price - tick : price);
  const ask = round8(atAsk ? price : price + tick);
  const bidSize = 100 * (1 + rng.int(9));
  const askSize = 100 * (1 + rng.int(9));
  return { kind: 'quote', symbol: bar.symbol, ts, bid, ask, bidSize, askSize };
}

/**
 * Returns the deterministic intrabar path of a bar: four trades (open, the two extremes, close),
 * each preceded by a quote a tick wide, at times spread inside `[ts, tsEnd)`. The trades' prices
 * and sizes rebuild exactly the bar's open, high, low, close and volume.
 */
export function expandBar(bar: Bar, rng: Rng, options: IntrabarOptions = {}): (Quote | Trade)[] {
  const tick = options.tickSize ?? 0.01;
  const prices = pricePath(bar, rng, options.pathOrder ?? PathOrder.BAR);
  const sizes = splitVolume(bar.volume, rng);
  const span = Math.max(0, bar.tsEnd - bar.ts);
  const out: (Quote | Trade)[] = [];
  prices.forEach((price, k) => {
    const ts = bar.ts + Math.floor((k * span) / prices.length);
    const previous = k === 0 ? undefined : prices[k - 1];
    const buying = previous === undefined ? bar.close >= bar.open : price >= previous;
    out.push(quoteAt(bar, ts, price, buying, tick, rng));
    out.push({ kind: 'trade', symbol: bar.symbol, ts, price, size: sizes[k] ?? 0 });
  });
  return out;
}
