import { Subject, type Observable, type Subscription } from 'rxjs';
import { toSymbol, type Quote, type Symbol, type Trade } from '../../core/index.js';
import type { AriesSocket, SocketLogger, SocketMessage, SocketStateEvent } from '../ws/index.js';
import { SocketEventParser } from './event-parser.js';
import {
  marketSubscribe, mergeQuote, parseMarketEvent, tradeFromUpdate, type MarketEvent, type MarketStatusData,
} from '../wire/index.js';

/**
 * The market socket (`/v1/market/ws`) as core events: quotes and trades per subscribed symbol,
 * market status, and the socket's connection states. Malformed messages are counted, logged
 * (without their content) and skipped; they never reach a strategy.
 */
export class AriesMarketStream {
  private readonly data = new Subject<Quote | Trade>();
  private readonly status = new Subject<MarketStatusData>();
  private readonly quotes = new Map<Symbol, Quote>();
  private readonly subscription: Subscription;
  private readonly parser: SocketEventParser<MarketEvent>;
  /** Quotes and trades in arrival order. */
  readonly data$: Observable<Quote | Trade> = this.data.asObservable();
  /** Market status pushes (after auth and on every change). */
  readonly status$: Observable<MarketStatusData> = this.status.asObservable();
  /** Connection states: connected, authenticated, stale, reconnecting, resubscribed, closed. */
  readonly state$: Observable<SocketStateEvent>;

  constructor(private readonly socket: AriesSocket, log: SocketLogger) {
    this.state$ = socket.state$;
    this.parser = new SocketEventParser('market', parseMarketEvent, log);
    this.subscription = socket.messages$.subscribe((m) => this.onMessage(m));
  }

  /** Returns how many malformed market messages were skipped. */
  get malformed(): number {
    return this.parser.malformed;
  }

  /** Subscribes to quotes and trades of `symbols` (resent once after every reconnect). */
  subscribe(symbols: readonly string[]): void {
    for (const raw of symbols) {
      const symbol = toSymbol(raw);
      this.socket.subscribe(`market:${symbol}`, marketSubscribe('sub', [symbol]).payload, [{ symbol }]);
    }
  }

  /** Stops the subscription of one symbol. */
  unsubscribe(symbol: string): void {
    this.socket.unsubscribe(`market:${toSymbol(symbol)}`);
  }

  /** Completes the streams (the socket itself is closed by its owner). */
  dispose(): void {
    this.subscription.unsubscribe();
    this.data.complete();
    this.status.complete();
  }

  private onMessage(m: SocketMessage): void {
    const e = this.parser.read(m);
    if (e === undefined) return;
    if (e.kind === 'marketStatus') this.status.next(e.status);
    else if (e.kind === 'quote') this.onQuote(e.symbol, e.update, m.ts);
    else if (e.kind === 'trade') {
      const trade = tradeFromUpdate(e.symbol, e.update, m.ts);
      if (trade !== undefined) this.data.next(trade);
    }
  }

  private onQuote(symbol: string, update: Parameters<typeof mergeQuote>[2], ts: number): void {
    const key = toSymbol(symbol);
    const quote = mergeQuote(this.quotes.get(key), symbol, update, ts);
    if (quote === undefined) return;
    this.quotes.set(key, quote);
    this.data.next(quote);
  }
}
