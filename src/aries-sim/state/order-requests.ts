import { z } from 'zod';
import { parseAmount, type Amount } from '../../core/index.js';

const decimal = z.union([z.string(), z.number()]).transform((v, ctx): Amount | undefined => {
  if (v === '') return undefined;
  const parsed = typeof v === 'number' ? parseAmount(String(v)) : /^[+-]?\d+(\.\d+)?$/.test(v) ? parseAmount(v) : undefined;
  if (parsed === undefined) {
    ctx.addIssue({ code: 'custom', message: 'must be a decimal string' });
    return z.NEVER;
  }
  return parsed;
});
const positive = decimal.refine((v) => v === undefined || v > 0n, 'must be positive');
const account = { accountId: z.string().min(1).max(50).optional(), tradingAccountId: z.string().min(1).max(50).optional() };
const SIDES = ['BUY', 'SELL', 'SELL_SHORT', 'BUY_TO_COVER'] as const;
const TYPES = ['MARKET', 'LIMIT', 'STOP', 'STOP_LIMIT'] as const;
const TIFS = ['DAY', 'GTC', 'IOC', 'FOK', 'EXTENDED_HOURS', 'AT_THE_OPENING', 'AT_THE_CLOSE', 'ATO', 'ATC', 'EXT'] as const;

/** A place or preview body as the simulator checks it (aries-api.md §5.1). */
export const simPlaceSchema = z
  .object({
    ...account,
    symbol: z.string().min(1).max(21),
    side: z.enum(SIDES),
    type: z.enum(TYPES),
    qty: positive.refine((v) => v !== undefined, 'is required'),
    timeInForce: z.enum(TIFS),
    price: positive.optional(),
    stopPrice: positive.optional(),
    clientId: z.string().max(50).optional(),
  })
  .superRefine((r, ctx) => {
    const needsPrice = r.type === 'LIMIT' || r.type === 'STOP_LIMIT';
    const needsStop = r.type === 'STOP' || r.type === 'STOP_LIMIT';
    if (needsPrice !== (r.price !== undefined)) ctx.addIssue({ code: 'custom', path: ['price'], message: needsPrice ? `${r.type} needs price` : `${r.type} takes no price` });
    if (needsStop !== (r.stopPrice !== undefined)) ctx.addIssue({ code: 'custom', path: ['stopPrice'], message: needsStop ? `${r.type} needs stopPrice` : `${r.type} takes no stopPrice` });
  });

/** A checked place request. */
export type SimPlaceRequest = z.output<typeof simPlaceSchema>;

/** A replace body (§5.3); the path value of `PUT /v1/orders/{id}` may supply `origClOrdId`. */
export const simReplaceSchema = z.object({
  ...account,
  origClOrdId: z.string().min(1).max(100),
  symbol: z.string().min(1),
  side: z.enum(SIDES).optional(),
  type: z.enum(TYPES).optional(),
  qty: positive.optional(),
  price: positive.optional(),
  stopPrice: positive.optional(),
  timeInForce: z.enum(TIFS).optional(),
  clientId: z.string().max(50).optional(),
});

/** A checked replace request. */
export type SimReplaceRequest = z.output<typeof simReplaceSchema>;

/** A cancel body (§5.3); `side` is optional here, as aries-api.md says. */
export const simCancelSchema = z.object({
  ...account,
  origClOrdId: z.string().min(1).max(100),
  symbol: z.string().min(1),
  side: z.enum(SIDES).optional(),
});

/** A checked cancel request. */
export type SimCancelRequest = z.output<typeof simCancelSchema>;

/** Returns the account a request names (`accountId` or `tradingAccountId`), or `undefined`. */
export function requestAccount(r: { readonly accountId?: string | undefined; readonly tradingAccountId?: string | undefined }): string | undefined {
  return r.accountId ?? r.tradingAccountId;
}

/** Returns a one-line description of a zod failure naming fields only (never values). */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length > 0 ? i.path.map(String).join('.') : 'body'}: ${i.message}`)
    .join('; ');
}
