import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { filter, firstValueFrom } from 'rxjs';
import { Agent, type Dispatcher } from 'undici';
import { defaultConfig, parseCommission } from '../src/config/index.js';
import type { OrderIntent, Quote } from '../src/core/index.js';
import { runTradingSession } from '../src/modes/index.js';
import type { StrategyDefinition } from '../src/strategy/index.js';
import { writeMinuteBars } from './generate-bars.js';
import { startLiveRig } from './live-rig.js';
import { StageTimer } from './live-stages.js';

/** Latency figures of the live path, in microseconds. */
export interface LiveLatency {
  readonly orders: number;
  readonly quoteToOrderUs: { readonly p50: number; readonly p99: number; readonly max: number };
  readonly quoteToAckUs: { readonly p50: number; readonly p99: number };
  /** Quotes the strategy saw that the market stream's tap did not (expected 0). */
  readonly outOfBand: number;
  /** With `{ stages: true }`: p50/p90/p99 per stage of quote->order written, in microseconds. */
  readonly stagesUs?: Record<string, { readonly p50: number; readonly p90: number; readonly p99: number }>;
  /** With `{ stages: true }`: the stage that was the largest part of each of the slowest 1 % of orders. */
  readonly tail?: Record<string, { readonly orders: number; readonly medianUs: number }>;
  /** With `{ stages: true }`: quotes that arrived while an order was between its quote and its POST (expected 0). */
  readonly stagesInterleaved?: number;
}

/** Options of {@link measureLiveLatency}. */
export interface LiveLatencyOptions {
  /** Split quote->order into stages with the runner's probe hooks (off by default: no hook installed). */
  readonly stages?: boolean;
}

/** Timestamps each POST /v1/orders as undici starts writing it, in send order. */
class TimingAgent extends Agent {
  readonly written: number[] = [];
  onWritten: ((t: number) => void) | undefined;
  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    if (options.method === 'POST' && options.path === '/v1/orders') {
      const t = performance.now();
      this.written.push(t);
      this.onWritten?.(t);
    }
    return super.dispatch(options, handler);
  }
}

const us = (ms: number): number => Math.round(ms * 1000);
function pct(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/**
 * Runs a live session (the real engine, gate, journal and AriesExecution) of a strategy that buys
 * one share on each quote, against the simulator on loopback, until `orders` were acknowledged.
 * Quote received = the market stream emits the parsed quote (after the WebSocket frame and schema
 * parse; the bench subscribes before the session does);
 * order written = undici's dispatch of the POST; acknowledged = the place call's response parsed.
 */
export async function measureLiveLatency(orders: number, options: LiveLatencyOptions = {}): Promise<LiveLatency> {
  const dir = mkdtempSync(path.join(tmpdir(), 'aries-bench-live-data-'));
  const csv = path.join(dir, 'SIMB-1m.csv');
  await writeMinuteBars(csv, 3000, 5);
  const agent = new TimingAgent();
  const timer = options.stages === true ? new StageTimer() : undefined;
  if (timer !== undefined) agent.onWritten = (t) => timer.written(t);
  const rig = await startLiveRig(csv, 2000, { dispatcher: agent, ...(timer === undefined ? {} : { probe: timer.mark }) });
  const { connection } = rig;
  // Quote received: the market stream's parsed quote, seen before the session's own subscriber.
  const recvAt = new WeakMap<object, number>();
  connection.market.data$.subscribe((q) => {
    const t = performance.now();
    recvAt.set(q, t);
    timer?.quote(t);
  });
  const recvOf = new Map<string, number>();
  const sentOrder: string[] = [];
  const acked = new Map<string, number>();
  let outOfBand = 0;
  let inFlight = false;
  let stop = (): void => undefined;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const place = connection.client.placeOrder.bind(connection.client);
  connection.client.placeOrder = (accountId: string, intent: OrderIntent) => {
    sentOrder.push(intent.id);
    const p = place(accountId, intent);
    void p.then(() => {
      acked.set(intent.id, performance.now());
      inFlight = false;
      if (acked.size >= orders) stop();
    }, () => undefined);
    return p;
  };
  const strategy: StrategyDefinition = {
    name: 'bench-buy-each-quote', params: {},
    subscriptions: () => [{ kind: 'quotes', symbol: 'SIMB' }],
    onQuote(quote: Quote, ctx) {
      timer?.mark('handler');
      // One order at a time: each sample is one quote's own path, not a queue behind earlier orders.
      if (inFlight || recvOf.size >= orders) return;
      const recv = recvAt.get(quote);
      if (recv === undefined) {
        outOfBand += 1;
        return;
      }
      inFlight = true;
      timer?.claim();
      recvOf.set(ctx.buy(quote.symbol, 1), recv);
    },
  };
  const ready = firstValueFrom(connection.marketSocket.messages$.pipe(filter((m) => m.type === 'response' && m.action === 'subscribed')));
  void ready.then(() => rig.sim.start());
  void rig.sim.finished.then(() => stop());
  const risk = {
    ...defaultConfig().risk, preview: false, marketHoursCheck: false, maxOrderQty: 1e6, maxOrderNotional: 1e12, maxPositionQty: 1e12,
    maxOpenOrders: 100_000, duplicateWindowMs: 1, tradingRatePerMinute: 1_000_000, maxOrderRate: { count: 1e9, intervalMs: 1000 },
  };
  const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
  try {
    await runTradingSession({
      mode: 'live', strategy, params: {}, connection, risk, bars: { kind: 'interval', intervalMs: 60_000 }, clock: 'market',
      journalPath: path.join(dir, 'journal.db'), log: silent, stop: stopped, cancelOnShutdown: false, adoptBroker: true,
      paper: { cash: 0, commission: parseCommission('0'), fill: 'next-open', slippageBps: 0 },
      ...(timer === undefined ? {} : { probe: timer.mark }),
    });
  } finally {
    await connection.close();
    await rig.close();
    await agent.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const toOrder: number[] = [];
  const toAck: number[] = [];
  sentOrder.forEach((id, i) => {
    const recv = recvOf.get(id);
    const written = agent.written[i];
    const ack = acked.get(id);
    if (recv === undefined || written === undefined) return;
    toOrder.push(written - recv);
    if (ack !== undefined) toAck.push(ack - recv);
  });
  toOrder.sort((a, b) => a - b);
  toAck.sort((a, b) => a - b);
  return {
    orders: toOrder.length,
    quoteToOrderUs: { p50: us(pct(toOrder, 50)), p99: us(pct(toOrder, 99)), max: us(toOrder[toOrder.length - 1] ?? Number.NaN) },
    quoteToAckUs: { p50: us(pct(toAck, 50)), p99: us(pct(toAck, 99)) },
    outOfBand,
    ...(timer === undefined ? {} : { stagesUs: timer.summary(), tail: timer.tail(), stagesInterleaved: timer.interleaved }),
  };
}
