import { z } from 'zod';
import type { Amount } from '../../core/index.js';
import { decimalString } from './decimal.js';

/**
 * Account balances: `GET /v1/accounts/{id}/balances` (aries-api.md §4.3) and the SDK's
 * `AccountBalanceV2` (`GET /v2/accounts/{id}/balance`). Every money field is an optional decimal
 * string; `pendingOrdersCount` is an integer. Fields not listed are stripped.
 */
export const balancesSchema = z.object({
  accountId: z.string().optional(),
  totalEquity: decimalString.optional(),
  balance: decimalString.optional(),
  cashBalance: decimalString.optional(),
  settledFunds: decimalString.optional(),
  unsettledFunds: decimalString.optional(),
  startOfDayCash: decimalString.optional(),
  stockBuyingPower: decimalString.optional(),
  netBuyingPower: decimalString.optional(),
  dayTradeBuyingPower: decimalString.optional(),
  optionBuyingPower: decimalString.optional(),
  realizedPl: decimalString.optional(),
  unrealizedPl: decimalString.optional(),
  maintReq: decimalString.optional(),
  sodTtlEquity: decimalString.optional(),
  sodPositionsMarketValue: decimalString.optional(),
  pendingOrdersCount: z.number().int().nonnegative().optional(),
  pendingOrdersMarginRequirements: decimalString.optional(),
  sodTtlEquityUpdatedAt: z.string().optional(),
});

/** A parsed balances body. */
export type WireBalances = z.output<typeof balancesSchema>;

/** The three balance figures the runner uses. A figure is `undefined` when Aries sent none of its sources. */
export interface AccountBalances {
  readonly cash: Amount | undefined;
  readonly equity: Amount | undefined;
  readonly buyingPower: Amount | undefined;
}

/**
 * Returns cash, equity and buying power. Cash is `cashBalance` when sent (SDK), else
 * `settledFunds + unsettledFunds`; equity is `totalEquity`, else `balance`; buying power is
 * `stockBuyingPower`, else `netBuyingPower`.
 */
export function mapBalances(b: WireBalances): AccountBalances {
  const funds =
    b.settledFunds === undefined && b.unsettledFunds === undefined
      ? undefined
      : (b.settledFunds ?? 0n) + (b.unsettledFunds ?? 0n);
  return {
    cash: b.cashBalance ?? funds,
    equity: b.totalEquity ?? b.balance,
    buyingPower: b.stockBuyingPower ?? b.netBuyingPower,
  };
}
