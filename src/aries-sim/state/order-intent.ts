import { OrderSide, TimeInForce, toOrderId, toSymbol, type Amount, type EpochMs, type OrderIntent } from '../../core/index.js';
import type { SimOrder } from './sim-order.js';

function coreSide(side: string): OrderSide {
  return side === 'BUY' || side === 'BUY_TO_COVER' ? OrderSide.BUY : OrderSide.SELL;
}

function coreTif(tif: string): TimeInForce {
  switch (tif) {
    case 'GTC':
    case 'IOC':
    case 'FOK':
      return tif;
    default:
      // Extended-hours and auction values have no core equivalent; they live for the day.
      return TimeInForce.DAY;
  }
}

function coreType(type: string): OrderIntent['type'] {
  return type === 'LIMIT' || type === 'STOP' || type === 'STOP_LIMIT' ? type : 'MARKET';
}

/** Returns the venue intent for a simulator order; `qty` is what is left to work (a replace keeps earlier fills). */
export function intentFor(o: SimOrder, qty: Amount, now: EpochMs): OrderIntent {
  return {
    id: toOrderId(o.clOrdId),
    symbol: toSymbol(o.symbol),
    side: coreSide(o.side),
    qty,
    type: coreType(o.type),
    tif: coreTif(o.timeInForce),
    ...(o.price === undefined ? {} : { limitPrice: o.price }),
    ...(o.stopPrice === undefined ? {} : { stopPrice: o.stopPrice }),
    tsCreated: now,
  };
}
