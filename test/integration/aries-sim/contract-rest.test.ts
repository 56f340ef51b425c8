import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { z } from 'zod';
import {
  accountsResponseSchema, balancesSchema, cancelOrderResponseSchema, chartHistorySchema, earningsCalendarSchema,
  economicsCalendarSchema, ordersPageSchema, ordersV1ResponseSchema, parseAccountEvent, placeOrderResponseSchema,
  positionsResponseSchema, previewOrderResponseSchema, replaceOrderResponseSchema, restErrorBodySchema,
  tokenResponseSchema, userMeSchema, wsEventPayloadSchema,
} from '../../../src/aries/wire/index.js';
import { DEFAULT_SIM_CLIENT_ID, DEFAULT_SIM_CLIENT_SECRET } from '../../../src/aries-sim/index.js';
import { ACCOUNT, startHarness, T0, type Harness } from './sim-harness.js';

/** The symbol-search shape of aries-api.md §6.1 (the wire module has no schema for it). */
const searchSchema = z.array(z.object({ symbol: z.string(), description: z.string(), tag: z.string(), type: z.string() }));

const SCHEMAS: readonly [RegExp, z.ZodType][] = [
  [/^POST \/v1\/oauth2\/token$/, tokenResponseSchema],
  [/^GET \/v1\/users\/me$/, userMeSchema],
  [/^GET \/v[12]\/users\/me\/accounts$/, accountsResponseSchema],
  [/^GET \/v1\/accounts\/[^/]+\/balances$|^GET \/v2\/accounts\/[^/]+\/balance$/, balancesSchema],
  [/^GET \/v1\/accounts\/[^/]+\/positions$/, positionsResponseSchema],
  [/^GET \/v1\/accounts\/[^/]+\/orders$/, ordersV1ResponseSchema],
  [/^GET \/v2\/accounts\/[^/]+\/orders(\/history)?$/, ordersPageSchema],
  [/^POST \/v1\/orders$/, placeOrderResponseSchema],
  [/^POST \/v1\/orders\/preview$/, previewOrderResponseSchema],
  [/^(POST \/v1\/orders\/replace|PUT \/v1\/orders(\/[^/]+)?)$/, replaceOrderResponseSchema],
  [/^(POST \/v1\/orders\/cancel|DELETE \/v1\/orders(\/[^/]+)?)$/, cancelOrderResponseSchema],
  [/^GET \/v1\/chart\/history$/, chartHistorySchema],
  [/^GET \/v1\/calendars\/earnings$/, earningsCalendarSchema],
  [/^GET \/v1\/calendars\/economics$/, economicsCalendarSchema],
  [/^GET \/v1\/marketdata\/search$/, searchSchema],
];

interface Seen {
  readonly route: string;
  readonly status: number;
  readonly body: unknown;
}

let h: Harness;
const seen: Seen[] = [];

async function send(method: string, path: string, body?: unknown, auth = true): Promise<Record<string, unknown>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth) headers['authorization'] = `Bearer ${await h.tokens.getAccessToken()}`;
  const res = await request(`${h.sim.baseUrl}${path}`, { method: method as 'GET', headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const parsed = (await res.body.json()) as Record<string, unknown>;
  seen.push({ route: `${method} ${path.split('?')[0] ?? ''}`, status: res.statusCode, body: parsed });
  return parsed;
}

async function scenario(): Promise<void> {
  const acct = `/v1/accounts/${ACCOUNT}`;
  const order = { accountId: ACCOUNT, symbol: 'SIMA', side: 'BUY', type: 'LIMIT', qty: '4', price: '99', timeInForce: 'DAY' };
  h.bar('SIMA', T0, 100, 101, 99.5, 100);
  await send('GET', '/v1/users/me');
  await send('GET', '/v1/users/me/accounts');
  await send('GET', '/v2/users/me/accounts');
  await send('POST', '/v1/orders/preview', { ...order, type: 'MARKET', price: undefined });
  const a = String((await send('POST', '/v1/orders', order))['clOrdId']);
  const b = String((await send('POST', '/v1/orders', { ...order, tradingAccountId: ACCOUNT, accountId: undefined }))['clOrdId']);
  const c = String((await send('POST', '/v1/orders', { ...order, type: 'STOP_LIMIT', stopPrice: '120', price: '121', side: 'BUY' }))['clOrdId']);
  h.sim.control.rejectNextOrder('contract rejection');
  await send('POST', '/v1/orders', order);
  const a2 = String((await send('POST', '/v1/orders/replace', { accountId: ACCOUNT, origClOrdId: a, symbol: 'SIMA', qty: '6' }))['clOrdId']);
  await send('PUT', `/v1/orders/${b}`, { accountId: ACCOUNT, symbol: 'SIMA', price: '98' });
  await send('POST', '/v1/orders/cancel', { accountId: ACCOUNT, origClOrdId: c, symbol: 'SIMA', side: 'BUY' });
  h.bar('SIMA', T0 + 60_000, 99.5, 100, 98.5, 99, 1000);
  await send('DELETE', '/v1/orders', { accountId: ACCOUNT, origClOrdId: a2, symbol: 'SIMA' });
  await send('POST', '/v1/orders', { ...order, type: 'MARKET', price: undefined, side: 'SELL', qty: '1' });
  h.bar('SIMA', T0 + 120_000, 99, 99, 97, 98, 1000);
  for (const p of [`${acct}/balances`, `/v2/accounts/${ACCOUNT}/balance`, `${acct}/positions`, `${acct}/orders`, `/v2/accounts/${ACCOUNT}/orders`]) await send('GET', p);
  await send('GET', `/v2/accounts/${ACCOUNT}/orders/history?from=2024-03-04T00:00:00Z&limit=2`);
  const s = Math.floor(T0 / 1000);
  for (const q of [`resolution=1&from=${s}&to=${s + 600}`, 'resolution=D&from=1&to=2', `resolution=bad&from=${s}&to=${s + 1}`]) await send('GET', `/v1/chart/history?symbol=SIMA&${q}`);
  await send('GET', '/v1/calendars/earnings?from=2024-01-01&to=2024-12-31');
  await send('GET', '/v1/calendars/economics?date=2024-03-12');
  await send('GET', '/v1/marketdata/search?query=SIM');
  await send('POST', '/v1/oauth2/token', { grant_type: 'refresh_token', client_id: DEFAULT_SIM_CLIENT_ID, client_secret: DEFAULT_SIM_CLIENT_SECRET, refresh_token: 'stale' }, false);
  await send('POST', '/v1/orders/cancel', { accountId: ACCOUNT, origClOrdId: a, symbol: 'SIMA', side: 'BUY' });
  await send('POST', '/v1/orders', { symbol: 'SIMA' });
  await send('GET', `${acct}/balances`, undefined, false);
  h.sim.control.failNext(500, 1);
  await send('GET', '/v1/users/me');
  const rt = h.tokens.tokens?.refreshToken ?? '';
  const fresh = await send('POST', '/v1/oauth2/token', { grant_type: 'refresh_token', client_id: DEFAULT_SIM_CLIENT_ID, client_secret: DEFAULT_SIM_CLIENT_SECRET, refresh_token: rt }, false);
  expect(fresh['access_token']).toEqual(expect.any(String));
}

beforeAll(async () => {
  h = await startHarness();
  await scenario();
});
afterAll(async () => {
  await h.close();
});

describe('simulator REST contract', () => {
  it('sends success bodies every client schema accepts', () => {
    const ok = seen.filter((r) => r.status === 200);
    expect(ok.length).toBeGreaterThanOrEqual(25);
    for (const r of ok) {
      const schema = SCHEMAS.find(([re]) => re.test(r.route))?.[1];
      expect(schema, r.route).toBeDefined();
      const parsed = schema?.safeParse(r.body);
      expect(parsed?.success, `${r.route}: ${JSON.stringify(parsed?.error?.issues.slice(0, 2))}`).toBe(true);
    }
    const covered = new Set(ok.map((r) => SCHEMAS.findIndex(([re]) => re.test(r.route))));
    expect(covered.size).toBe(SCHEMAS.length);
  });

  it('sends error bodies the client error schema accepts, for 400, 401 and 500', () => {
    const errors = seen.filter((r) => r.status !== 200);
    expect(new Set(errors.map((r) => r.status))).toEqual(new Set([400, 401, 500]));
    for (const r of errors) expect(restErrorBodySchema.safeParse(r.body).success, r.route).toBe(true);
  });

  it('publishes account events the client account-event parser accepts', () => {
    expect(h.messages.length).toBeGreaterThan(10);
    const kinds = new Set<string>();
    for (const m of h.messages) {
      expect(m.accountId).toBe(ACCOUNT);
      const payload = wsEventPayloadSchema.parse(m.payload);
      const event = parseAccountEvent(payload);
      expect(event.ok, event.ok ? "" : event.problem).toBe(true);
      if (event.ok) kinds.add(event.value.kind);
    }
    expect(kinds).toEqual(new Set(['order', 'position', 'balance']));
    const snap = parseAccountEvent(wsEventPayloadSchema.parse({ action: 'snapshot', type: 'account', data: h.sim.control.accountFeed.snapshot(ACCOUNT) }));
    expect(snap.ok && snap.value.kind === 'snapshot' ? snap.value.positions.length : -1).toBe(1);
  });
});
