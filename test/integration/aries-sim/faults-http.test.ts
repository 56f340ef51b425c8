import { afterEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { ARIES_ENDPOINTS } from '../../../src/aries/rest/index.js';
import { startSimulator, type SimulatorHandle } from '../../../src/aries-sim/index.js';
import { ACCOUNT, orderEvents, startHarness, type Harness } from './sim-harness.js';

let h: Harness | undefined;
let sim: SimulatorHandle | undefined;
afterEach(async () => {
  await h?.close();
  await sim?.close();
  h = undefined;
  sim = undefined;
});

const E = ARIES_ENDPOINTS;
const ORDER = { accountId: ACCOUNT, symbol: 'SIMA', side: 'BUY', type: 'LIMIT', qty: '3', price: '20', timeInForce: 'DAY' };

async function activeIds(hh: Harness): Promise<unknown[]> {
  return ((await hh.call({ endpoint: E.activeOrders, params: { id: ACCOUNT } })) as { orders: Record<string, unknown>[] }).orders.map((o) => o['clOrdId']);
}

describe('simulator HTTP faults', () => {
  it('answers the next N calls with 500, then recovers', async () => {
    h = await startHarness();
    h.sim.control.failNext(500, 2);
    await expect(h.call({ endpoint: E.usersMe })).rejects.toMatchObject({ code: 'ARIES_ERR_SERVER' });
    await expect(h.call({ endpoint: E.usersMe })).rejects.toMatchObject({ code: 'ARIES_ERR_SERVER' });
    await expect(h.call({ endpoint: E.usersMe })).resolves.toMatchObject({ id: 1 });
  });

  it('answers 429 with Retry-After for the next call under a path only', async () => {
    h = await startHarness();
    h.sim.control.failNext(429, 1, '/v1/orders');
    await expect(h.call({ endpoint: E.usersMe })).resolves.toMatchObject({ id: 1 });
    const token = await h.tokens.getAccessToken();
    const res = await request(`${h.sim.baseUrl}/v1/orders`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(ORDER) });
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('1');
    expect(await res.body.json()).toMatchObject({ error: 'rate_limited' });
    expect(await activeIds(h)).toEqual([]);
  });

  it('loses the response of an accepted order: the client sees outcome-unknown, the order exists', async () => {
    h = await startHarness();
    h.sim.control.loseNextOrderResponse();
    await expect(h.call({ endpoint: E.placeOrder, body: ORDER })).rejects.toMatchObject({ code: 'ARIES_ERR_OUTCOME_UNKNOWN' });
    const ids = await activeIds(h);
    expect(ids).toHaveLength(1);
    expect(orderEvents(h, String(ids[0])).map((d) => d['ordStatus'])).toEqual(['NEW']);
  });

  it('holds the response of an accepted order until released; the order is working meanwhile', async () => {
    h = await startHarness();
    h.sim.control.delayNextOrderResponse();
    const pending = h.call({ endpoint: E.placeOrder, body: ORDER });
    let settled = false;
    void pending.then(() => (settled = true), () => (settled = true));
    const ids = await activeIds(h);
    expect(ids).toHaveLength(1);
    expect(h.sim.control.heldCount()).toBe(1);
    expect(settled).toBe(false);
    expect(h.sim.control.releaseHeld()).toBe(1);
    await expect(pending).resolves.toMatchObject({ success: true, clOrdId: ids[0] });
  });

  it('rejects the next order with the given reason, then accepts again', async () => {
    h = await startHarness();
    h.sim.control.rejectNextOrder('symbol halted');
    const rejected = (await h.call({ endpoint: E.placeOrder, body: ORDER })) as Record<string, unknown>;
    expect(rejected).toMatchObject({ success: false, status: 'REJECTED', ordRejReason: 'symbol halted', text: 'symbol halted' });
    expect(orderEvents(h, String(rejected['clOrdId']))).toEqual([expect.objectContaining({ ordStatus: 'REJECTED', ordRejReason: 'symbol halted' })]);
    await expect(h.call({ endpoint: E.placeOrder, body: ORDER })).resolves.toMatchObject({ success: true });
  });

  it('expires every token now; the next call gets 401 and the client refreshes', async () => {
    h = await startHarness();
    const before = await h.tokens.getAccessToken();
    h.sim.control.expireAllTokens();
    expect(h.sim.control.auth.authenticate(before)).toBeUndefined();
    await expect(h.call({ endpoint: E.userAccounts })).resolves.toMatchObject({ accounts: [expect.objectContaining({ trading_account_id: ACCOUNT })] });
    expect(await h.tokens.getAccessToken()).not.toBe(before);
  });

  it('drives the same faults through POST /__sim/faults when enabled, and hides it otherwise', async () => {
    h = await startHarness();
    const post = async (base: string, body: unknown): Promise<number> => {
      const res = await request(`${base}/__sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      await res.body.dump();
      return res.statusCode;
    };
    expect(await post(h.sim.baseUrl, { action: 'failNext', status: 500, count: 1 })).toBe(200);
    await expect(h.call({ endpoint: E.usersMe })).rejects.toMatchObject({ code: 'ARIES_ERR_SERVER' });
    expect(await post(h.sim.baseUrl, { action: 'rejectNextOrder', reason: 'no' })).toBe(200);
    await expect(h.call({ endpoint: E.placeOrder, body: ORDER })).resolves.toMatchObject({ success: false });
    expect(await post(h.sim.baseUrl, { action: 'explode' })).toBe(400);
    sim = await startSimulator({});
    expect(await post(sim.baseUrl, { action: 'reset' })).toBe(404);
  });

  it('injects random 500s deterministically under a seed', async () => {
    const pattern = async (seed: number): Promise<number[]> => {
      const one = await startSimulator({ seed, errorRate: 0.5 });
      const out: number[] = [];
      for (let i = 0; i < 12; i += 1) {
        const res = await request(`${one.baseUrl}/v1/users/me`);
        await res.body.dump();
        out.push(res.statusCode);
      }
      await one.close();
      return out;
    };
    const a = await pattern(7);
    expect(await pattern(7)).toEqual(a);
    expect(a).toContain(500);
    expect(a).toContain(401);
  });
});
