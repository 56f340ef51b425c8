import {
  amountFromNumber, toExecId, toOrderId, toSymbol, type Amount, type Order, type OrderIntent, type OrderSide,
  type RiskVerdict, type DenialReason, type Symbol,
} from '../../../src/core/index.js';
import { Ledger } from '../../../src/portfolio/index.js';
import type { RiskContext } from '../../../src/risk/index.js';
import { NyseCalendar } from '../../../src/time/index.js';

/** Returns the exact Amount of a plain number (test shorthand). */
export const amt = (n: number): Amount => amountFromNumber(n);

export const AAPL: Symbol = toSymbol('AAPL');
export const MSFT: Symbol = toSymbol('MSFT');

/** Wednesday 2025-01-08 10:00 New York: the regular session is open. */
export const IN_SESSION = Date.parse('2025-01-08T15:00:00Z');
/** Saturday 2025-01-11 10:00 New York. */
export const SATURDAY = Date.parse('2025-01-11T15:00:00Z');
/** Thursday 2025-01-09 10:00 New York: NYSE closed for President Carter's national day of mourning. */
export const MOURNING_DAY = Date.parse('2025-01-09T15:00:00Z');

const calendar = new NyseCalendar();
let nextId = 0;

/** Returns a DAY market buy of 10 AAPL unless overridden. */
export function intent(overrides: Partial<OrderIntent> = {}): OrderIntent {
  nextId += 1;
  return {
    id: toOrderId(`T-${nextId}`), symbol: AAPL, side: 'BUY', qty: amt(10), type: 'MARKET', tif: 'DAY',
    tsCreated: IN_SESSION, ...overrides,
  };
}

/** Returns a working (NEW or PARTIALLY_FILLED) order for `of`, with `filled` already executed. */
export function workingOrder(of: OrderIntent, filled: Amount = 0n): Order {
  return {
    id: of.id, intent: of, status: filled > 0n ? 'PARTIALLY_FILLED' : 'NEW', filledQty: filled,
    avgFillPrice: 0n, tsUpdated: of.tsCreated,
  };
}

/** Applies one fill of `qty` at `price` (no commission) to the ledger. */
export function fill(ledger: Ledger, symbol: Symbol, side: OrderSide, qty: number, price: number): void {
  nextId += 1;
  ledger.applyFill({
    orderId: toOrderId(`F-${nextId}`), execId: toExecId(`E-${nextId}`), symbol, side,
    qty: amt(qty), price: amt(price), commission: 0n, ts: IN_SESSION,
  });
}

/** What a test context is built from; every field has a default. */
export interface ContextParts {
  readonly ledger?: Ledger;
  readonly openOrders?: readonly Order[];
  readonly prices?: Readonly<Record<string, number>>;
  readonly now?: number;
  readonly queueForNextOpen?: boolean;
}

/** Returns a real RiskContext over a Ledger (100 000 cash by default) and the NYSE calendar. */
export function context(parts: ContextParts = {}): RiskContext {
  const prices = parts.prices ?? { AAPL: 100 };
  return {
    now: parts.now ?? IN_SESSION,
    portfolio: parts.ledger ?? new Ledger(amt(100_000)),
    openOrders: parts.openOrders ?? [],
    lastPrice: (symbol) => prices[symbol],
    calendar,
    queueForNextOpen: parts.queueForNextOpen ?? false,
  };
}

/** Returns the denial reason of a failing verdict, or fails the test when it passed. */
export function denial(verdict: RiskVerdict): DenialReason {
  if (verdict.ok) throw new Error('expected a denial, got PASS');
  return verdict.reason;
}
