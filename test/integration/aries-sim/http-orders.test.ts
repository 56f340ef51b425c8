import { afterEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { ARIES_ENDPOINTS } from '../../../src/aries/rest/index.js';
import { ACCOUNT, orderEvents, startHarness, T0, type Harness } from './sim-harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

type Body = Record<string, unknown>;
const E = ARIES_ENDPOINTS;

async function place(hh: Harness, body: Body): Promise<Body> {
  return (await hh.call({ endpoint: E.placeOrder, body: { accountId: ACCOUNT, timeInForce: 'DAY', ...body } })) as Body;
}

async function active(hh: Harness): Promise<Body[]> {
  return ((await hh.call({ endpoint: E.activeOrders, params: { id: ACCOUNT } })) as { orders: Body[] }).orders;
}

function statuses(hh: Harness, clOrdId: string): unknown[] {
  return orderEvents(hh, clOrdId).map((d) => d['ordStatus']);
}

describe('simulator orders over REST', () => {
  it('fills a market order at the next bar open and updates positions and balances', async () => {
    h = await startHarness();
    const ack = await place(h, { symbol: 'SIMA', side: 'BUY', type: 'MARKET', qty: '10' });
    expect(ack).toMatchObject({ success: true, status: 'NEW', qty: '10', cumQty: '0', leavesQty: '10' });
    const id = String(ack['clOrdId']);
    expect(statuses(h, id)).toEqual(['NEW']);
    h.bar('SIMA', T0, 100, 101, 99, 100.5);
    expect(statuses(h, id)).toEqual(['NEW', 'FILLED']);
    expect(orderEvents(h, id)[1]).toMatchObject({ cumQty: '10', avgPrice: '100.00', lastQty: '10', lastPx: '100.00' });
    const positions = (await h.call({ endpoint: E.positions, params: { id: ACCOUNT } })) as { positions: Body[] };
    expect(positions.positions).toEqual([expect.objectContaining({ symbol: 'SIMA', quantity: '10', averagePrice: '100.00', marketValue: '1005.00' })]);
    const balances = (await h.call({ endpoint: E.balances, params: { id: ACCOUNT } })) as Body;
    expect(balances).toMatchObject({ cashBalance: '99000.00', totalEquity: '100005.00', unrealizedPl: '5.00' });
    expect(h.messages.map((m) => m.payload['type'])).toEqual(['account.order', 'account.order', 'account.position', 'account.balance']);
  });

  it('works limit, stop and stop-limit orders until a bar reaches them', async () => {
    h = await startHarness();
    const limit = String((await place(h, { symbol: 'SIMA', side: 'BUY', type: 'LIMIT', qty: '5', price: '95' }))['clOrdId']);
    const stop = String((await place(h, { symbol: 'SIMA', side: 'BUY', type: 'STOP', qty: '5', stopPrice: '104' }))['clOrdId']);
    const stopLimit = String((await place(h, { symbol: 'SIMA', side: 'SELL', type: 'STOP_LIMIT', qty: '5', stopPrice: '97', price: '96.5', timeInForce: 'GTC' }))['clOrdId']);
    h.bar('SIMA', T0, 100, 101, 99, 100);
    expect((await active(h)).map((o) => o['clOrdId'])).toEqual([limit, stop, stopLimit]);
    h.bar('SIMA', T0 + 60_000, 100, 105, 99, 104.5);
    expect(statuses(h, stop)).toEqual(['NEW', 'FILLED']);
    expect(orderEvents(h, stop)[1]).toMatchObject({ avgPrice: '104.00' });
    h.bar('SIMA', T0 + 120_000, 99, 99.5, 94, 95);
    expect(statuses(h, limit)).toEqual(['NEW', 'FILLED']);
    expect(orderEvents(h, limit)[1]).toMatchObject({ avgPrice: '95.00' });
    expect(statuses(h, stopLimit)).toEqual(['NEW', 'FILLED']);
    expect(await active(h)).toEqual([]);
  });

  it('fills partially when the venue caps participation in bar volume', async () => {
    h = await startHarness({ fill: { maxParticipation: 0.1 } });
    const id = String((await place(h, { symbol: 'SIMA', side: 'BUY', type: 'MARKET', qty: '25', timeInForce: 'GTC' }))['clOrdId']);
    h.bar('SIMA', T0, 100, 100, 100, 100, 100);
    h.bar('SIMA', T0 + 60_000, 100, 100, 100, 100, 100);
    h.bar('SIMA', T0 + 120_000, 100, 100, 100, 100, 100);
    expect(orderEvents(h, id).map((d) => [d['ordStatus'], d['cumQty'], d['leavesQty'], d['lastQty']])).toEqual([
      ['NEW', '0', '25', ''], ['PARTIALLY_FILLED', '10', '15', '10'], ['PARTIALLY_FILLED', '20', '5', '10'], ['FILLED', '25', '0', '5'],
    ]);
  });

  it('previews from the venue: cost, commission and buying-power impact as decimal strings', async () => {
    h = await startHarness({ fill: { commission: { kind: 'per-order', amount: 100_000_000n } } });
    const body = { accountId: ACCOUNT, symbol: 'SIMA', side: 'BUY', type: 'LIMIT', qty: '10', price: '50.25', timeInForce: 'DAY' };
    const preview = await h.call({ endpoint: E.previewOrder, body });
    expect(preview).toMatchObject({ estimatedCost: '502.50', commission: '1.00', buyingPowerImpact: '503.50' });
    expect(await active(h)).toEqual([]);
  });

  it('replaces a working order: a new clOrdId, the old record SUPERSEDED and left out of history', async () => {
    h = await startHarness();
    const old = String((await place(h, { symbol: 'SIMA', side: 'BUY', type: 'LIMIT', qty: '10', price: '90' }))['clOrdId']);
    const ack = (await h.call({ endpoint: E.replaceOrder, body: { accountId: ACCOUNT, origClOrdId: old, symbol: 'SIMA', qty: '20', price: '91' } })) as Body;
    expect(ack).toMatchObject({ success: true, origClOrdId: old, status: 'REPLACED', qty: '20', price: '91.00' });
    const next = String(ack['clOrdId']);
    expect(next).not.toBe(old);
    expect(statuses(h, old)).toEqual(['NEW', 'SUPERSEDED']);
    expect(orderEvents(h, next)[0]).toMatchObject({ ordStatus: 'NEW', origClOrdId: old, qty: '20', price: '91.00' });
    expect((await active(h)).map((o) => o['clOrdId'])).toEqual([next]);
    const history = (await h.call({ endpoint: E.orderHistory, params: { id: ACCOUNT }, query: { from: '2024-03-04T00:00:00Z' } })) as { orders: Body[] };
    expect(history.orders.map((o) => o['clOrdId'])).toEqual([next]);
    h.bar('SIMA', T0, 92, 92, 90.5, 91);
    expect(statuses(h, next)).toEqual(['NEW', 'FILLED']);
    expect(statuses(h, old)).toEqual(['NEW', 'SUPERSEDED']);
  });

  it('cancels through POST /cancel and through the DELETE and PUT aliases; a done order is not cancelable', async () => {
    h = await startHarness();
    const a = String((await place(h, { symbol: 'SIMA', side: 'BUY', type: 'LIMIT', qty: '1', price: '50' }))['clOrdId']);
    const b = String((await place(h, { symbol: 'SIMA', side: 'BUY', type: 'LIMIT', qty: '1', price: '50' }))['clOrdId']);
    const c = String((await place(h, { symbol: 'SIMA', side: 'BUY', type: 'LIMIT', qty: '1', price: '50' }))['clOrdId']);
    const cancel = await h.call({ endpoint: E.cancelOrder, body: { accountId: ACCOUNT, origClOrdId: a, symbol: 'SIMA', side: 'BUY' } });
    expect(cancel).toMatchObject({ success: true, origClOrdId: a, status: 'CANCELED' });
    expect(statuses(h, a)).toEqual(['NEW', 'CANCELED']);
    const token = await h.tokens.getAccessToken();
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const del = await request(`${h.sim.baseUrl}/v1/orders/${b}`, { method: 'DELETE', headers, body: JSON.stringify({ accountId: ACCOUNT, symbol: 'SIMA' }) });
    expect(del.statusCode).toBe(200);
    await del.body.dump();
    expect(statuses(h, b)).toEqual(['NEW', 'CANCELED']);
    const put = await request(`${h.sim.baseUrl}/v1/orders`, { method: 'PUT', headers, body: JSON.stringify({ accountId: ACCOUNT, origClOrdId: c, symbol: 'SIMA', price: '51' }) });
    expect(await put.body.json()).toMatchObject({ success: true, origClOrdId: c, status: 'REPLACED' });
    const again = await request(`${h.sim.baseUrl}/v1/orders/cancel`, { method: 'POST', headers, body: JSON.stringify({ accountId: ACCOUNT, origClOrdId: a, symbol: 'SIMA', side: 'BUY' }) });
    expect(again.statusCode).toBe(400);
    expect(await again.body.json()).toEqual({ error: 'bad_request', message: 'order not cancelable' });
  });

  it('refuses malformed orders with 400 and rejects orders beyond buying power with success:false', async () => {
    h = await startHarness();
    await expect(place(h, { symbol: 'SIMA', side: 'BUY', type: 'LIMIT', qty: '1' })).rejects.toMatchObject({ code: 'ARIES_ERR_BAD_REQUEST' });
    const ack = await place(h, { symbol: 'SIMA', side: 'BUY', type: 'LIMIT', qty: '10000', price: '100' });
    expect(ack).toMatchObject({ success: false, status: 'REJECTED', ordRejReason: 'insufficient buying power' });
    expect(statuses(h, String(ack['clOrdId']))).toEqual(['REJECTED']);
  });

  it('pages order history with nextCursor and order_by', async () => {
    h = await startHarness();
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      h.clock.advanceTo(T0 + i * 1000);
      ids.push(String((await place(h, { symbol: 'SIMA', side: 'BUY', type: 'LIMIT', qty: '1', price: '10' }))['clOrdId']));
    }
    const seen: unknown[] = [];
    let cursor = 0;
    do {
      const page = (await h.call({ endpoint: E.orderHistory, params: { id: ACCOUNT }, query: { from: '2024-03-04T00:00:00Z', order_by: 'asc', limit: '2', cursor: String(cursor) } })) as { orders: Body[]; nextCursor: number };
      seen.push(...page.orders.map((o) => o['clOrdId']));
      cursor = page.nextCursor;
    } while (cursor !== 0);
    expect(seen).toEqual(ids);
    const desc = (await h.call({ endpoint: E.orderHistory, params: { id: ACCOUNT }, query: { from: '2024-03-04T00:00:00Z' } })) as { orders: Body[] };
    expect(desc.orders.map((o) => o['clOrdId'])).toEqual([...ids].reverse());
  });
});
