import type { Subscription } from 'rxjs';
import type { Quote, Symbol, Trade } from '../../core/index.js';
import type { SimMarketFeed, SimMarketStatus } from '../sim-ports.js';
import type { TradeTape } from './server-messages.js';

/** One market item as the sockets send it. */
export type HubItem =
  | { readonly kind: 'quote'; readonly quote: Quote }
  | { readonly kind: 'trade'; readonly trade: Trade; readonly tape: TradeTape }
  | { readonly kind: 'status'; readonly status: SimMarketStatus };

const CLOSED: SimMarketStatus = { market: 'closed', ts: 0 };

/**
 * The one subscription to the market feed that every market socket shares: it adds the day's
 * running volume (reset when the market opens) and a per-symbol sequence to each trade.
 */
export class MarketHub {
  private readonly listeners = new Set<(item: HubItem) => void>();
  private readonly tapes = new Map<Symbol, TradeTape>();
  private readonly subscriptions: Subscription[] = [];

  constructor(private readonly feed: SimMarketFeed | undefined) {
    if (feed === undefined) return;
    this.subscriptions.push(
      feed.ticks$.subscribe((tick) => (tick.kind === 'quote' ? this.broadcast({ kind: 'quote', quote: tick }) : this.onTrade(tick))),
      feed.status$.subscribe((status) => {
        if (status.market === 'open') this.resetVolumes();
        this.broadcast({ kind: 'status', status });
      }),
    );
  }

  /** Returns the current market status (`closed` without a feed). */
  status(): SimMarketStatus {
    return this.feed?.status() ?? CLOSED;
  }

  /** Returns the last quote of a symbol. */
  lastQuote(symbol: Symbol): Quote | undefined {
    return this.feed?.lastQuote(symbol);
  }

  /** Returns the last trade of a symbol with its tape fields. */
  lastTrade(symbol: Symbol): { readonly trade: Trade; readonly tape: TradeTape } | undefined {
    const trade = this.feed?.lastTrade(symbol);
    if (trade === undefined) return undefined;
    return { trade, tape: this.tapes.get(symbol) ?? { totalVolume: trade.size, seq: 0 } };
  }

  /** Adds a listener; returns its remover. */
  listen(listener: (item: HubItem) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Unsubscribes from the feed. */
  dispose(): void {
    for (const s of this.subscriptions) s.unsubscribe();
    this.listeners.clear();
  }

  private onTrade(trade: Trade): void {
    const prev = this.tapes.get(trade.symbol);
    const tape = { totalVolume: (prev?.totalVolume ?? 0) + trade.size, seq: (prev?.seq ?? 0) + 1 };
    this.tapes.set(trade.symbol, tape);
    this.broadcast({ kind: 'trade', trade, tape });
  }

  private resetVolumes(): void {
    for (const [symbol, tape] of this.tapes) this.tapes.set(symbol, { totalVolume: 0, seq: tape.seq });
  }

  private broadcast(item: HubItem): void {
    for (const listener of this.listeners) listener(item);
  }
}
