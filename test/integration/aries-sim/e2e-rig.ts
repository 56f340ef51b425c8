import { filter, firstValueFrom, type Observable } from 'rxjs';
import { AriesAccountStream, AriesClient, AriesMarketStream, type AccountStreamEvent } from '../../../src/aries/client/index.js';
import type { TokenManager } from '../../../src/aries/auth/index.js';
import { AriesHttp } from '../../../src/aries/rest/index.js';
import { AriesSocket } from '../../../src/aries/ws/index.js';
import { startSimulator, type SimAccountMessage, type SimFillOptions, type SimulatorHandle } from '../../../src/aries-sim/index.js';
import { createReplayFeed, type ReplayFeed } from '../../../src/aries-sim/replay/index.js';
import { toSymbol, type Bar } from '../../../src/core/index.js';
import { Rng, VirtualClock } from '../../../src/time/index.js';
import { ALL, login, T0 } from './sim-harness.js';
import { CLIENT_TIMING } from './ws-helpers.js';

/** The symbol every end-to-end bar is for. */
export const SYMBOL = 'SIMA';

/** Returns a hand-made one-minute bar opening `minute` minutes after {@link T0}. */
export function minuteBar(minute: number, o: number, h: number, l: number, c: number, volume = 1_000): Bar {
  const ts = T0 + minute * 60_000;
  return { kind: 'bar', symbol: toSymbol(SYMBOL), ts, tsEnd: ts + 60_000, open: o, high: h, low: l, close: c, volume };
}

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * A simulator replaying hand-made bars (stepped by hand, no wall time), logged in through the
 * headless authorize redirect with the project's own client, and the client's sockets once opened.
 */
export class E2eRig {
  private readonly sockets: AriesSocket[] = [];
  private readonly disposers: (() => void)[] = [];
  private stepped = 0;
  /** Every account-socket payload the simulator published, in order (the server's side of the story). */
  readonly published: SimAccountMessage[] = [];

  private constructor(
    readonly sim: SimulatorHandle,
    readonly clock: VirtualClock,
    readonly feed: ReplayFeed,
    private readonly bars: readonly Bar[],
    readonly tokens: TokenManager,
    readonly client: AriesClient,
  ) {
    sim.control.accountFeed.messages$.subscribe((m) => this.published.push(m));
  }

  /** Starts the simulator over `bars` and logs in with PKCE. */
  static async start(bars: readonly Bar[], fill: SimFillOptions = {}): Promise<E2eRig> {
    const clock = new VirtualClock(T0);
    const feed = createReplayFeed({ bars, seed: 11, startTs: T0 });
    const sim = await startSimulator({ headless: true, clock, market: feed, bars: feed, fill });
    const tokens = await login(sim, clock, ALL);
    const http = new AriesHttp({
      baseUrl: sim.baseUrl,
      getAccessToken: () => tokens.getAccessToken(),
      onUnauthorized: async (used) => {
        await tokens.handleUnauthorized(used);
        return true;
      },
      grantedScopes: () => (tokens.tokens?.scope ?? '').split(' '),
      now: () => clock.now(),
      sleep: () => Promise.resolve(),
      retry: { maxAttempts: 1 },
    });
    return new E2eRig(sim, clock, feed, bars, tokens, new AriesClient(http));
  }

  /** Returns a new (unconnected) client socket on a simulator path, closed by {@link close}. */
  socket(path: '/v1/market/ws' | '/v1/accounts/ws'): AriesSocket {
    const socket = new AriesSocket({
      url: `${this.sim.baseUrl.replace('http:', 'ws:')}${path}`,
      name: path.includes('market') ? 'market' : 'account',
      getAccessToken: () => this.tokens.getAccessToken(),
      refreshAccessToken: () => this.tokens.getAccessToken({ forceRefresh: true }),
      logger: silent,
      rng: new Rng(5),
      timing: CLIENT_TIMING,
      now: () => this.clock.now(),
    });
    this.sockets.push(socket);
    return socket;
  }

  /** Opens the market socket with the client's market stream subscribed to `symbols`; resolves once subscribed. */
  async marketStream(symbols: readonly string[]): Promise<AriesMarketStream> {
    const socket = this.socket('/v1/market/ws');
    const stream = new AriesMarketStream(socket, silent);
    this.disposers.push(() => stream.dispose());
    const subscribed = firstValueFrom(socket.messages$.pipe(filter((m) => m.type === 'response' && m.action === 'subscribed')));
    stream.subscribe(symbols);
    socket.connect();
    await subscribed;
    return stream;
  }

  /** Opens the account socket with the client's account stream; resolves with the stream and its snapshot. */
  async accountStream(accountId: string): Promise<{ stream: AriesAccountStream; socket: AriesSocket; snapshot: AccountStreamEvent }> {
    const socket = this.socket('/v1/accounts/ws');
    const stream = new AriesAccountStream(socket, silent);
    this.disposers.push(() => stream.dispose());
    const snapshot = firstValueFrom(stream.events$.pipe(filter((e) => e.kind === 'snapshot')));
    stream.subscribe(accountId);
    socket.connect();
    return { stream, socket, snapshot: await snapshot };
  }

  /** Moves the clock to the next bar's close and replays it (its quotes and trades, then the bar). */
  async step(): Promise<Bar> {
    const next = this.bars[this.stepped];
    if (next === undefined) throw new Error('no bars left to replay');
    this.clock.advanceTo(next.tsEnd);
    const bar = await this.feed.step();
    this.stepped += 1;
    if (bar === undefined) throw new Error('replay ended early');
    return bar;
  }

  /** Closes every socket, the simulator and the feed. */
  async close(): Promise<void> {
    for (const dispose of this.disposers) dispose();
    await Promise.all(this.sockets.map((s) => s.close()));
    await this.sim.close();
    await this.feed.close();
  }
}

/** Records every value of a stream and resolves waits on what it has seen, past or future. */
export class Recorder<T> {
  readonly seen: T[] = [];
  private readonly waiters = new Set<() => boolean>();

  constructor(source: Observable<T>) {
    source.subscribe((v) => {
      this.seen.push(v);
      for (const check of [...this.waiters]) if (check()) this.waiters.delete(check);
    });
  }

  /** Resolves with the first non-undefined answer of `probe` over everything seen so far. */
  until<R>(probe: (seen: readonly T[]) => R | undefined): Promise<R> {
    return new Promise((resolve) => {
      const check = (): boolean => {
        const r = probe(this.seen);
        if (r === undefined) return false;
        resolve(r);
        return true;
      };
      if (!check()) this.waiters.add(check);
    });
  }

  /** Resolves with the first value matching `pred`, already seen or still to come. */
  next(pred: (v: T) => boolean): Promise<T> {
    return this.until((seen) => seen.find(pred));
  }
}
