import { z } from 'zod';
import { decimalString, quantityString, rfc3339 } from './decimal.js';
import { ARIES_ORDER_TYPES, ARIES_SIDES, ARIES_TIFS } from './place.js';

function hasAccount(r: { accountId?: string | undefined; tradingAccountId?: string | undefined }): boolean {
  return r.accountId !== undefined || r.tradingAccountId !== undefined;
}
const accountIssue = { message: 'accountId or tradingAccountId is required', path: ['accountId'] };

/** `POST /v1/orders/replace` body (aries-api.md §5.3, SDK `ReplaceOrdRequest`). */
export const replaceOrderRequestSchema = z
  .object({
    origClOrdId: z.string().min(1).max(100),
    accountId: z.string().min(1).max(50).optional(),
    tradingAccountId: z.string().min(1).max(50).optional(),
    symbol: z.string().min(1),
    side: z.enum(ARIES_SIDES).optional(),
    type: z.enum(ARIES_ORDER_TYPES).optional(),
    qty: quantityString.refine((q) => q === undefined || q > 0n, 'qty must be positive').optional(),
    price: decimalString.optional(),
    stopPrice: decimalString.optional(),
    timeInForce: z.enum(ARIES_TIFS).optional(),
    clientId: z.string().max(50).optional(),
  })
  .refine(hasAccount, accountIssue);

/** A parsed replace request. */
export type ReplaceOrderRequest = z.output<typeof replaceOrderRequestSchema>;

/** The replace acknowledgement: a new `clOrdId` replaces `origClOrdId`. */
export const replaceOrderResponseSchema = z.object({
  success: z.boolean(),
  clOrdId: z.string().optional(),
  origClOrdId: z.string().optional(),
  status: z.string().optional(),
  qty: quantityString.optional(),
  price: decimalString.optional(),
  text: z.string().optional(),
  transactTime: rfc3339.optional(),
});

/** A parsed replace acknowledgement. */
export type ReplaceOrderResponse = z.output<typeof replaceOrderResponseSchema>;

/**
 * `POST /v1/orders/cancel` body. The SDK makes `side` required (aries-api.md says optional);
 * we follow the SDK and the client always sends it.
 */
export const cancelOrderRequestSchema = z
  .object({
    origClOrdId: z.string().min(1).max(100),
    accountId: z.string().min(1).max(50).optional(),
    tradingAccountId: z.string().min(1).max(50).optional(),
    symbol: z.string().min(1),
    side: z.enum(ARIES_SIDES),
    securityType: z.string().optional(),
    putCall: z.string().optional(),
    strikePrice: decimalString.optional(),
    maturity: z.string().optional(),
  })
  .refine(hasAccount, accountIssue);

/** A parsed cancel request. */
export type CancelOrderRequest = z.output<typeof cancelOrderRequestSchema>;

/** The cancel acknowledgement (`status:"CANCELED"`, one L). */
export const cancelOrderResponseSchema = z.object({
  success: z.boolean(),
  clOrdId: z.string().optional(),
  origClOrdId: z.string().optional(),
  status: z.string().optional(),
  text: z.string().optional(),
});

/** A parsed cancel acknowledgement. */
export type CancelOrderResponse = z.output<typeof cancelOrderResponseSchema>;
