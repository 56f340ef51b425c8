import { z } from 'zod';
import { toSymbol } from '../../core/index.js';
import type { Amount, Symbol } from '../../core/index.js';
import { decimalString, requiredDecimal } from './decimal.js';

/**
 * One position. Accepts the finance.dev revision (`instrument`, `realizedPl`, `dailyPl`,
 * `marketValue`), the other revision and SDK (`securityType`, `todayRealizedPnL`, `todayPl`,
 * `costBasis`, `price`) and the legacy bare shape (`pnlToday`, `buyingPowerUsed`). `symbol` and
 * `quantity` are required; `quantity` is signed (negative = short).
 */
export const positionSchema = z.object({
  accountId: z.string().optional(),
  symbol: z.string().min(1),
  quantity: requiredDecimal,
  averagePrice: decimalString.optional(),
  instrument: z.string().optional(),
  securityType: z.string().optional(),
  realizedPl: decimalString.optional(),
  todayRealizedPnL: decimalString.optional(),
  unrealizedPl: decimalString.optional(),
  dailyPl: decimalString.optional(),
  todayPl: decimalString.optional(),
  pnlToday: decimalString.optional(),
  marketValue: decimalString.optional(),
  costBasis: decimalString.optional(),
  price: decimalString.optional(),
  createdAt: z.string().optional(),
});

/** A parsed position. */
export type WirePosition = z.output<typeof positionSchema>;

/**
 * `GET /v1/accounts/{id}/positions`: `{positions:[...], availability?}`, a missing `positions`
 * (the SDK marks it optional) or the legacy bare array. Output is always the list.
 */
export const positionsResponseSchema = z.union([
  z.array(positionSchema),
  z
    .object({
      positions: z.array(positionSchema).nullable().optional(),
      availability: z.object({ available: z.boolean(), source: z.string().optional() }).optional(),
    })
    .transform((r) => r.positions ?? []),
]);

/** A position as the runner sees it. */
export interface PositionRecord {
  readonly symbol: Symbol;
  /** Signed quantity: negative for a short position. */
  readonly qty: Amount;
  /** Average entry price; zero when Aries sent none. */
  readonly avgPrice: Amount;
}

/** Returns the runner's view of a wire position. */
export function mapPosition(p: WirePosition): PositionRecord {
  return { symbol: toSymbol(p.symbol), qty: p.quantity, avgPrice: p.averagePrice ?? 0n };
}
