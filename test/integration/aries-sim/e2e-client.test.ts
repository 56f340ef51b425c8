import { afterEach, describe, expect, it } from 'vitest';
import type { AccountStreamEvent } from '../../../src/aries/client/index.js';
import { AriesAccountStream } from '../../../src/aries/client/index.js';
import { AriesExecution } from '../../../src/aries/execution/index.js';
import type { AriesOrderRecord } from '../../../src/aries/wire/index.js';
import {
  amountFromNumber, mulAmount, toOrderId, toSymbol, toVenueOrderId,
  type Amount, type OrderEvent, type OrderIntent, type OrderType, type Quote, type Trade,
} from '../../../src/core/index.js';
import { E2eRig, minuteBar, Recorder, SYMBOL } from './e2e-rig.js';
import { ACCOUNT, T0 } from './sim-harness.js';

let rig: E2eRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const n = amountFromNumber;
let seq = 0;

function intent(type: OrderType, side: 'BUY' | 'SELL', qty: number, prices: { limit?: number; stop?: number } = {}, tif: 'DAY' | 'GTC' = 'GTC'): OrderIntent {
  seq += 1;
  return {
    id: toOrderId(`e2e-${seq}`), symbol: toSymbol(SYMBOL), side, qty: n(qty), type, tif, tsCreated: T0,
    ...(prices.limit === undefined ? {} : { limitPrice: n(prices.limit) }),
    ...(prices.stop === undefined ? {} : { stopPrice: n(prices.stop) }),
  };
}

/** Warm-up, then three bars that work every order type; 1 000 shares a bar caps each order at 100 (10 %). */
const BARS = [
  minuteBar(0, 100, 101, 99, 100),
  minuteBar(1, 100, 105, 99, 104.5),
  minuteBar(2, 99, 99.5, 94, 95),
  minuteBar(3, 95, 96, 95, 95.5),
];

const orderUpdates = (events: readonly AccountStreamEvent[], id: string): AriesOrderRecord[] =>
  events.flatMap((e) => (e.kind === 'order' && e.order.venueOrderId === id ? [e.order] : []));

/** Returns the signed quantity and cash effect of every fill the account socket reported. */
function fillTotals(events: readonly AccountStreamEvent[]): { qty: Amount; cash: Amount } {
  let qty = 0n;
  let cash = 0n;
  for (const e of events) {
    if (e.kind !== 'order' || e.order.lastQty === undefined || e.order.lastQty === 0n || e.order.lastPx === undefined) continue;
    const sign = e.order.side === 'SELL' ? -1n : 1n;
    qty += sign * e.order.lastQty;
    cash -= sign * mulAmount(e.order.lastQty, e.order.lastPx);
  }
  return { qty, cash };
}

/** Opens the market socket, replays the warm-up bar, and checks its intrabar path arrives as the feed made it. */
async function expectWarmupTicks(r: E2eRig): Promise<void> {
  const market = await r.marketStream([SYMBOL]);
  const ticks = new Recorder<Quote | Trade>(market.data$);
  const fed = new Recorder<Quote | Trade>(r.feed.ticks$);
  await r.step();
  const fedTrades = fed.seen.filter((t): t is Trade => t.kind === 'trade');
  const fedQuotes = fed.seen.filter((t): t is Quote => t.kind === 'quote');
  expect(fedTrades.length).toBeGreaterThan(0);
  expect(fedQuotes.length).toBeGreaterThan(0);
  const got = await ticks.until((seen) => {
    const trades = seen.filter((t): t is Trade => t.kind === 'trade');
    const quotes = seen.filter((t): t is Quote => t.kind === 'quote');
    return trades.length === fedTrades.length && quotes.length === fedQuotes.length ? { trades, quotes } : undefined;
  });
  expect(got.trades.map((t) => [t.symbol, t.price, t.size])).toEqual(fedTrades.map((t) => [t.symbol, t.price, t.size]));
  expect(got.quotes.map((q) => [q.symbol, q.bid, q.ask, q.bidSize, q.askSize])).toEqual(fedQuotes.map((q) => [q.symbol, q.bid, q.ask, q.bidSize, q.askSize]));
  expect(got.trades.at(-1)?.price).toBe(100);
  expect(market.malformed).toBe(0);
}

/** Checks positions and balances over REST against the fills and the last updates the account socket reported. */
async function expectRestAgrees(r: E2eRig, accountId: string, events: readonly AccountStreamEvent[]): Promise<void> {
  const totals = fillTotals(events);
  expect(totals).toEqual({ qty: n(180), cash: n(-17_855) });
  const lastPosition = events.flatMap((e) => (e.kind === 'position' ? [e.position] : [])).at(-1);
  const lastBalances = events.flatMap((e) => (e.kind === 'balance' ? [e.balances] : [])).at(-1);
  const positions = await r.client.positions(accountId);
  expect(positions).toEqual([lastPosition]);
  expect(positions[0]).toMatchObject({ symbol: SYMBOL, qty: totals.qty });
  const balances = await r.client.balances(accountId);
  // Equity is marked to the last bar's close over REST; the socket's last balance came with the last fill.
  expect(balances).toMatchObject({ cash: lastBalances?.cash, buyingPower: lastBalances?.buyingPower });
  expect(balances.cash).toBe(n(100_000) + totals.cash);
  expect(balances.equity).toBe(n(100_000) + totals.cash + mulAmount(totals.qty, n(95)));
}

describe('end to end: the project client against the simulator', () => {
  it('logs in, streams quotes and trades, and previews, places, replaces and cancels orders whose fills arrive on the account socket', async () => {
    rig = await E2eRig.start(BARS, { maxParticipation: 0.1 });
    const r = rig;
    expect(r.tokens.tokens?.accessToken).toBeDefined();
    expect(await r.client.me()).toMatchObject({ id: 1 });

    // The account over REST.
    const accountId = await r.client.tradingAccountId();
    expect(accountId).toBe(ACCOUNT);
    expect(await r.client.balances(accountId)).toMatchObject({ cash: n(100_000) });
    expect(await r.client.positions(accountId)).toEqual([]);

    await expectWarmupTicks(r);

    // The account socket: an empty book and the starting cash.
    const { stream, snapshot } = await r.accountStream(accountId);
    expect(snapshot).toMatchObject({ kind: 'snapshot', orders: [], positions: [], balances: { cash: n(100_000) } });
    const events = new Recorder<AccountStreamEvent>(stream.events$);

    const preview = await r.client.previewOrder(accountId, intent('LIMIT', 'BUY', 10, { limit: 100 }));
    expect(preview).toMatchObject({ estimatedCost: n(1_000), buyingPowerImpact: n(1_000) });

    // Every event the simulator published has reached the client once the counts match.
    const synced = (): Promise<readonly AccountStreamEvent[]> =>
      events.until((seen) => (seen.length >= r.published.length ? seen : undefined));
    const status = (id: string, raw: string): AriesOrderRecord | undefined => orderUpdates(events.seen, id).find((o) => o.rawStatus === raw);
    const place = async (i: OrderIntent): Promise<string> => {
      const ack = await r.client.placeOrder(accountId, i);
      expect(ack).toMatchObject({ success: true });
      return String(ack.clOrdId);
    };
    const mkt = await place(intent('MARKET', 'BUY', 150));
    const stop = await place(intent('STOP', 'BUY', 5, { stop: 104 }));
    const limit = await place(intent('LIMIT', 'BUY', 10, { limit: 95 }, 'DAY'));
    const stopLimit = await place(intent('STOP_LIMIT', 'SELL', 5, { stop: 97, limit: 96.5 }));
    const toReplace = await place(intent('LIMIT', 'BUY', 10, { limit: 90 }));
    const toCancel = await place(intent('LIMIT', 'BUY', 10, { limit: 50 }));
    const all = [mkt, stop, limit, stopLimit, toReplace, toCancel];
    await synced();
    expect(all.map((id) => status(id, 'NEW')?.filledQty)).toEqual(all.map(() => 0n));
    expect((await r.client.allActiveOrders(accountId)).map((o) => o.venueOrderId)).toEqual(all);

    const replaced = await r.client.replaceOrder(accountId, SYMBOL, toVenueOrderId(toReplace), { qty: '20', price: '96' });
    expect(replaced).toMatchObject({ success: true });
    const replacement = String(replaced.clOrdId);
    expect(replacement).not.toBe(toReplace);
    await r.client.cancelOrder(accountId, SYMBOL, 'BUY', toVenueOrderId(toCancel));
    await synced();
    expect(status(toReplace, 'SUPERSEDED')).toMatchObject({ terminal: true });
    expect(status(replacement, 'NEW')).toMatchObject({ origVenueOrderId: toReplace, qty: n(20), limitPrice: n(96) });
    expect(status(toCancel, 'CANCELED')).toMatchObject({ status: 'CANCELED', filledQty: 0n });

    // Bar 1: the market order fills 100 of 150 (volume cap), the buy stop triggers at 104; nothing else moves.
    await r.step();
    await synced();
    expect(status(mkt, 'PARTIALLY_FILLED')).toMatchObject({ status: 'PARTIALLY_FILLED', filledQty: n(100), leavesQty: n(50), lastQty: n(100), lastPx: n(100) });
    expect(status(stop, 'FILLED')).toMatchObject({ status: 'FILLED', filledQty: n(5), avgFillPrice: n(104) });
    expect([limit, stopLimit, replacement].map((id) => orderUpdates(events.seen, id).length)).toEqual([1, 1, 1]);

    // Bar 2: the rest of the market order at the open, the limit, the stop-limit and the replacement.
    await r.step();
    await synced();
    expect(status(mkt, 'FILLED')).toMatchObject({ filledQty: n(150), leavesQty: 0n, lastQty: n(50), lastPx: n(99), avgFillPrice: 9_966_666_667n /* (100·100 + 50·99) / 150 */ });
    expect(status(limit, 'FILLED')).toMatchObject({ filledQty: n(10), avgFillPrice: n(95) });
    expect(status(stopLimit, 'FILLED')).toMatchObject({ side: 'SELL', filledQty: n(5), avgFillPrice: n(97) });
    expect(status(replacement, 'FILLED')).toMatchObject({ filledQty: n(20), avgFillPrice: n(96) });
    expect(orderUpdates(events.seen, toCancel).map((o) => o.rawStatus)).toEqual(['NEW', 'CANCELED']);
    expect(orderUpdates(events.seen, mkt).map((o) => o.rawStatus)).toEqual(['NEW', 'PARTIALLY_FILLED', 'FILLED']);

    await expectRestAgrees(r, accountId, events.seen);
    expect(await r.client.allActiveOrders(accountId)).toEqual([]);
    expect(stream.malformed).toBe(0);
  });

  it('runs AriesExecution against the simulator: snapshot on connect, then OrderAccepted and OrderFilled', async () => {
    rig = await E2eRig.start(BARS.slice(0, 2));
    const r = rig;
    await r.step();
    const socket = r.socket('/v1/accounts/ws');
    const stream = new AriesAccountStream(socket, { info: () => undefined, warn: () => undefined, error: () => undefined });
    const execution = new AriesExecution({ client: r.client, stream, accountId: ACCOUNT, socket, now: () => r.clock.now() });
    const events = new Recorder<OrderEvent>(execution.events$);
    await execution.connect();
    expect(execution.account().balances).toMatchObject({ cash: n(100_000) });

    const order = intent('MARKET', 'BUY', 10, {}, 'DAY');
    expect(await execution.submit(order)).toEqual({ kind: 'submitted' });
    const accepted = await events.next((e) => e.type === 'OrderAccepted');
    expect(accepted).toMatchObject({ orderId: order.id, intent: order });

    await r.step();
    const filled = await events.next((e) => e.type === 'OrderFilled');
    expect(filled).toMatchObject({ orderId: order.id, status: 'FILLED', filledQty: n(10), leavesQty: 0n, fill: { qty: n(10), price: n(100) } });
    expect(events.seen.map((e) => e.type)).toEqual(['OrderAccepted', 'OrderFilled']);
    expect(execution.openOrders()).toEqual([]);
    const account = await execution.reconcile();
    expect(account.positions).toEqual([expect.objectContaining({ symbol: SYMBOL, qty: n(10), avgPrice: n(100) })]);
    await execution.disconnect();
    stream.dispose();
  });
});
