import { filter, firstValueFrom, Subject } from 'rxjs';
import { AriesAccountStream, AriesClient, AriesHttp, AriesMarketStream, AriesSocket } from '../../../src/aries/index.js';
import { startSimulator, type SimulatorHandle } from '../../../src/aries-sim/index.js';
import { createReplayFeed, type ReplayFeed } from '../../../src/aries-sim/replay/index.js';
import { defaultConfig, parseCommission, type RunnerConfig } from '../../../src/config/index.js';
import { toSymbol, type Bar, type CalendarEvent, type OrderEvent } from '../../../src/core/index.js';
import { runTradingSession, type AriesConnection, type TradingSessionSummary } from '../../../src/modes/index.js';
import type { SessionFeedSettings } from '../../../src/modes/session-feeds.js';
import type { StrategyDefinition } from '../../../src/strategy/index.js';
import { Rng, VirtualClock } from '../../../src/time/index.js';
import { memoryLog } from '../../support/backtest-settings.js';
import { tempDir } from '../../support/temp-dir.js';
import { ALL, login } from '../aries-sim/sim-harness.js';

const MINUTE = 60_000;
/** Monday 2024-03-04 09:30 New York. */
export const OPEN = Date.UTC(2024, 2, 4, 14, 30);

/** Returns one-minute bars for each symbol from `start`, `count` per symbol, in close order; close = 100 + i. */
export function minuteBars(symbols: readonly string[], start: number, count: number, price: (i: number) => number = (i) => 100 + i): Bar[] {
  const out: Bar[] = [];
  for (let i = 0; i < count; i += 1) {
    for (const s of symbols) {
      const c = price(i);
      out.push({ kind: 'bar', symbol: toSymbol(s), ts: start + i * MINUTE, tsEnd: start + (i + 1) * MINUTE, open: c, high: c + 0.5, low: c - 0.5, close: c, volume: 10_000 });
    }
  }
  return out;
}

/** What the rig's strategy saw. */
export interface Seen {
  readonly bars: Bar[];
  readonly orders: OrderEvent[];
  readonly calendar: CalendarEvent[];
  readonly bar$: Subject<Bar>;
}

/** Returns a strategy that records its inputs and buys `qty` when `buyOn(bar)` says so. */
export function recordingStrategy(symbols: readonly string[], buyOn: (bar: Bar) => boolean, withCalendar = false): { strategy: StrategyDefinition; seen: Seen } {
  const seen: Seen = { bars: [], orders: [], calendar: [], bar$: new Subject<Bar>() };
  const strategy: StrategyDefinition = {
    name: 'recorder', params: {},
    subscriptions: () => symbols.map((symbol) => ({ kind: 'bars' as const, symbol })),
    onBar(bar, ctx) {
      seen.bars.push(bar);
      if (buyOn(bar)) ctx.buy(bar.symbol, 1);
      seen.bar$.next(bar);
    },
    onOrder: (e) => void seen.orders.push(e),
    ...(withCalendar ? { onCalendar: (e: CalendarEvent) => void seen.calendar.push(e) } : {}),
  };
  return { strategy, seen };
}

/** A simulator replaying fixed bars step by step, and a connection of the runner's own client to it. */
export interface SessionRig {
  readonly sim: SimulatorHandle;
  readonly feed: ReplayFeed;
  readonly connection: AriesConnection;
  readonly dir: string;
  /** Resolves when the market socket's `n`-th subscribe was acknowledged by the simulator. */
  subscribed(n: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts the simulator over `bars` (serving the calendar fixture `calendarFile`, when given) and logs the runner's client in. */
export async function startRig(bars: readonly Bar[], options: { readonly calendarFile?: string } = {}): Promise<SessionRig> {
  const clock = new VirtualClock(OPEN - 3_600_000);
  const feed = createReplayFeed({ bars, seed: 1 });
  const sim = await startSimulator({ headless: true, clock, market: feed, bars: feed, ...options });
  const tokens = await login(sim, clock, ALL);
  const http = new AriesHttp({
    baseUrl: sim.baseUrl, getAccessToken: () => tokens.getAccessToken(),
    onUnauthorized: async (used) => (await tokens.handleUnauthorized(used)) !== used,
    grantedScopes: () => (tokens.tokens?.scope ?? '').split(' '), retry: { maxAttempts: 1 },
  });
  const client = new AriesClient(http);
  const accountId = await client.tradingAccountId(undefined);
  const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
  const socket = (p: string, name: string, seed: number): AriesSocket => new AriesSocket({
    url: `${sim.baseUrl.replace(/^http/, 'ws')}${p}`, name, logger: quiet, rng: new Rng(seed),
    getAccessToken: () => tokens.getAccessToken(), refreshAccessToken: () => tokens.getAccessToken({ forceRefresh: true }),
  });
  const marketSocket = socket('/v1/market/ws', 'market', 1);
  const accountSocket = socket('/v1/accounts/ws', 'account', 2);
  const market = new AriesMarketStream(marketSocket, quiet);
  const account = new AriesAccountStream(accountSocket, quiet);
  const acks: Subject<number> = new Subject();
  let count = 0;
  marketSocket.messages$.pipe(filter((m) => m.type === 'response' && m.action === 'subscribed')).subscribe(() => acks.next((count += 1)));
  const connection: AriesConnection = {
    apiUrl: sim.baseUrl, accountId, client, tokens, marketSocket, market, accountSocket, account,
    async close() {
      market.dispose();
      account.dispose();
      await Promise.all([marketSocket.close(), accountSocket.close()]);
    },
  };
  return {
    sim, feed, connection, dir: tempDir('aries-session-'),
    subscribed: (n) => (count >= n ? Promise.resolve() : firstValueFrom(acks.pipe(filter((c) => c >= n))).then(() => undefined)),
    async close() {
      await connection.close();
      await feed.close();
      await sim.close();
    },
  };
}

/** Options of {@link runPaper}. */
export interface PaperRun {
  readonly strategy: StrategyDefinition;
  readonly stop: Promise<void>;
  readonly risk?: Partial<RunnerConfig['risk']>;
  readonly feeds?: SessionFeedSettings;
  readonly journalPath: string;
  readonly log?: ReturnType<typeof memoryLog>;
}

/** Runs a paper session on one-minute bars with a market-driven clock against the rig. */
export function runPaper(rig: SessionRig, o: PaperRun): Promise<TradingSessionSummary> {
  return runTradingSession({
    mode: 'paper', strategy: o.strategy, params: {}, connection: rig.connection,
    risk: { ...defaultConfig().risk, preview: false, ...o.risk }, bars: { kind: 'interval', intervalMs: MINUTE }, clock: 'market',
    journalPath: o.journalPath, log: o.log ?? memoryLog(), stop: o.stop, cancelOnShutdown: false,
    paper: { cash: 100_000, commission: parseCommission('0'), fill: 'next-open', slippageBps: 0 },
    ...(o.feeds === undefined ? {} : { feeds: o.feeds }),
  });
}

/** Returns a promise that resolves when the strategy has seen a bar of `symbol` starting at `ts`. */
export function sawBar(seen: Seen, symbol: string, ts: number): Promise<void> {
  if (seen.bars.some((b) => b.symbol === symbol && b.ts === ts)) return Promise.resolve();
  return firstValueFrom(seen.bar$.pipe(filter((b) => b.symbol === symbol && b.ts === ts))).then(() => undefined);
}

/** Returns a stop signal the test fires. */
export function stopper(): { readonly stop: Promise<void>; fire(): void } {
  let fire = (): void => undefined;
  const stop = new Promise<void>((resolve) => (fire = resolve));
  return { stop, fire };
}
