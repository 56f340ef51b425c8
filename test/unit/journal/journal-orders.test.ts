import { describe, expect, it } from 'vitest';
import {
  DenialCode, PASS, toOrderId, toSymbol, toVenueOrderId,
  type OrderEvent,
} from '../../../src/core/index.js';
import { Journal } from '../../../src/execution/index.js';
import { amt } from '../../support/builders.js';
import { codeOf, execFill, fixedClock, journalPath, limitIntent } from './helpers.js';

const O1 = toOrderId('O-1');
const V1 = toVenueOrderId('CL-1');

describe('journal intents and orders', () => {
  it('keeps an intent written before a crash, with no venue id, as an unknown place outcome', () => {
    const path = journalPath();
    const first = Journal.open(path, fixedClock());
    first.startRun({ mode: 'live', strategy: 'sma-cross.ts', params: { fast: 5 }, configHash: 'h1' });
    first.recordIntent(limitIntent('O-1', { qty: '12.5', limit: '150.12345678' }));
    // The first connection is never closed: the process "died" right after the commit.
    const reopened = Journal.open(path, fixedClock());
    expect(reopened.intentsWithoutVenueId()).toEqual([limitIntent('O-1', { qty: '12.5', limit: '150.12345678' })]);
    expect(reopened.order(O1)).toMatchObject({ status: 'PENDING_NEW', qty: amt('12.5') });
    expect(reopened.order(O1)?.venueOrderId).toBeUndefined();
    reopened.close();
    first.close();
    const afterClose = Journal.open(path, fixedClock());
    expect(afterClose.intentsWithoutVenueId().map((i) => i.id)).toEqual(['O-1']);
    afterClose.close();
  });

  it('drops the intent from the unknown list once the venue id is recorded, and finds the order by it', () => {
    const journal = Journal.open(journalPath(), fixedClock());
    journal.recordIntent(limitIntent('O-1'));
    journal.recordIntent(limitIntent('O-2'));
    journal.recordOrderAccepted(O1, V1);
    expect(journal.intentsWithoutVenueId().map((i) => i.id)).toEqual(['O-2']);
    expect(journal.orderByVenueId(V1)).toMatchObject({ orderId: 'O-1', status: 'NEW', venueOrderId: 'CL-1' });
    expect(journal.orderByVenueId(toVenueOrderId('nope'))).toBeUndefined();
    journal.close();
  });

  it('refuses a venue id already attached to another order, an ack for an unknown order and a repeated order id', () => {
    const journal = Journal.open(journalPath(), fixedClock());
    journal.recordIntent(limitIntent('O-1'));
    journal.recordIntent(limitIntent('O-2'));
    journal.recordOrderAccepted(O1, V1);
    expect(codeOf(() => journal.recordOrderAccepted(toOrderId('O-2'), V1))).toBe('JOURNAL_ERR_CONFLICT');
    expect(journal.order(toOrderId('O-2'))?.venueOrderId).toBeUndefined();
    expect(codeOf(() => journal.recordOrderAccepted(toOrderId('O-9'), toVenueOrderId('CL-9')))).toBe('JOURNAL_ERR_UNKNOWN_ORDER');
    expect(codeOf(() => journal.recordIntent(limitIntent('O-1', { qty: '99' })))).toBe('JOURNAL_ERR_CONFLICT');
    expect(journal.order(O1)?.qty).toBe(amt('10'));
    journal.close();
  });

  it('persists the statuses of an order event sequence, never regressing on a late event', () => {
    const path = journalPath();
    const intent = limitIntent('O-1', { qty: '10' });
    const fill1 = execFill('E-1', 'O-1', '4', '150.10');
    const fill2 = execFill('E-2', 'O-1', '6', '150.20', { ts: 3_000 });
    const events: OrderEvent[] = [
      { kind: 'order', type: 'OrderAccepted', orderId: O1, intent, venueOrderId: V1, ts: 1_500 },
      { kind: 'order', type: 'OrderFilled', orderId: O1, fill: fill1, filledQty: amt('4'), leavesQty: amt('6'), status: 'PARTIALLY_FILLED', ts: 2_000 },
      { kind: 'order', type: 'OrderFilled', orderId: O1, fill: fill2, filledQty: amt('10'), leavesQty: amt('0'), status: 'FILLED', ts: 3_000 },
      { kind: 'order', type: 'OrderCanceled', orderId: O1, reason: 'late cancel ack', ts: 3_500 },
    ];
    const journal = Journal.open(path, fixedClock());
    journal.recordIntent(intent);
    const seen = events.map((event) => {
      journal.recordOrderEvent(event);
      return journal.order(O1)?.status;
    });
    expect(seen).toEqual(['NEW', 'PARTIALLY_FILLED', 'FILLED', 'FILLED']);
    journal.close();
    const reopened = Journal.open(path, fixedClock());
    expect(reopened.order(O1)).toMatchObject({ status: 'FILLED', filledQty: amt('10'), avgPrice: amt('150.16'), venueOrderId: 'CL-1', updatedTs: 3_500 });
    expect(reopened.openOrders()).toEqual([]);
    expect(reopened.fillsSince(0).map((f) => f.execId)).toEqual(['E-1', 'E-2']);
    expect(reopened.fillsSince(2_500).map((f) => f.execId)).toEqual(['E-2']);
    reopened.close();
  });

  it('creates the order from an acceptance it never saw an intent for, and lists open orders', () => {
    const journal = Journal.open(journalPath(), fixedClock());
    const intent = limitIntent('O-7', { symbol: 'MSFT', side: 'SELL', qty: '3' });
    journal.recordOrderEvent({ kind: 'order', type: 'OrderAccepted', orderId: intent.id, intent, venueOrderId: toVenueOrderId('CL-7'), ts: 1_100 });
    expect(journal.openOrders()).toEqual([{
      orderId: 'O-7', venueOrderId: 'CL-7', status: 'NEW', symbol: 'MSFT', side: 'SELL', qty: amt('3'),
      filledQty: 0n, avgPrice: 0n, external: false, updatedTs: 1_100,
    }]);
    expect(codeOf(() => journal.recordOrderEvent({ kind: 'order', type: 'OrderExpired', orderId: toOrderId('O-404'), reason: 'x', ts: 1 })))
      .toBe('JOURNAL_ERR_UNKNOWN_ORDER');
    journal.close();
  });

  it('records gate decisions and closes a denied intent so it is not an unknown outcome', () => {
    const journal = Journal.open(journalPath(), fixedClock(1_234));
    const intent = limitIntent('O-3');
    journal.recordIntent(intent);
    journal.recordDecision(intent.id, 'state', PASS);
    const reason = { code: DenialCode.MAX_NOTIONAL_EXCEEDED, message: 'notional 1502.50 over 1000' };
    journal.recordDecision(intent.id, 'limits', { ok: false, reason });
    journal.recordOrderEvent({ kind: 'order', type: 'OrderDenied', orderId: intent.id, intent, reason, ts: 1_234 });
    expect(journal.intentsWithoutVenueId()).toEqual([]);
    expect(journal.order(intent.id)?.status).toBe('REJECTED');
    journal.close();
  });

  it('marks an order placed outside the runner as external, adding it when unknown', () => {
    const journal = Journal.open(journalPath(), fixedClock(9_000));
    journal.recordIntent(limitIntent('O-1'));
    journal.recordOrderAccepted(O1, V1);
    expect(journal.markExternal(V1, { symbol: toSymbol('AAPL'), side: 'BUY', qty: amt('10'), status: 'NEW' })).toBe('O-1');
    expect(journal.order(O1)?.external).toBe(true);
    const id = journal.markExternal(toVenueOrderId('WEB-1'), { symbol: toSymbol('TSLA'), side: 'SELL', qty: amt('2.5'), status: 'NEW' });
    expect(journal.orderByVenueId(toVenueOrderId('WEB-1'))).toMatchObject({ orderId: id, external: true, qty: amt('2.5'), symbol: 'TSLA', updatedTs: 9_000 });
    journal.close();
  });

  it('persists the trading state and reconciliation marks across a reopen', () => {
    const path = journalPath();
    const journal = Journal.open(path, fixedClock());
    expect(journal.tradingState()).toBeUndefined();
    journal.setTradingState('REDUCING', 'drawdown 4%', 10);
    journal.setTradingState('HALTED', 'daily loss limit 500.00 reached', 20);
    journal.setMark('reconciled-at', '20');
    journal.close();
    const reopened = Journal.open(path, fixedClock());
    expect(reopened.tradingState()).toEqual({ status: 'HALTED', reason: 'daily loss limit 500.00 reached', ts: 20 });
    expect(reopened.mark('reconciled-at')).toBe('20');
    expect(reopened.mark('missing')).toBeUndefined();
    reopened.close();
  });
});

describe('Journal.intent', () => {
  it('returns the intent as the strategy placed it, also after the venue named the order', () => {
    const journal = Journal.open(journalPath(), fixedClock());
    journal.startRun({ mode: 'live', strategy: 's', params: {}, configHash: 'h' });
    const placed = limitIntent('O-1', { limit: '12.5' });
    journal.recordIntent(placed);
    journal.recordOrderAccepted(placed.id, toVenueOrderId('CL-9'));
    expect(journal.intent(placed.id)).toEqual(placed);
    expect(journal.intent(toOrderId('O-404'))).toBeUndefined();
    journal.close();
  });
});
