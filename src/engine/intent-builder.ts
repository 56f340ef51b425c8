import {
  amountFromNumber, toOrderId, toSymbol, ZERO,
  type Amount, type EpochMs, type OrderIntent, type OrderType,
} from '../core/index.js';
import type { OrderRequest } from '../strategy/index.js';

/**
 * Returns the order intent for a strategy's request. A quantity or price that is not a finite
 * number becomes zero, so the gate's shape check denies it with INVALID_ORDER instead of the
 * strategy crashing.
 */
export function buildIntent(id: string, request: OrderRequest, now: EpochMs): OrderIntent {
  const type: OrderType = request.limit !== undefined
    ? (request.stop !== undefined ? 'STOP_LIMIT' : 'LIMIT')
    : request.stop !== undefined ? 'STOP' : 'MARKET';
  return {
    id: toOrderId(id),
    symbol: toSymbol(request.symbol),
    side: request.side,
    qty: safeAmount(request.qty),
    type,
    tif: request.tif ?? 'DAY',
    tsCreated: now,
    ...(request.limit !== undefined ? { limitPrice: safeAmount(request.limit) } : {}),
    ...(request.stop !== undefined ? { stopPrice: safeAmount(request.stop) } : {}),
    ...(request.tag !== undefined ? { tag: request.tag } : {}),
  };
}

function safeAmount(value: number): Amount {
  return typeof value === 'number' && Number.isFinite(value) ? amountFromNumber(value) : ZERO;
}
