import { z } from 'zod';
import { decimalString, quantityString, rfc3339 } from './decimal.js';

const legSchema = z.object({
  symbol: z.string().optional(),
  side: z.string().optional(),
  ratioQty: decimalString.optional(),
  positionEffect: z.string().optional(),
  securityType: z.string().optional(),
  putCall: z.string().optional(),
  strikePrice: decimalString.optional(),
  maturity: z.string().optional(),
  avgPrice: decimalString.optional(),
});

/**
 * Raw order fields of both documented shapes: v2 (`qty`, `cumQty`, `type`, `timeInForce`,
 * `ordStatus`; also the `account.order` socket event, with `lastQty`/`lastPx`) and v1 legacy
 * (`quantity`, `filledQty`, `orderType`, `tif`, `status`, `orderId`).
 */
const rawOrderSchema = z.object({
  clOrdId: z.string().min(1),
  origClOrdId: z.string().optional(),
  ordId: z.string().optional(),
  orderId: z.string().optional(),
  accountId: z.string().optional(),
  clientId: z.string().optional(),
  symbol: z.string().min(1),
  side: z.string().optional(),
  type: z.string().optional(),
  orderType: z.string().optional(),
  timeInForce: z.string().optional(),
  tif: z.string().optional(),
  qty: quantityString.optional(),
  quantity: quantityString.optional(),
  price: decimalString.optional(),
  stopPrice: decimalString.optional(),
  ordStatus: z.string().optional(),
  status: z.string().optional(),
  cumQty: quantityString.optional(),
  filledQty: quantityString.optional(),
  leavesQty: quantityString.optional(),
  avgPrice: decimalString.optional(),
  lastQty: quantityString.optional(),
  lastPx: decimalString.optional(),
  text: z.string().optional(),
  ordRejReason: z.string().optional(),
  securityType: z.string().optional(),
  category: z.string().optional(),
  currency: z.string().optional(),
  legs: z.array(legSchema).nullable().optional(),
  createdAt: rfc3339.optional(),
  updatedAt: rfc3339.optional(),
});

/**
 * An order in any documented shape, normalised to the v2 field names. `qty` (or v1 `quantity`)
 * is required; quantities must not be negative; an empty price string means unset.
 */
export const orderSchema = rawOrderSchema
  .refine((o) => (o.qty ?? o.quantity) !== undefined, { message: 'order needs qty', path: ['qty'] })
  .transform((o) => ({
    clOrdId: o.clOrdId,
    origClOrdId: o.origClOrdId,
    ordId: o.ordId ?? o.orderId,
    accountId: o.accountId,
    symbol: o.symbol,
    side: o.side,
    type: o.type ?? o.orderType,
    timeInForce: o.timeInForce ?? o.tif,
    qty: o.qty ?? o.quantity ?? 0n,
    price: o.price,
    stopPrice: o.stopPrice,
    ordStatus: o.ordStatus ?? o.status,
    cumQty: o.cumQty ?? o.filledQty ?? 0n,
    leavesQty: o.leavesQty,
    avgPrice: o.avgPrice,
    lastQty: o.lastQty,
    lastPx: o.lastPx,
    text: o.text,
    ordRejReason: o.ordRejReason,
    securityType: o.securityType,
    legs: o.legs ?? [],
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
  }));

/** A parsed, normalised order. */
export type WireOrder = z.output<typeof orderSchema>;

/**
 * `GET /v2/accounts/{id}/orders` and `/orders/history`: `{orders, nextCursor}`. `orders` may be
 * null or missing (SDK) and becomes `[]`; a missing `nextCursor` becomes `0` (no more pages).
 */
export const ordersPageSchema = z
  .object({
    orders: z.array(orderSchema).nullable().optional(),
    nextCursor: z.number().int().nonnegative().optional(),
  })
  .transform((p) => ({ orders: p.orders ?? [], nextCursor: p.nextCursor ?? 0 }));

/** A parsed page of orders. */
export type OrdersPage = z.output<typeof ordersPageSchema>;

/** `GET /v1/accounts/{id}/orders` (legacy): `{orders, availability?}` or a bare array. */
export const ordersV1ResponseSchema = z.union([
  z.array(orderSchema),
  z.object({ orders: z.array(orderSchema).nullable() }).transform((r) => r.orders ?? []),
]);
