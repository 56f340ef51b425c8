import { z } from 'zod';
import { balancesSchema } from './balances.js';
import type { WireBalances } from './balances.js';
import { orderSchema } from './orders.js';
import type { WireOrder } from './orders.js';
import { parseWire } from './parse-wire.js';
import type { WireResult } from './parse-wire.js';
import { positionSchema } from './positions.js';
import type { WirePosition } from './positions.js';
import type { WsEventPayload } from './ws-envelope.js';

/**
 * An account-socket `subscribe` payload. The SDK sends `{topic, params:{accountId}}`;
 * aries-api.md's inferred shape used `data`. Topic aliases (`accUpdates`, …) are accepted.
 */
export const accountSubscribePayloadSchema = z.object({
  topic: z.enum(['account', 'accUpdates', 'pnl', 'pnlCandle', 'watchlist', 'watchlistUpdates', 'news']),
  params: z.object({ accountId: z.string().min(1).optional() }).optional(),
  data: z.object({ accountId: z.string().min(1).optional() }).optional(),
});

/** Returns the subscribe message for account updates, in the SDK's `params` form. */
export function accountSubscribe(id: string, accountId: string): { type: 'subscribe'; id: string; payload: z.input<typeof accountSubscribePayloadSchema> } {
  return { type: 'subscribe', id, payload: { topic: 'account', params: { accountId } } };
}

/**
 * The initial snapshot: aries-api.md's `{accountId, orders, positions, balance}` or the SDK's
 * `{account, positions, ordersV2}`; normalised to `{orders, positions, balance}`.
 */
export const accountSnapshotSchema = z
  .object({
    orders: z.array(orderSchema).nullable().optional(),
    ordersV2: z.array(orderSchema).nullable().optional(),
    positions: z.array(positionSchema).nullable().optional(),
    balance: balancesSchema.optional(),
    account: balancesSchema.optional(),
  })
  .transform((s) => ({
    orders: s.ordersV2 ?? s.orders ?? [],
    positions: s.positions ?? [],
    balance: s.balance ?? s.account,
  }));

/** An account-socket event the runner understands. */
export type AccountEvent =
  | { readonly kind: 'order'; readonly order: WireOrder }
  | { readonly kind: 'position'; readonly position: WirePosition }
  | { readonly kind: 'balance'; readonly balances: WireBalances }
  | { readonly kind: 'snapshot'; readonly orders: readonly WireOrder[]; readonly positions: readonly WirePosition[]; readonly balance: WireBalances | undefined }
  | { readonly kind: 'other'; readonly label: string };

/** Returns the event kind from `type` (`account.order`) or the SDK's `name` (`order`). */
function eventLabel(p: WsEventPayload): string {
  const raw = p.type ?? p.name ?? p.topic ?? p.action ?? '';
  return raw.startsWith('account.') ? raw.slice('account.'.length) : raw;
}

/** Returns the account event a payload carries, `other` for kinds the runner ignores, or a problem. */
export function parseAccountEvent(p: WsEventPayload): WireResult<AccountEvent> {
  if (p.action === 'snapshot') {
    const r = parseWire(accountSnapshotSchema, p.data, 'account snapshot');
    return r.ok ? { ok: true, value: { kind: 'snapshot', ...r.value } } : r;
  }
  const label = eventLabel(p);
  switch (label) {
    case 'order':
    case 'orders': {
      const r = parseWire(orderSchema, p.data, 'account.order event');
      return r.ok ? { ok: true, value: { kind: 'order', order: r.value } } : r;
    }
    case 'position': {
      const r = parseWire(positionSchema, p.data, 'account.position event');
      return r.ok ? { ok: true, value: { kind: 'position', position: r.value } } : r;
    }
    case 'balance': {
      const r = parseWire(balancesSchema, p.data, 'account.balance event');
      return r.ok ? { ok: true, value: { kind: 'balance', balances: r.value } } : r;
    }
    default:
      return { ok: true, value: { kind: 'other', label } };
  }
}
