import { mulAmount, type Amount } from '../../core/index.js';
import type { Clock, IdGenerator } from '../../time/index.js';
import { intentFor } from './order-intent.js';
import type { SimCancelRequest, SimPlaceRequest, SimReplaceRequest } from './order-requests.js';
import type { SimAccount } from './sim-account.js';
import { averagePrice, isWorking, type SimOrder } from './sim-order.js';
import { fail, ok, type SimReply } from './sim-reply.js';
import { money, quantity, rfc3339 } from './wire-format.js';

/** What the order desk needs besides the account. */
export interface DeskContext {
  readonly clock: Clock;
  readonly clOrdIds: IdGenerator;
  readonly ordIds: IdGenerator;
  readonly clientId: string;
}

function newOrder(ctx: DeskContext, accountId: string, r: SimPlaceRequest, origClOrdId?: string, ids?: readonly [string, string]): SimOrder {
  const now = ctx.clock.now();
  const [clOrdId, ordId] = ids ?? [ctx.clOrdIds.next(), ctx.ordIds.next()];
  return {
    clOrdId, ordId, origClOrdId, accountId, clientId: r.clientId ?? ctx.clientId,
    symbol: r.symbol.toUpperCase(), side: r.side, type: r.type, timeInForce: r.timeInForce, qty: r.qty ?? 0n,
    price: r.price, stopPrice: r.stopPrice, status: 'NEW', cumQty: 0n, cost: 0n, lastQty: undefined, lastPx: undefined,
    text: '', ordRejReason: '', createdAt: now, updatedAt: now,
  };
}

function placeAck(o: SimOrder, success: boolean): SimReply {
  return ok({
    success, clOrdId: o.clOrdId, status: o.status === 'REJECTED' ? 'REJECTED' : 'NEW', symbol: o.symbol, side: o.side,
    qty: quantity(o.qty), cumQty: quantity(o.cumQty), leavesQty: quantity(success ? o.qty - o.cumQty : 0n),
    avgPrice: money(averagePrice(o)), text: success ? 'Order accepted' : o.text, ordRejReason: o.ordRejReason,
    transactTime: rfc3339(o.updatedAt),
  });
}

function buyingPowerProblem(account: SimAccount, o: SimOrder): string | undefined {
  if (o.side !== 'BUY' && o.side !== 'BUY_TO_COVER') return undefined;
  const preview = account.venue.preview(intentFor(o, o.qty, o.createdAt));
  if (!preview.ok) return undefined;
  return preview.buyingPowerImpact > account.ledger.cash ? 'insufficient buying power' : undefined;
}

/** Places an order: a 200 acknowledgement, `success:false` + a REJECTED event when refused (`rejectReason` forces that). */
export function placeOrder(ctx: DeskContext, account: SimAccount, r: SimPlaceRequest, rejectReason?: string): SimReply {
  const o = newOrder(ctx, account.id, r);
  account.addOrder(o);
  const reason = rejectReason ?? buyingPowerProblem(account, o);
  if (reason !== undefined) {
    o.status = 'REJECTED';
    o.text = reason;
    o.ordRejReason = reason;
    account.publishOrder(o);
    return placeAck(o, false);
  }
  account.venue.submit(intentFor(o, o.qty, o.createdAt));
  return placeAck(o, true);
}

/** Returns the preview body (aries-api.md §5.2) from the venue's own preview. */
export function previewOrder(ctx: DeskContext, account: SimAccount, r: SimPlaceRequest): SimReply {
  const o = newOrder(ctx, account.id, r, undefined, ['preview', 'preview']);
  const p = account.venue.preview(intentFor(o, o.qty, o.createdAt));
  if (!p.ok) return fail(400, 'bad_request', p.reason);
  return ok({
    estimatedCost: money(p.estimatedCost), estimatedMargin: '0.00', commission: money(p.commission), fees: '0.00',
    buyingPowerImpact: money(p.buyingPowerImpact), numDayTrades: 0, warnRuleId: '0', errors: [], warnings: [],
  });
}

type Found = { readonly order: SimOrder } | { readonly reply: SimReply };

function findWorking(account: SimAccount, clOrdId: string, symbol: string): Found {
  const o = account.order(clOrdId);
  if (o === undefined || o.symbol !== symbol.toUpperCase()) return { reply: fail(404, 'not_found', `order ${clOrdId} not found`) };
  return isWorking(o) ? { order: o } : { reply: fail(400, 'bad_request', 'order not cancelable') };
}

/** Cancels a working order; the CANCELED state arrives as an account event. */
export function cancelOrder(ctx: DeskContext, account: SimAccount, r: SimCancelRequest): SimReply {
  const found = findWorking(account, r.origClOrdId, r.symbol);
  if ('reply' in found) return found.reply;
  const o = found.order;
  account.venue.cancel(intentFor(o, o.qty, o.createdAt).id);
  return ok({ success: true, clOrdId: ctx.clOrdIds.next(), origClOrdId: o.clOrdId, status: 'CANCELED', text: 'Cancel request processed' });
}

/**
 * Replaces a working order (FIX cancel/replace): the old record becomes SUPERSEDED, a new order
 * with a new `clOrdId` keeps the old fills and works the rest.
 */
export function replaceOrder(ctx: DeskContext, account: SimAccount, r: SimReplaceRequest): SimReply {
  const found = findWorking(account, r.origClOrdId, r.symbol);
  if ('reply' in found) return found.reply;
  const old = found.order;
  const qty: Amount = r.qty ?? old.qty;
  if (qty <= old.cumQty) return fail(400, 'bad_request', 'qty must exceed the quantity already filled');
  const type = r.type ?? old.type;
  const price = type === 'LIMIT' || type === 'STOP_LIMIT' ? r.price ?? old.price : undefined;
  const stopPrice = type === 'STOP' || type === 'STOP_LIMIT' ? r.stopPrice ?? old.stopPrice : undefined;
  if ((type === 'LIMIT' || type === 'STOP_LIMIT') && price === undefined) return fail(400, 'bad_request', `${type} needs price`);
  if ((type === 'STOP' || type === 'STOP_LIMIT') && stopPrice === undefined) return fail(400, 'bad_request', `${type} needs stopPrice`);
  const next = newOrder(ctx, account.id, {
    symbol: old.symbol, side: r.side ?? (old.side as SimPlaceRequest['side']), type: type as SimPlaceRequest['type'], qty,
    timeInForce: r.timeInForce ?? (old.timeInForce as SimPlaceRequest['timeInForce']), price, stopPrice, clientId: old.clientId,
  }, old.clOrdId);
  next.cumQty = old.cumQty;
  next.cost = mulAmount(old.cumQty, averagePrice(old));
  if (next.cumQty > 0n) next.status = 'PARTIALLY_FILLED';
  old.status = 'SUPERSEDED';
  old.updatedAt = ctx.clock.now();
  account.venue.cancel(intentFor(old, old.qty, old.createdAt).id);
  account.addOrder(next);
  account.venue.submit(intentFor(next, qty - next.cumQty, next.createdAt));
  return ok({
    success: true, clOrdId: next.clOrdId, origClOrdId: old.clOrdId, status: 'REPLACED', qty: quantity(next.qty),
    price: next.price === undefined ? '' : money(next.price), text: 'Replace request processed', transactTime: rfc3339(next.createdAt),
  });
}
