import { z } from 'zod';
import { RunnerError, formatAmount, intentShapeProblem } from '../../core/index.js';
import type { OrderIntent } from '../../core/index.js';
import { decimalString, quantityString, requiredDecimal, rfc3339 } from './decimal.js';

/** Order sides Aries accepts. */
export const ARIES_SIDES = ['BUY', 'SELL', 'SELL_SHORT', 'BUY_TO_COVER'] as const;
/** Order types Aries accepts. */
export const ARIES_ORDER_TYPES = ['MARKET', 'LIMIT', 'STOP', 'STOP_LIMIT'] as const;
/** Time-in-force values Aries accepts on requests (the SDK's `OrderRequestTimeInForceEnum`). */
export const ARIES_TIFS = ['DAY', 'GTC', 'IOC', 'FOK', 'EXTENDED_HOURS', 'AT_THE_OPENING', 'AT_THE_CLOSE', 'ATO', 'ATC', 'EXT'] as const;

const requestLegSchema = z.object({
  securityType: z.string(),
  side: z.string(),
  ratioQty: requiredDecimal,
  positionEffect: z.string(),
  putCall: z.string().optional(),
  strikePrice: decimalString.optional(),
  maturity: z.string().optional(),
  symbol: z.string().optional(),
});

/** Fields shared by place and preview requests (aries-api.md §5.1, SDK `PlaceOrdRequest`). */
const placeFields = z.object({
  accountId: z.string().min(1).max(50).optional(),
  tradingAccountId: z.string().min(1).max(50).optional(),
  symbol: z.string().min(1).max(21),
  side: z.enum(ARIES_SIDES),
  type: z.enum(ARIES_ORDER_TYPES),
  qty: requiredDecimal.refine((q) => q > 0n, 'qty must be positive'),
  timeInForce: z.enum(ARIES_TIFS),
  price: decimalString.optional(),
  stopPrice: decimalString.optional(),
  clientId: z.string().max(50).optional(),
  currency: z.string().length(3).optional(),
  exDestination: z.string().max(10).optional(),
  legs: z.array(requestLegSchema).max(4).optional(),
});

/**
 * A place (or preview) request body as the server checks it: an account under `accountId` or
 * `tradingAccountId`, and the price fields its type needs (`price` for LIMIT and STOP_LIMIT,
 * `stopPrice` for STOP and STOP_LIMIT).
 */
export const placeOrderRequestSchema = placeFields.superRefine((r, ctx) => {
  if (r.accountId === undefined && r.tradingAccountId === undefined) {
    ctx.addIssue({ code: 'custom', message: 'accountId or tradingAccountId is required', path: ['accountId'] });
  }
  const needsPrice = r.type === 'LIMIT' || r.type === 'STOP_LIMIT';
  const needsStop = r.type === 'STOP' || r.type === 'STOP_LIMIT';
  if (needsPrice && r.price === undefined) ctx.addIssue({ code: 'custom', message: `${r.type} needs price`, path: ['price'] });
  if (needsStop && r.stopPrice === undefined) ctx.addIssue({ code: 'custom', message: `${r.type} needs stopPrice`, path: ['stopPrice'] });
});

/** A parsed place request. */
export type PlaceOrderRequest = z.output<typeof placeOrderRequestSchema>;

/**
 * The place acknowledgement (aries-api.md §5.1, SDK `OrdResponse`). `success` and `clOrdId` are
 * required: without them the runner cannot know what happened.
 */
export const placeOrderResponseSchema = z.object({
  success: z.boolean(),
  clOrdId: z.string().optional(),
  status: z.string().optional(),
  symbol: z.string().optional(),
  side: z.string().optional(),
  qty: quantityString.optional(),
  cumQty: quantityString.optional(),
  leavesQty: quantityString.optional(),
  avgPrice: decimalString.optional(),
  text: z.string().optional(),
  ordRejReason: z.string().optional(),
  transactTime: rfc3339.optional(),
}).refine((r) => !r.success || (r.clOrdId !== undefined && r.clOrdId !== ''), { message: 'accepted order needs clOrdId', path: ['clOrdId'] });

/** A parsed place acknowledgement. */
export type PlaceOrderResponse = z.output<typeof placeOrderResponseSchema>;

/** The JSON body the client sends to place or preview an order. */
export interface PlaceOrderBody {
  readonly accountId?: string;
  readonly tradingAccountId?: string;
  readonly symbol: string;
  readonly side: 'BUY' | 'SELL';
  readonly type: (typeof ARIES_ORDER_TYPES)[number];
  readonly qty: string;
  readonly timeInForce: 'DAY' | 'GTC' | 'IOC' | 'FOK';
  readonly price?: string;
  readonly stopPrice?: string;
}

/** How the client names the account on requests. */
export interface RequestAccount {
  readonly accountId: string;
  /** Field name; default `accountId` (aries-api.md §5.1). */
  readonly field?: 'accountId' | 'tradingAccountId';
}

/**
 * Returns the place/preview body for an intent: core side, type and time in force carry over by
 * name, amounts become decimal strings, and only the price fields the type takes are sent (a
 * `stopPrice` on a plain LIMIT would turn it into a stop-limit). Throws
 * `ARIES_ERR_BAD_INTENT` for a malformed intent.
 */
export function intentToPlaceBody(intent: OrderIntent, account: RequestAccount): PlaceOrderBody {
  const problem = intentShapeProblem(intent);
  if (problem !== undefined) throw new RunnerError('ARIES_ERR_BAD_INTENT', `order ${intent.id}: ${problem}`);
  const accountField = account.field ?? 'accountId';
  return {
    [accountField]: account.accountId,
    symbol: intent.symbol,
    side: intent.side,
    type: intent.type,
    qty: formatAmount(intent.qty),
    timeInForce: intent.tif,
    ...(intent.limitPrice === undefined ? {} : { price: formatAmount(intent.limitPrice) }),
    ...(intent.stopPrice === undefined ? {} : { stopPrice: formatAmount(intent.stopPrice) }),
  };
}
