import { describe, it, expect } from 'vitest';
import { OrderStatus, isRunnerError, toOrderId, toSymbol } from '../../../../src/core/index.js';
import type { OrderIntent } from '../../../../src/core/index.js';
import {
  cancelOrderRequestSchema, cancelOrderResponseSchema, intentToPlaceBody, isTerminalAriesStatus, mapOrder,
  mapOrderStatus, orderSchema, ordersPageSchema, ordersV1ResponseSchema, placeOrderRequestSchema,
  placeOrderResponseSchema, previewOrderResponseSchema, replaceOrderRequestSchema, replaceOrderResponseSchema,
} from '../../../../src/aries/wire/index.js';

const P = (n: number): bigint => BigInt(Math.round(n * 100)) * 1_000_000n;
const v2 = { clOrdId: 'clord-20260115-aapl-001', ordId: 'ord-7f3a9c2e-0001', accountId: 'TEST-ACCOUNT-001', clientId: 'demo-oauth-client', symbol: 'AAPL', side: 'BUY', type: 'LIMIT', timeInForce: 'DAY', qty: '100', price: '175.50', stopPrice: '', ordStatus: 'NEW', cumQty: '0', leavesQty: '100', avgPrice: '0', currency: 'USD', exDestination: 'NASDAQ', text: '', ordRejReason: '', securityType: 'EQUITY', category: 'SINGLE_LEG', legs: [], createdAt: '2026-01-15T14:30:00Z', updatedAt: '2026-01-15T14:30:05Z' };

describe('orders', () => {
  it('parses the documented v2 page and maps the order', () => {
    const page = ordersPageSchema.parse({ orders: [v2], nextCursor: 0 });
    expect(page.nextCursor).toBe(0);
    const o = mapOrder(page.orders[0]!);
    expect(o).toMatchObject({ venueOrderId: 'clord-20260115-aapl-001', symbol: 'AAPL', side: 'BUY', type: 'LIMIT', tif: 'DAY', qty: P(100), limitPrice: P(175.5), stopPrice: undefined, status: OrderStatus.NEW, terminal: false, filledQty: 0n, avgFillPrice: 0n, reason: undefined });
    expect(o.tsUpdated).toBe(Date.UTC(2026, 0, 15, 14, 30, 5));
  });
  it('turns null or missing orders into [] and missing nextCursor into 0', () => {
    expect(ordersPageSchema.parse({ orders: null })).toEqual({ orders: [], nextCursor: 0 });
    expect(ordersPageSchema.parse({ nextCursor: 7, orders: [] }).nextCursor).toBe(7);
  });
  it('normalises the v1 legacy shape', () => {
    const list = ordersV1ResponseSchema.parse({ orders: [{ orderId: 'ord-1', clOrdId: 'c1', accountId: 'A', symbol: 'AAPL', side: 'BUY', orderType: 'LIMIT', status: 'WORKING', tif: 'DAY', quantity: '100', filledQty: '40', leavesQty: '60', price: '175.50', stopPrice: '', avgPrice: '175.48', legs: [{ symbol: 'AAPL', side: 'BUY', ratioQty: '1', positionEffect: 'OPEN', securityType: 'CS', maturity: '', strikePrice: '', putCall: '' }] }], availability: { available: true, source: 'cache' } });
    expect(mapOrder(list[0]!)).toMatchObject({ qty: P(100), filledQty: P(40), type: 'LIMIT', status: OrderStatus.NEW, avgFillPrice: P(175.48), rawStatus: 'WORKING' });
  });
  it('maps an account.order event with fill fields and a replace origin', () => {
    const o = mapOrder(orderSchema.parse({ ...v2, ordStatus: 'PARTIALLY_FILLED', cumQty: '40', lastQty: '40', lastPx: '175.48', origClOrdId: 'old-1' }));
    expect(o).toMatchObject({ status: OrderStatus.PARTIALLY_FILLED, lastQty: P(40), lastPx: P(175.48), origVenueOrderId: 'old-1' });
  });
  it('keeps side/type/status optional (omitted when unset) and uses ordRejReason as reason', () => {
    const { side: _s, type: _t, ordStatus: _o, ...bare } = v2;
    const o = mapOrder(orderSchema.parse({ ...bare, ordRejReason: 'insufficient buying power' }));
    expect(o).toMatchObject({ side: undefined, type: undefined, status: undefined, reason: 'insufficient buying power' });
  });
  it.each([
    ['missing clOrdId', { ...v2, clOrdId: undefined }],
    ['missing qty', { ...v2, qty: undefined }],
    ['negative qty', { ...v2, qty: '-100' }],
    ['NaN price', { ...v2, price: 'NaN' }],
    ['garbage cumQty', { ...v2, cumQty: 'forty' }],
    ['bad timestamp', { ...v2, createdAt: 'yesterday' }],
  ])('refuses an order with %s', (_name, body) => {
    expect(orderSchema.safeParse(body).success).toBe(false);
  });
});

describe('status mapping', () => {
  it.each([
    ['NEW', OrderStatus.NEW, false], ['PENDING_NEW', OrderStatus.PENDING_NEW, false], ['WORKING', OrderStatus.NEW, false],
    ['PARTIALLY_FILLED', OrderStatus.PARTIALLY_FILLED, false], ['FILLED', OrderStatus.FILLED, true],
    ['CANCELED', OrderStatus.CANCELED, true], ['cancelled', OrderStatus.CANCELED, true], ['REJECTED', OrderStatus.REJECTED, true],
    ['EXPIRED', OrderStatus.EXPIRED, true], ['REPLACED', OrderStatus.REPLACED, true], ['SUPERSEDED', OrderStatus.REPLACED, true],
    ['PENDING_CANCEL', undefined, false], ['PENDING_REPLACE', undefined, false], ['DONE_FOR_DAY', undefined, false],
    ['SOMETHING_NEW', undefined, false], [undefined, undefined, false],
  ])('%s → %s (terminal %s)', (raw, status, terminal) => {
    expect(mapOrderStatus(raw)).toBe(status);
    expect(isTerminalAriesStatus(raw)).toBe(terminal);
  });
});

const intent = (over: Partial<OrderIntent>): OrderIntent => ({ id: toOrderId('O-000001'), symbol: toSymbol('AAPL'), side: 'BUY', qty: P(10), type: 'MARKET', tif: 'DAY', tsCreated: 0, ...over });

describe('intent → place body', () => {
  it('builds the documented market example', () => {
    expect(intentToPlaceBody(intent({}), { accountId: 'TEST-ACCOUNT-001' })).toEqual({ accountId: 'TEST-ACCOUNT-001', symbol: 'AAPL', side: 'BUY', type: 'MARKET', qty: '10', timeInForce: 'DAY' });
  });
  it('sends price for LIMIT, stopPrice for STOP, both for STOP_LIMIT, under tradingAccountId when asked', () => {
    expect(intentToPlaceBody(intent({ type: 'LIMIT', limitPrice: P(175.5), side: 'SELL', tif: 'GTC' }), { accountId: 'A' })).toEqual({ accountId: 'A', symbol: 'AAPL', side: 'SELL', type: 'LIMIT', qty: '10', timeInForce: 'GTC', price: '175.5' });
    expect(intentToPlaceBody(intent({ type: 'STOP', stopPrice: P(170), tif: 'IOC' }), { accountId: 'A' })).toMatchObject({ stopPrice: '170', timeInForce: 'IOC' });
    const body = intentToPlaceBody(intent({ type: 'STOP_LIMIT', stopPrice: P(170), limitPrice: P(169.99), tif: 'FOK' }), { accountId: 'A', field: 'tradingAccountId' });
    expect(body).toEqual({ tradingAccountId: 'A', symbol: 'AAPL', side: 'BUY', type: 'STOP_LIMIT', qty: '10', timeInForce: 'FOK', price: '169.99', stopPrice: '170' });
    expect(placeOrderRequestSchema.safeParse(body).success).toBe(true);
  });
  it('keeps fractional quantities exact', () => {
    expect(intentToPlaceBody(intent({ qty: 12_345_678n }), { accountId: 'A' }).qty).toBe('0.12345678');
  });
  it('throws ARIES_ERR_BAD_INTENT for a LIMIT without a price', () => {
    let caught: unknown;
    try { intentToPlaceBody(intent({ type: 'LIMIT' }), { accountId: 'A' }); } catch (e) { caught = e; }
    expect(isRunnerError(caught, 'ARIES_ERR_BAD_INTENT')).toBe(true);
  });
});

describe('order write schemas', () => {
  it('checks place requests: account, type prices and positive qty', () => {
    const base = { accountId: 'TEST-ACCOUNT-001', symbol: 'AAPL', side: 'BUY', type: 'MARKET', qty: '10', timeInForce: 'DAY' };
    expect(placeOrderRequestSchema.parse(base).qty).toBe(P(10));
    expect(placeOrderRequestSchema.safeParse({ ...base, accountId: undefined, tradingAccountId: 'T' }).success).toBe(true);
    expect(placeOrderRequestSchema.safeParse({ ...base, accountId: undefined }).success).toBe(false);
    expect(placeOrderRequestSchema.safeParse({ ...base, type: 'LIMIT' }).success).toBe(false);
    expect(placeOrderRequestSchema.safeParse({ ...base, qty: '0' }).success).toBe(false);
    expect(placeOrderRequestSchema.safeParse({ ...base, side: 'SHORT' }).success).toBe(false);
  });
  it('parses the documented place, replace and cancel responses', () => {
    expect(placeOrderResponseSchema.parse({ success: true, clOrdId: 'ORDER-20260115-001', status: 'NEW', symbol: 'AAPL', side: 'BUY', qty: '100', cumQty: '0', leavesQty: '100', avgPrice: '0', text: 'Order accepted', ordRejReason: '', transactTime: '2026-01-15T14:30:05Z' }).clOrdId).toBe('ORDER-20260115-001');
    expect(placeOrderResponseSchema.safeParse({ success: true, status: 'NEW' }).success).toBe(false);
    expect(placeOrderResponseSchema.safeParse({ success: false, status: 'REJECTED', ordRejReason: 'risk' }).success).toBe(true);
    expect(replaceOrderResponseSchema.parse({ success: true, clOrdId: 'ORDER-123457', origClOrdId: 'ORDER-123456', status: 'REPLACED', qty: '20', price: '150.00', text: '…', transactTime: '2023-11-07T05:31:56Z' }).price).toBe(P(150));
    expect(cancelOrderResponseSchema.parse({ success: true, clOrdId: 'ORDER-20260115-002', origClOrdId: 'ORDER-20260115-001', status: 'CANCELED', text: 'Cancel request processed' }).status).toBe('CANCELED');
  });
  it('requires origClOrdId, account and (per the SDK) side on cancel', () => {
    const c = { origClOrdId: 'O1', accountId: 'A', symbol: 'AAPL', side: 'BUY' };
    expect(cancelOrderRequestSchema.safeParse(c).success).toBe(true);
    expect(cancelOrderRequestSchema.safeParse({ ...c, side: undefined }).success).toBe(false);
    expect(replaceOrderRequestSchema.safeParse({ origClOrdId: 'O1', tradingAccountId: 'A', symbol: 'AAPL', qty: '20', price: '150.00' }).success).toBe(true);
    expect(replaceOrderRequestSchema.safeParse({ origClOrdId: 'O1', symbol: 'AAPL' }).success).toBe(false);
  });
  it('parses the documented preview response plus SDK fields', () => {
    const p = previewOrderResponseSchema.parse({ estimatedCost: '1500.00', estimatedMargin: '0.00', commission: '0.00', fees: '0.01', buyingPowerImpact: '1500.01', numDayTrades: 0, warnRuleId: '0', warnings: ['w'], optionFees: '' });
    expect(p.buyingPowerImpact).toBe(150_001_000_000n);
    expect(p.optionFees).toBeUndefined();
    expect(previewOrderResponseSchema.safeParse({ fees: '1e-2' }).success).toBe(false);
  });
});
