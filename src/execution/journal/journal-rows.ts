import { z } from 'zod';
import {
  OrderSide, OrderStatus, OrderType, parseAmount, RunnerError, TimeInForce, toExecId, toOrderId, toSymbol, toVenueOrderId,
  type Amount, type Fill, type OrderIntent,
} from '../../core/index.js';
import { TradingStatus } from '../../risk/index.js';
import { JournalErrorCode } from './journal-errors.js';
import type { JournalOrder, JournalTradingState } from './journal-types.js';

// Rows are checked on the way out: a journal edited by hand or by a broken build must fail loudly,
// never turn into a wrong position.
const decimal = z.string().transform((text, ctx): Amount => {
  const value = parseAmount(text);
  if (value === undefined) {
    ctx.addIssue({ code: 'custom', message: `not a decimal: ${JSON.stringify(text)}` });
    return z.NEVER;
  }
  return value;
});
const side = z.enum([OrderSide.BUY, OrderSide.SELL]);
const status = z.enum(Object.values(OrderStatus));

const orderRow = z.object({
  order_id: z.string(), venue_order_id: z.string().nullable(), status, symbol: z.string(), side,
  qty: decimal, filled_qty: decimal, avg_price: decimal, external: z.number(), updated_ts: z.number(),
});
const fillRow = z.object({
  exec_id: z.string(), order_id: z.string(), ts: z.number(), symbol: z.string(), side,
  qty: decimal, price: decimal, commission: decimal,
});
const intentJson = z.object({
  id: z.string(), symbol: z.string(), side, qty: decimal,
  type: z.enum(Object.values(OrderType)), tif: z.enum(Object.values(TimeInForce)),
  limitPrice: decimal.optional(), stopPrice: decimal.optional(), tsCreated: z.number(), tag: z.string().optional(),
});
const stateRow = z.object({ status: z.enum(Object.values(TradingStatus)), reason: z.string(), ts: z.number() });

function parse<T>(schema: z.ZodType<T>, row: unknown, what: string): T {
  const result = schema.safeParse(row);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue === undefined ? '' : ` (field ${issue.path.join('.')}: ${issue.message})`;
    throw new RunnerError(JournalErrorCode.CORRUPT, `journal ${what} row is malformed${where}`);
  }
  return result.data;
}

/** Returns the order stored in an `orders` row. */
export function orderFromRow(row: unknown): JournalOrder {
  const r = parse(orderRow, row, 'orders');
  const base = {
    orderId: toOrderId(r.order_id), status: r.status, symbol: toSymbol(r.symbol), side: r.side, qty: r.qty,
    filledQty: r.filled_qty, avgPrice: r.avg_price, external: r.external !== 0, updatedTs: r.updated_ts,
  };
  return r.venue_order_id === null ? base : { ...base, venueOrderId: toVenueOrderId(r.venue_order_id) };
}

/** Returns the fill stored in a `fills` row. */
export function fillFromRow(row: unknown): Fill {
  const r = parse(fillRow, row, 'fills');
  return {
    orderId: toOrderId(r.order_id), execId: toExecId(r.exec_id), symbol: toSymbol(r.symbol), side: r.side,
    qty: r.qty, price: r.price, commission: r.commission, ts: r.ts,
  };
}

/** Returns the order intent stored as JSON in an `intents` row. */
export function intentFromJson(text: string): OrderIntent {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new RunnerError(JournalErrorCode.CORRUPT, 'journal intents row holds invalid JSON', { cause: error });
  }
  const r = parse(intentJson, raw, 'intents');
  return {
    id: toOrderId(r.id), symbol: toSymbol(r.symbol), side: r.side, qty: r.qty, type: r.type, tif: r.tif, tsCreated: r.tsCreated,
    ...(r.limitPrice === undefined ? {} : { limitPrice: r.limitPrice }),
    ...(r.stopPrice === undefined ? {} : { stopPrice: r.stopPrice }),
    ...(r.tag === undefined ? {} : { tag: r.tag }),
  };
}

/** Returns the kill-switch state stored in the `trading_state` row. */
export function tradingStateFromRow(row: unknown): JournalTradingState {
  return parse(stateRow, row, 'trading_state');
}
