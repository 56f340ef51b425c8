import { afterEach, describe, expect, it } from 'vitest';
import { marketSubscribe, mergeQuote, parseMarketEvent, parseWire, tradeFromUpdate, wsEventPayloadSchema } from '../../../src/aries/wire/index.js';
import type { Quote, Trade } from '../../../src/core/index.js';
import { contractProblem, client, nextMessage, payloadOf, RawClient, startRig, T0 } from './ws-helpers.js';
import type { SimSocketRig } from './ws-helpers.js';

let rig: SimSocketRig;

afterEach(async () => {
  await rig.close();
});

const isUpdate = (type: string, symbol?: string) => (m: Record<string, unknown>): boolean => {
  const p = payloadOf(m);
  return p['action'] === 'update' && p['type'] === type && (symbol === undefined || p['symbol'] === symbol);
};

/** Steps the two-symbol walk by whole minutes (one step per symbol's bar). */
async function stepMinutes(n: number): Promise<void> {
  for (let i = 0; i < 2 * n; i += 1) await rig.market.step();
}

async function authedMarket(): Promise<RawClient> {
  const raw = new RawClient(rig.url('/v1/market/ws'), 'market');
  await raw.opened;
  await raw.auth('good');
  return raw;
}

describe('sim sockets: market data', () => {
  it('the project client gets a snapshot, then quote and trade updates that rebuild the feed ticks', async () => {
    rig = await startRig();
    await stepMinutes(1);
    const fed: (Quote | Trade)[] = [];
    rig.market.ticks$.subscribe((t) => {
      if (t.symbol === 'AAPL') fed.push(t);
    });
    const c = client(rig.url('/v1/market/ws'));
    const received: unknown[] = [];
    c.socket.messages$.subscribe((m) => received.push(m.payload));
    const ack = nextMessage(c.socket, (m) => m.type === 'response');
    const snapshot = nextMessage(c.socket, (m) => m.action === 'snapshot' && m.eventType === 'trade');
    c.socket.subscribe('market:AAPL', marketSubscribe('s', ['AAPL']).payload);
    c.socket.connect();
    expect((await ack).payload).toMatchObject({ action: 'subscribed', data: { symbols: ['AAPL'] } });
    const snap = parseWire(wsEventPayloadSchema, (await snapshot).payload, 'payload');
    expect(snap.ok && parseMarketEvent(snap.value)).toMatchObject({ ok: true, value: { kind: 'trade', symbol: 'AAPL' } });

    const isTick = (p: unknown): boolean => ['quote', 'trade'].includes((p as { type?: string }).type ?? '') && (p as { action?: string }).action === 'update';
    const eight = new Promise<void>((resolve) => c.socket.messages$.subscribe(() => received.filter(isTick).length === 8 && resolve()));
    await stepMinutes(1);
    await eight;
    const updates = received.filter(isTick);
    expect(updates).toHaveLength(8);
    let quote: Quote | undefined;
    const rebuilt: (Quote | Trade)[] = [];
    for (const p of updates) {
      const payload = parseWire(wsEventPayloadSchema, p, 'payload');
      if (!payload.ok) throw new Error(payload.problem);
      const event = parseMarketEvent(payload.value);
      if (!event.ok) throw new Error(event.problem);
      if (event.value.kind === 'quote') {
        quote = mergeQuote(quote, event.value.symbol, event.value.update, 0);
        if (quote !== undefined) rebuilt.push(quote);
      }
      if (event.value.kind === 'trade') {
        const trade = tradeFromUpdate(event.value.symbol, event.value.update, 0);
        if (trade !== undefined) rebuilt.push(trade);
      }
    }
    expect(rebuilt).toEqual(fed);
    await c.socket.close();
  });

  it('sends only the requested fields and every message passes the wire schemas', async () => {
    rig = await startRig();
    await stepMinutes(1);
    const raw = await authedMarket();
    raw.send(marketSubscribe('s1', ['MSFT']));
    await raw.next((m) => m['type'] === 'response');
    await stepMinutes(1);
    const [trade] = await raw.count(isUpdate('trade', 'MSFT'), 1);
    expect(Object.keys((payloadOf(trade ?? {})['data'] ?? {}) as object).sort()).toEqual(['lastPrice', 'size', 'symbol', 'totalVolume', 'tradeTimestamp']);
    raw.send({ type: 'subscribe', id: 's2', payload: [{ symbol: 'AAPL' }] });
    await raw.next((m) => m['id'] === 's2');
    await stepMinutes(1);
    const [full] = await raw.count(isUpdate('trade', 'AAPL'), 1);
    expect(payloadOf(full ?? {})['data']).toMatchObject({ price: expect.any(Number), lastPrice: expect.any(Number), tradeSeq: expect.any(Number) });
    expect(raw.problems).toEqual([]);
    expect(raw.messages.length).toBeGreaterThan(10);
    raw.ws.close();
  });

  it('batches the messages of one tick into one NDJSON frame', async () => {
    rig = await startRig();
    const raw = await authedMarket();
    raw.send({ type: 'subscribe', id: 's', payload: [{ symbol: 'AAPL' }, { symbol: 'MSFT' }] });
    await raw.next((m) => m['id'] === 's');
    const before = raw.frames.length;
    await rig.market.step(); // one synchronous step: 16 ticks
    await raw.count((m) => isUpdate('quote')(m) || isUpdate('trade')(m), 16);
    expect(raw.frames.length).toBe(before + 1);
    expect(raw.frames.at(-1)?.split('\n')).toHaveLength(16);
    expect(rig.sockets.stats.messages).toBeGreaterThan(rig.sockets.stats.frames);
    raw.ws.close();
  });

  it('stops a symbol on unsubscribe', async () => {
    rig = await startRig();
    const raw = await authedMarket();
    raw.send({ type: 'subscribe', id: 's', payload: [{ symbol: 'AAPL' }, { symbol: 'MSFT' }] });
    await raw.next((m) => m['id'] === 's');
    raw.send({ type: 'unsubscribe', id: 'u', payload: [{ symbol: 'AAPL' }] });
    expect(payloadOf(await raw.next((m) => m['id'] === 'u'))).toMatchObject({ action: 'unsubscribed', data: { symbols: ['AAPL'] } });
    await stepMinutes(1);
    await raw.count(isUpdate('trade', 'MSFT'), 4);
    expect(raw.messages.filter(isUpdate('trade', 'AAPL'))).toEqual([]);
    raw.ws.close();
  });

  it('answers both ping forms with a pong, before and after auth', async () => {
    rig = await startRig();
    const raw = new RawClient(rig.url('/v1/market/ws'), 'market');
    await raw.opened;
    raw.send({ type: 'ping', id: 'p1' });
    expect(await raw.next((m) => m['type'] === 'pong')).toMatchObject({ type: 'pong', id: 'p1', timestamp: T0 });
    await raw.auth('good');
    raw.send({ action: 'ping' });
    await raw.count((m) => m['type'] === 'pong', 2);
    expect(raw.messages.filter((m) => m['type'] === 'pong')[1]).not.toHaveProperty('id');
    raw.ws.close();
  });

  it('pushes marketStatus when the session closes and opens', async () => {
    rig = await startRig({}, Date.UTC(2024, 0, 2, 20, 58)); // 15:58 New York
    const raw = await authedMarket();
    await raw.next(isUpdate('marketStatus'));
    await stepMinutes(3);
    const statuses = await raw.count(isUpdate('marketStatus'), 3);
    expect(statuses.map((m) => (payloadOf(m)['data'] as { market: string }).market)).toEqual(['open', 'closed', 'open']);
    expect(statuses.every((m) => contractProblem('market', m) === undefined)).toBe(true);
    raw.ws.close();
  });
});
