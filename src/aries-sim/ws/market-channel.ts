import { z } from 'zod';
import { toSymbol } from '../../core/index.js';
import type { Symbol } from '../../core/index.js';
import { marketSubscribeItemSchema } from '../../aries/index.js';
import type { Channel, ChannelHost } from './channel.js';
import type { HubItem, MarketHub } from './market-hub.js';
import { errorEvent, marketStatusEvent, quoteEvent, responseMessage, tradeEvent } from './server-messages.js';
import type { FieldFilter } from './server-messages.js';

// The client's own wire schema: the SDK's `quoteFields`/`tradeFields` and aries-api.md's `quote`/`trade`.
const itemSchema = marketSubscribeItemSchema;
const itemsSchema = z.union([z.array(itemSchema).min(1), itemSchema.transform((item) => [item])]);

/** What one subscribed symbol asked for: `null` = that kind not wanted. */
interface Wanted {
  readonly quote: FieldFilter | null;
  readonly trade: FieldFilter | null;
}

function wanted(item: z.output<typeof itemSchema>): Wanted {
  const q = item.quoteFields ?? item.quote;
  const t = item.tradeFields ?? item.trade;
  const filter = (list: string[] | '*'): FieldFilter => (list === '*' ? undefined : new Set(list));
  if (q === undefined && t === undefined) return { quote: undefined, trade: undefined };
  return { quote: q === undefined ? null : filter(q), trade: t === undefined ? null : filter(t) };
}

/** The market socket's channel (aries-api.md §8.2): status pushes, symbol subscriptions, snapshot, updates. */
export class MarketChannel implements Channel {
  private readonly symbols = new Map<Symbol, Wanted>();
  private readonly unlisten: () => void;

  constructor(
    private readonly host: ChannelHost,
    private readonly hub: MarketHub,
  ) {
    this.unlisten = hub.listen((item) => this.onItem(item));
  }

  onAuthenticated(): void {
    this.host.send(marketStatusEvent(this.hub.status(), this.host.now()));
  }

  subscribe(id: string | undefined, payload: unknown): void {
    const parsed = itemsSchema.safeParse(payload);
    if (!parsed.success) return this.host.send(errorEvent('payload must be an array of symbol requests', id, this.host.now()));
    const added = parsed.data.map((item) => {
      const symbol = toSymbol(item.symbol);
      this.symbols.set(symbol, wanted(item));
      return symbol;
    });
    this.host.send(responseMessage(id, 'subscribed', { symbols: added }));
    for (const symbol of added) this.sendSnapshot(symbol);
  }

  unsubscribe(id: string | undefined, payload: unknown): void {
    const parsed = itemsSchema.safeParse(payload);
    if (!parsed.success) return this.host.send(errorEvent('payload must be an array of symbol requests', id, this.host.now()));
    const removed = parsed.data.map((item) => toSymbol(item.symbol)).filter((s) => this.symbols.delete(s));
    this.host.send(responseMessage(id, 'unsubscribed', { symbols: removed }));
  }

  dispose(): void {
    this.unlisten();
    this.symbols.clear();
  }

  private sendSnapshot(symbol: Symbol): void {
    const want = this.symbols.get(symbol);
    const now = this.host.now();
    const quote = this.hub.lastQuote(symbol);
    if (want !== undefined && want.quote !== null && quote !== undefined) this.host.send(quoteEvent(quote, want.quote, 'snapshot', now));
    const last = this.hub.lastTrade(symbol);
    if (want !== undefined && want.trade !== null && last !== undefined) {
      this.host.send(tradeEvent(last.trade, last.tape, want.trade, 'snapshot', now));
    }
  }

  private onItem(item: HubItem): void {
    if (this.host.principal() === undefined) return;
    const now = this.host.now();
    if (item.kind === 'status') return this.host.send(marketStatusEvent(item.status, now));
    const symbol = item.kind === 'quote' ? item.quote.symbol : item.trade.symbol;
    const want = this.symbols.get(symbol);
    if (want === undefined) return;
    if (item.kind === 'quote' && want.quote !== null) this.host.send(quoteEvent(item.quote, want.quote, 'update', now));
    if (item.kind === 'trade' && want.trade !== null) this.host.send(tradeEvent(item.trade, item.tape, want.trade, 'update', now));
  }
}
