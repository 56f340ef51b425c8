import { describe, it, expect } from 'vitest';
import type { Quote } from '../../../../src/core/index.js';
import {
  accountSubscribe, accountSubscribePayloadSchema, authRequest, authRequestSchema, authSuccessDataSchema, controlAction,
  decodeFrame, marketSubscribe, marketSubscribeItemSchema, mergeQuote, parseAccountEvent, parseMarketEvent, parseWire,
  tradeFromUpdate, wsEnvelopeSchema, wsEventPayloadSchema,
} from '../../../../src/aries/wire/index.js';

function payloadOf(msg: unknown) {
  const env = wsEnvelopeSchema.parse(msg);
  return wsEventPayloadSchema.parse(env.payload);
}

describe('envelope and auth', () => {
  it('builds an auth request the server schema accepts, token under body.token', () => {
    const req = authRequest('auth-001', 'tok');
    expect(authRequestSchema.parse(req).payload.body.token).toBe('tok');
    expect(authRequestSchema.safeParse({ ...req, payload: { method: 'post', path: '/auth', body: { data: { token: 'tok' } } } }).success).toBe(false);
    expect(authRequestSchema.safeParse({ ...req, payload: { method: 'post', path: '/auth', body: { token: 't' } } }).success).toBe(true);
  });
  it('reads authSuccess and error events', () => {
    const ok = payloadOf({ type: 'event', payload: { action: 'authSuccess', id: 'auth-001', data: { expiresIn: 2700000 }, timestamp: 1701450000123 } });
    expect(controlAction(ok)).toBe('authSuccess');
    expect(authSuccessDataSchema.parse(ok.data).expiresIn).toBe(2700000);
    const err = payloadOf({ type: 'event', payload: { action: 'error', error: 'authentication failed', id: 'auth-001', timestamp: 1701450000123 } });
    expect(controlAction(err)).toBe('error');
    expect(err.error).toBe('authentication failed');
    expect(controlAction(payloadOf({ type: 'event', payload: { action: 'refreshAuth' } }))).toBe('refreshAuth');
    expect(controlAction(payloadOf({ type: 'event', payload: { action: 'update' } }))).toBeUndefined();
  });
  it('refuses an envelope without type and splits NDJSON frames, flagging bad lines by number only', () => {
    expect(wsEnvelopeSchema.safeParse({ payload: {} }).success).toBe(false);
    const out = decodeFrame('{"type":"pong","id":"p1"}\n\n{"token":"secret"\n');
    expect(out[0]).toEqual({ ok: true, value: { type: 'pong', id: 'p1' } });
    expect(out[1]).toEqual({ ok: false, problem: 'malformed frame: line 3 is not JSON' });
  });
});

describe('market socket', () => {
  it('parses the documented marketStatus push', () => {
    const r = parseMarketEvent(payloadOf({ type: 'event', payload: { action: 'update', type: 'marketStatus', data: { market: 'closed', earlyHours: false, afterHours: false, exchanges: { nasdaq: 'closed', nyse: 'closed', otc: 'closed' }, currencies: { crypto: 'open', fx: 'open' }, indicesGroups: { dow_jones: 'closed' }, serverTime: '2025-07-17T03:33:11.000Z' }, timestamp: 1701450000123 } }));
    expect(r.ok && r.value.kind === 'marketStatus' && r.value.status.market).toBe('closed');
  });
  it('maps quote updates (ISO or ms timestamps) to core quotes, merging partial updates', () => {
    const r = parseMarketEvent(payloadOf({ type: 'event', payload: { action: 'update', type: 'quote', symbol: 'AAPL', data: { symbol: 'AAPL', bidPrice: 190.01, bidSize: 200, askPrice: 190.03, askSize: 100, quoteTimestamp: '2025-06-25T10:12:14.327-04:00' }, timestamp: 1750860734327 } }));
    if (!r.ok || r.value.kind !== 'quote') throw new Error('expected a quote');
    const q = mergeQuote(undefined, r.value.symbol, r.value.update, 0);
    expect(q).toEqual({ kind: 'quote', symbol: 'AAPL', ts: 1750860734327, bid: 190.01, ask: 190.03, bidSize: 200, askSize: 100 });
    const next = mergeQuote(q, 'AAPL', { bidPrice: 190.02, quoteTimestamp: 1750860735000 }, 0) as Quote;
    expect(next).toMatchObject({ bid: 190.02, ask: 190.03, ts: 1750860735000 });
    expect(mergeQuote(undefined, 'AAPL', { bidPrice: 1 }, 5)).toBeUndefined();
  });
  it('maps trade updates to core trades and skips volume-only updates', () => {
    const r = parseMarketEvent(payloadOf({ type: 'event', payload: { action: 'update', type: 'trade', symbol: 'AAPL', data: { symbol: 'AAPL', lastPrice: 190.02, size: 100, totalVolume: 12345678, tradeTimestamp: '2025-06-25T10:12:14.400-04:00' }, timestamp: 1750860734400 } }));
    if (!r.ok || r.value.kind !== 'trade') throw new Error('expected a trade');
    expect(tradeFromUpdate(r.value.symbol, r.value.update, 0)).toEqual({ kind: 'trade', symbol: 'AAPL', ts: 1750860734400, price: 190.02, size: 100 });
    expect(tradeFromUpdate('AAPL', { totalVolume: 5 }, 0)).toBeUndefined();
    expect(tradeFromUpdate('AAPL', { price: 10, size: 1 }, 7)).toMatchObject({ price: 10, ts: 7 });
  });
  it.each([
    ['string price', { bidPrice: '190.01' }],
    ['negative size', { bidSize: -1 }],
    ['bad timestamp', { quoteTimestamp: 'soon' }],
  ])('refuses a quote update with %s', (_n, data) => {
    expect(parseMarketEvent({ action: 'update', type: 'quote', symbol: 'AAPL', data }).ok).toBe(false);
  });
  it('refuses a quote update without symbol, ignores heartbeats', () => {
    expect(parseMarketEvent({ action: 'update', type: 'quote', data: { bidPrice: 1 } }).ok).toBe(false);
    expect(parseMarketEvent({ action: 'heartbeat' })).toEqual({ ok: true, value: { kind: 'other', action: 'heartbeat', type: undefined } });
  });
  it('builds a subscribe message in the SDK field names, and the schema accepts the inferred names too', () => {
    const m = marketSubscribe('sub-1', ['AAPL']);
    expect(m.payload[0]?.quoteFields).toContain('bidPrice');
    expect(marketSubscribeItemSchema.safeParse({ symbol: 'SPX', symbolType: 'index', trade: ['lastPrice'] }).success).toBe(true);
    expect(marketSubscribeItemSchema.safeParse({ symbol: 'AAPL', quoteFields: '*' }).success).toBe(true);
  });
});

const order = { clOrdId: 'ORDER-20260115-001', ordId: 'ord-1', accountId: 'TEST-ACCOUNT-001', symbol: 'AAPL', side: 'BUY', type: 'LIMIT', timeInForce: 'DAY', qty: '100', price: '175.50', stopPrice: '', ordStatus: 'PARTIALLY_FILLED', cumQty: '40', leavesQty: '60', avgPrice: '175.48', lastQty: '40', lastPx: '175.48', text: '', ordRejReason: '', securityType: 'EQUITY', category: 'SINGLE_LEG', legs: [], createdAt: '2026-01-15T14:30:00Z', updatedAt: '2026-01-15T14:30:05Z' };

describe('account socket', () => {
  it('parses the documented account.order event', () => {
    const r = parseAccountEvent(payloadOf({ type: 'event', payload: { action: 'update', type: 'account.order', data: order, timestamp: 1701450005123 } }));
    expect(r.ok && r.value.kind === 'order' && r.value.order.cumQty).toBe(4_000_000_000n);
  });
  it('accepts the SDK event form {topic, name, data}', () => {
    const r = parseAccountEvent({ topic: 'account', name: 'position', data: { symbol: 'AAPL', quantity: '100', averagePrice: '170.25' } });
    expect(r.ok && r.value.kind).toBe('position');
    const b = parseAccountEvent({ action: 'update', type: 'account.balance', data: { totalEquity: '250000.00' } });
    expect(b.ok && b.value.kind).toBe('balance');
  });
  it('normalises both snapshot shapes', () => {
    const doc = parseAccountEvent({ action: 'snapshot', type: 'account', data: { accountId: 'A', orders: [order], positions: [], balance: { totalEquity: '1' } } });
    const sdk = parseAccountEvent({ action: 'snapshot', type: 'account', data: { account: { totalEquity: '1' }, positions: [], ordersV2: [order] } });
    for (const r of [doc, sdk]) {
      if (!r.ok || r.value.kind !== 'snapshot') throw new Error('expected a snapshot');
      expect(r.value.orders).toHaveLength(1);
      expect(r.value.balance?.totalEquity).toBe(100_000_000n);
    }
  });
  it('reports a malformed order event as a problem (to count and skip) and ignores unknown kinds', () => {
    const bad = parseAccountEvent({ action: 'update', type: 'account.order', data: { ...order, cumQty: 'NaN' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problem).toMatch(/account\.order event.*cumQty/);
    expect(parseAccountEvent({ action: 'update', type: 'pnlCandle', data: {} })).toEqual({ ok: true, value: { kind: 'other', label: 'pnlCandle' } });
  });
  it('builds the account subscription in SDK form; the schema also accepts data and aliases', () => {
    expect(accountSubscribe('acc-sub-1', 'A').payload).toEqual({ topic: 'account', params: { accountId: 'A' } });
    expect(accountSubscribePayloadSchema.safeParse({ topic: 'accUpdates', data: { accountId: 'A' } }).success).toBe(true);
    expect(parseWire(accountSubscribePayloadSchema, { topic: 'bogus' }, 'subscribe').ok).toBe(false);
  });
});
