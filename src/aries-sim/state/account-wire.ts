import { mulAmount, amountFromNumber, type Amount, type EpochMs } from '../../core/index.js';
import type { Ledger, Position } from '../../portfolio/index.js';
import { money, quantity, rfc3339 } from './wire-format.js';

/** What the balances body is computed from. */
export interface BalanceInputs {
  readonly accountId: string;
  readonly ledger: Ledger;
  readonly startOfDayCash: Amount;
  readonly pendingOrders: number;
  readonly valueBought: Amount;
  readonly valueSold: Amount;
  readonly now: EpochMs;
}

function unrealized(ledger: Ledger, p: Position): Amount {
  const mark = ledger.lastPrice(p.symbol);
  return mark === undefined ? 0n : mulAmount(p.qty, amountFromNumber(mark) - p.avgPrice);
}

/** Returns the balances body (aries-api.md §4.3, plus the SDK's `cashBalance`): decimal strings. */
export function balancesWire(b: BalanceInputs): Record<string, unknown> {
  const { ledger } = b;
  const realized = ledger.positions().reduce((sum, p) => sum + p.realizedPnl, 0n);
  const open = ledger.positions().reduce((sum, p) => sum + unrealized(ledger, p), 0n);
  const cash = ledger.cash;
  const buyingPower = cash > 0n ? cash : 0n;
  return {
    accountId: b.accountId, totalEquity: money(ledger.equity), cashBalance: money(cash), settledFunds: money(cash),
    unsettledFunds: '0.00', startOfDayCash: money(b.startOfDayCash), stockBuyingPower: money(buyingPower),
    netBuyingPower: money(buyingPower), dayTradeBuyingPower: money(buyingPower), optionBuyingPower: money(buyingPower),
    realizedPl: money(realized), unrealizedPl: money(open), maintReq: '0.00', grossMargin: '0.00', sma: '0', credit: '0',
    creditRemaining: '0', pdt: '0', pdtCreditRemaining: '0', pendingOrdersCount: b.pendingOrders,
    pendingOrdersMarginRequirements: '0.00', valueBought: money(b.valueBought), valueSold: money(b.valueSold),
    heldBackFunds: '0', sodPositionsMarketValue: '0.00', sodTtlEquity: money(b.startOfDayCash), sodTtlEquityUpdatedAt: rfc3339(b.now),
  };
}

/** Returns one position in the finance.dev shape (§4.4); `quantity` is signed. */
export function positionWire(accountId: string, ledger: Ledger, p: Position, createdAt: EpochMs): Record<string, unknown> {
  const mark = ledger.lastPrice(p.symbol);
  const value = mark === undefined ? mulAmount(p.qty, p.avgPrice) : mulAmount(p.qty, amountFromNumber(mark));
  return {
    accountId, symbol: p.symbol, instrument: 'EQUITY', quantity: quantity(p.qty), averagePrice: money(p.avgPrice),
    realizedPl: money(p.realizedPnl), unrealizedPl: money(unrealized(ledger, p)), dailyPl: '0.00', marketValue: money(value),
    createdAt: rfc3339(createdAt),
  };
}

/** Returns a flat (closed) position, sent on the socket when a position goes to zero. */
export function flatPositionWire(accountId: string, symbol: string, realized: Amount, ts: EpochMs): Record<string, unknown> {
  return {
    accountId, symbol, instrument: 'EQUITY', quantity: '0', averagePrice: '0.00', realizedPl: money(realized),
    unrealizedPl: '0.00', dailyPl: '0.00', marketValue: '0.00', createdAt: rfc3339(ts),
  };
}
