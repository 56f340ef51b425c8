import type { SchedulerLike } from 'rxjs';
import {
  amountToNumber, toOrderId, ZERO,
  type EpochMs, type Order, type OrderId, type OrderSide,
} from '../core/index.js';
import type { Ledger } from '../portfolio/index.js';
import type {
  OrderOptions, OrderRequest, Params, StrategyContext, StrategyLog, StrategyPortfolio,
} from '../strategy/index.js';
import type { Clock } from '../time/index.js';
import { IdGenerator } from '../time/index.js';
import type { StrategyCommand } from './command.js';
import { buildIntent } from './intent-builder.js';
import type { MarketCache } from './market-cache.js';
import { SymbolCache } from './symbol-cache.js';

/** What the context needs from the engine. */
export interface ContextDeps {
  readonly clock: Clock;
  readonly ledger: Ledger;
  readonly market: MarketCache;
  readonly log: StrategyLog;
  readonly params: Params;
  readonly openOrders: () => readonly Order[];
  readonly enqueue: (command: StrategyCommand) => void;
  readonly onTimer: (name: string, ts: EpochMs) => void;
  /** Prefix of order ids; default `O`. */
  readonly orderIdPrefix?: string;
}

/** The `ctx` handed to strategy handlers: order helpers queue commands; reads are live views. */
export class ContextImpl implements StrategyContext {
  readonly params: Params;
  readonly scheduler: SchedulerLike;
  readonly portfolio: StrategyPortfolio;
  readonly market: MarketCache;
  readonly log: StrategyLog;
  private readonly ids: IdGenerator;
  private readonly symbols = new SymbolCache();

  constructor(private readonly deps: ContextDeps) {
    this.ids = new IdGenerator(deps.orderIdPrefix ?? 'O');
    this.params = deps.params;
    this.scheduler = deps.clock.scheduler;
    this.market = deps.market;
    this.log = deps.log;
    this.portfolio = portfolioView(deps.ledger, this.symbols);
  }

  now(): EpochMs {
    return this.deps.clock.now();
  }

  setTimer(name: string, intervalMs: number): void {
    this.deps.clock.setTimer(`strategy:${name}`, intervalMs, (ts) => this.deps.onTimer(name, ts));
  }

  setAlert(name: string, at: EpochMs): void {
    this.deps.clock.setAlert(`strategy:${name}`, at, (ts) => this.deps.onTimer(name, ts));
  }

  cancelTimer(name: string): void {
    this.deps.clock.cancel(`strategy:${name}`);
  }

  buy(symbol: string, qty: number, options: OrderOptions = {}): OrderId {
    return this.submit({ ...options, symbol, side: 'BUY', qty });
  }

  sell(symbol: string, qty: number, options: OrderOptions = {}): OrderId {
    return this.submit({ ...options, symbol, side: 'SELL', qty });
  }

  close(symbol: string, options: OrderOptions = {}): OrderId | undefined {
    const qty = this.deps.ledger.position(this.symbols.of(symbol))?.qty ?? ZERO;
    if (qty === ZERO) return undefined;
    const side: OrderSide = qty > ZERO ? 'SELL' : 'BUY';
    return this.submit({ ...options, symbol, side, qty: amountToNumber(qty > ZERO ? qty : -qty) });
  }

  submit(request: OrderRequest): OrderId {
    const intent = buildIntent(this.ids.next(), request, this.deps.clock.now());
    this.deps.enqueue({ kind: 'submit', intent });
    return intent.id;
  }

  cancel(orderId: OrderId): void {
    this.deps.enqueue({ kind: 'cancel', orderId: toOrderId(orderId) });
  }

  openOrders(symbol?: string): readonly Order[] {
    const all = this.deps.openOrders();
    if (symbol === undefined || all.length === 0) return all;
    const s = this.symbols.of(symbol);
    let mine: Order[] | undefined;
    for (const o of all) if (o.intent.symbol === s) (mine ??= []).push(o);
    return mine ?? NO_ORDERS;
  }
}

const NO_ORDERS: readonly Order[] = Object.freeze([]);

function portfolioView(ledger: Ledger, symbols: SymbolCache): StrategyPortfolio {
  return {
    get cash() {
      return amountToNumber(ledger.cash);
    },
    get equity() {
      return ledger.equityNumber();
    },
    position: (symbol) => ledger.positionQty(symbols.of(symbol)),
    avgPrice: (symbol) => {
      const pos = ledger.position(symbols.of(symbol));
      return pos === undefined ? undefined : amountToNumber(pos.avgPrice);
    },
    exact: ledger,
  };
}
