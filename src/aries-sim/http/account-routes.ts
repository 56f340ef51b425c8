import { fail, ok, type SimReply } from '../state/sim-reply.js';
import type { SimAccount } from '../state/sim-account.js';
import { isWorking, orderV1, type SimOrder } from '../state/sim-order.js';
import { rfc3339 } from '../state/wire-format.js';
import type { RouteContext, SimRoute } from './sim-route.js';
import type { SimServices } from './sim-services.js';
import { pageOrders } from './order-paging.js';

const USER_ID = 1;

function withAccount(s: SimServices, c: RouteContext, read: (a: SimAccount) => SimReply): SimReply {
  const account = s.broker.account(c.params['id'] ?? '');
  return account === undefined ? fail(404, 'not_found', 'account not found') : read(account);
}

function accountsBody(s: SimServices): unknown {
  const created = rfc3339(s.clock.now());
  return {
    accounts: s.broker.accountIds().map((id, i) => ({
      id: i + 1, trading_account_id: id, broker_account_id: id, sterling_account_id: id, apex_account_id: '', fdid: `FDID-${id}`,
      status: 'OPEN', apex_status: 'Active', is_sim: true, account_type: 'INDIVIDUAL', account_class: 'MARGIN',
      primary_user_id: USER_ID, joint_user_id: 0, created_at: created, updated_at: created,
    })),
  };
}

function activeOrders(a: SimAccount, c: RouteContext): SimReply {
  return ok(pageOrders(a.allOrders().filter(isWorking), c.query, 'asc'));
}

function history(a: SimAccount, c: RouteContext, now: number): SimReply {
  const from = Date.parse(c.query.get('from') ?? '');
  if (Number.isNaN(from)) return fail(400, 'bad_request', 'from is required (RFC 3339)');
  const toText = c.query.get('to');
  const to = toText === null ? now : Date.parse(toText);
  if (Number.isNaN(to)) return fail(400, 'bad_request', 'to must be RFC 3339');
  const orderBy = c.query.get('order_by') ?? 'desc';
  if (orderBy !== 'asc' && orderBy !== 'desc') return fail(400, 'bad_request', 'order_by must be asc or desc');
  // History leaves out superseded records (aries-api.md §4.5).
  const rows = a.allOrders().filter((o: SimOrder) => o.status !== 'SUPERSEDED' && o.createdAt >= from && o.createdAt <= to);
  return ok(pageOrders(rows, c.query, orderBy));
}

/** Returns the user and account routes (aries-api.md §4). */
export function accountRoutes(s: SimServices): SimRoute[] {
  const user = { category: 'user', bearer: true, method: 'GET' } as const;
  const created = rfc3339(s.clock.now());
  return [
    {
      ...user, path: '/v1/users/me', scopes: ['user:information'],
      handle: () => ok({ id: USER_ID, email: 'sim-user@example.invalid', email_verified: true, country: 'US', account_application: null, created_at: created, updated_at: created }),
    },
    { ...user, path: '/v1/users/me/accounts', scopes: ['user:information', 'account:information'], handle: () => ok(accountsBody(s)) },
    { ...user, path: '/v2/users/me/accounts', scopes: ['user:information', 'account:information'], handle: () => ok(accountsBody(s)) },
    { ...user, path: '/v1/accounts/{id}/balances', scopes: ['account:information'], handle: (c) => withAccount(s, c, (a) => ok(a.balances())) },
    { ...user, path: '/v2/accounts/{id}/balance', scopes: ['account:information'], handle: (c) => withAccount(s, c, (a) => ok(a.balances())) },
    {
      ...user, path: '/v1/accounts/{id}/positions', scopes: ['account:information', 'position:information'],
      handle: (c) => withAccount(s, c, (a) => ok({ positions: a.positions(), availability: { available: true, source: 'cache' } })),
    },
    {
      ...user, path: '/v1/accounts/{id}/orders', scopes: ['order:information'],
      handle: (c) => withAccount(s, c, (a) => ok({ orders: a.allOrders().map(orderV1), availability: { available: true, source: 'cache' } })),
    },
    { ...user, path: '/v2/accounts/{id}/orders', scopes: ['order:information'], handle: (c) => withAccount(s, c, (a) => activeOrders(a, c)) },
    { ...user, path: '/v2/accounts/{id}/orders/history', scopes: ['order:information'], handle: (c) => withAccount(s, c, (a) => history(a, c, s.broker.clock.now())) },
  ];
}

