import { OrderSide, OrderType, TimeInForce, toSymbol, toVenueOrderId } from '../../core/index.js';
import type { Amount, EpochMs, OrderStatus, Symbol, VenueOrderId } from '../../core/index.js';
import { isoToEpochMs } from './decimal.js';
import { isTerminalAriesStatus, mapOrderStatus } from './order-status.js';
import type { WireOrder } from './orders.js';

/** An Aries order in core vocabulary. Keys are always present; `undefined` means Aries did not say. */
export interface AriesOrderRecord {
  /** The server's `clOrdId`: the handle for cancel, replace and socket events. */
  readonly venueOrderId: VenueOrderId;
  /** The `clOrdId` this order replaced, when it came from a replace. */
  readonly origVenueOrderId: VenueOrderId | undefined;
  readonly accountId: string | undefined;
  readonly symbol: Symbol;
  readonly side: OrderSide | undefined;
  readonly type: OrderType | undefined;
  readonly tif: TimeInForce | undefined;
  readonly qty: Amount;
  readonly limitPrice: Amount | undefined;
  readonly stopPrice: Amount | undefined;
  /** Core status, or `undefined` for a transient or unknown Aries status (keep the current one). */
  readonly status: OrderStatus | undefined;
  /** The status text Aries sent, for logs and reconciliation. */
  readonly rawStatus: string | undefined;
  readonly terminal: boolean;
  readonly filledQty: Amount;
  readonly leavesQty: Amount | undefined;
  /** Volume-weighted average fill price; zero before the first fill. */
  readonly avgFillPrice: Amount;
  readonly lastQty: Amount | undefined;
  readonly lastPx: Amount | undefined;
  /** `ordRejReason`, else `text`, when non-empty. */
  readonly reason: string | undefined;
  readonly tsCreated: EpochMs | undefined;
  readonly tsUpdated: EpochMs | undefined;
}

/** Returns the core side for an Aries side; `SELL_SHORT` is a sell and `BUY_TO_COVER` a buy. */
export function mapSide(raw: string | undefined): OrderSide | undefined {
  switch (raw?.toUpperCase()) {
    case 'BUY':
    case 'BUY_TO_COVER':
    case 'B':
      return OrderSide.BUY;
    case 'SELL':
    case 'SELL_SHORT':
    case 'S':
      return OrderSide.SELL;
    default:
      return undefined;
  }
}

/** Returns the core order type for an Aries type (legacy `STOPMARKET`/`STOPLIMIT` included). */
export function mapOrderType(raw: string | undefined): OrderType | undefined {
  switch (raw?.toUpperCase()) {
    case 'MARKET':
      return OrderType.MARKET;
    case 'LIMIT':
      return OrderType.LIMIT;
    case 'STOP':
    case 'STOPMARKET':
      return OrderType.STOP;
    case 'STOP_LIMIT':
    case 'STOPLIMIT':
      return OrderType.STOP_LIMIT;
    default:
      return undefined;
  }
}

/** Returns the core time in force, or `undefined` for Aries-only values such as `EXTENDED_HOURS`. */
export function mapTimeInForce(raw: string | undefined): TimeInForce | undefined {
  const upper = raw?.toUpperCase();
  return upper === 'DAY' || upper === 'GTC' || upper === 'IOC' || upper === 'FOK' ? upper : undefined;
}

function nonEmpty(text: string | undefined): string | undefined {
  return text === undefined || text === '' ? undefined : text;
}

/** Returns the core view of a parsed Aries order (REST v1/v2 or an `account.order` event). */
export function mapOrder(o: WireOrder): AriesOrderRecord {
  const origin = nonEmpty(o.origClOrdId);
  return {
    venueOrderId: toVenueOrderId(o.clOrdId),
    origVenueOrderId: origin === undefined ? undefined : toVenueOrderId(origin),
    accountId: o.accountId,
    symbol: toSymbol(o.symbol),
    side: mapSide(o.side),
    type: mapOrderType(o.type),
    tif: mapTimeInForce(o.timeInForce),
    qty: o.qty,
    limitPrice: o.price,
    stopPrice: o.stopPrice,
    status: mapOrderStatus(o.ordStatus),
    rawStatus: o.ordStatus,
    terminal: isTerminalAriesStatus(o.ordStatus),
    filledQty: o.cumQty,
    leavesQty: o.leavesQty,
    avgFillPrice: o.avgPrice ?? 0n,
    lastQty: o.lastQty,
    lastPx: o.lastPx,
    reason: nonEmpty(o.ordRejReason) ?? nonEmpty(o.text),
    tsCreated: isoToEpochMs(o.createdAt),
    tsUpdated: isoToEpochMs(o.updatedAt),
  };
}
