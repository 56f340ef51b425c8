import type { z } from 'zod';
import { cancelOrder, placeOrder, previewOrder, replaceOrder, type DeskContext } from '../state/order-desk.js';
import { describeIssues, requestAccount, simCancelSchema, simPlaceSchema, simReplaceSchema } from '../state/order-requests.js';
import type { SimAccount } from '../state/sim-account.js';
import { fail, type SimReply } from '../state/sim-reply.js';
import type { RouteContext, SimRoute } from './sim-route.js';
import type { SimServices } from './sim-services.js';

type Parsed<T> = { readonly value: T; readonly account: SimAccount } | { readonly reply: SimReply };

function parse<S extends z.ZodType<{ accountId?: string | undefined; tradingAccountId?: string | undefined }>>(
  s: SimServices, schema: S, c: RouteContext,
): Parsed<z.output<S>> {
  // PUT/DELETE /v1/orders/{id}: the path names the order (aries-api.md §5.3).
  const id = c.params['id'];
  const raw = id === undefined || typeof c.body !== 'object' || c.body === null ? c.body : { ...c.body, origClOrdId: id };
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { reply: fail(400, 'bad_request', `Invalid request parameters: ${describeIssues(parsed.error)}`) };
  const accountId = requestAccount(parsed.data) ?? '';
  if (accountId === '') return { reply: fail(400, 'bad_request', 'Invalid request parameters: accountId or tradingAccountId is required') };
  const account = s.broker.account(accountId);
  if (account === undefined) return { reply: fail(404, 'not_found', 'account not found') };
  return { value: parsed.data, account };
}

function desk(s: SimServices): DeskContext {
  return { clock: s.broker.clock, clOrdIds: s.broker.clOrdIds, ordIds: s.broker.ordIds, clientId: 'sim-client' };
}

/** Returns the order routes (aries-api.md §5), with the PUT/DELETE aliases of §5.3. */
export function orderRoutes(s: SimServices): SimRoute[] {
  const trading = { category: 'trading', bearer: true, scopes: ['order:execution'] } as const;
  const place = (c: RouteContext): SimReply => {
    const p = parse(s, simPlaceSchema, c);
    return 'reply' in p ? p.reply : placeOrder(desk(s), p.account, p.value, s.faults.takeRejection());
  };
  const preview = (c: RouteContext): SimReply => {
    const p = parse(s, simPlaceSchema, c);
    return 'reply' in p ? p.reply : previewOrder(desk(s), p.account, p.value);
  };
  const replace = (c: RouteContext): SimReply => {
    const p = parse(s, simReplaceSchema, c);
    return 'reply' in p ? p.reply : replaceOrder(desk(s), p.account, p.value);
  };
  const cancel = (c: RouteContext): SimReply => {
    const p = parse(s, simCancelSchema, c);
    return 'reply' in p ? p.reply : cancelOrder(desk(s), p.account, p.value);
  };
  return [
    { ...trading, method: 'POST', path: '/v1/orders', orderWrite: true, handle: place },
    { ...trading, method: 'POST', path: '/v1/orders/preview', handle: preview },
    { ...trading, method: 'POST', path: '/v1/orders/replace', orderWrite: true, handle: replace },
    { ...trading, method: 'PUT', path: '/v1/orders', orderWrite: true, handle: replace },
    { ...trading, method: 'PUT', path: '/v1/orders/{id}', orderWrite: true, handle: replace },
    { ...trading, method: 'POST', path: '/v1/orders/cancel', orderWrite: true, handle: cancel },
    { ...trading, method: 'DELETE', path: '/v1/orders', orderWrite: true, handle: cancel },
    { ...trading, method: 'DELETE', path: '/v1/orders/{id}', orderWrite: true, handle: cancel },
  ];
}
