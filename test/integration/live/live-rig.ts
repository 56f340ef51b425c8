import { rmSync } from 'node:fs';
import path from 'node:path';
import { AriesClient, AriesHttp, FileTokenStore, listRecentOrders, type AriesOrderRecord } from '../../../src/aries/index.js';
import { startSimulator, type SimAccountMessage, type SimulatorHandle } from '../../../src/aries-sim/index.js';
import { createReplayFeed, type ReplayFeed } from '../../../src/aries-sim/replay/index.js';
import { amountToNumber, type Bar } from '../../../src/core/index.js';
import { LiveClock, VirtualClock } from '../../../src/time/index.js';
import { minuteBar, Recorder } from '../aries-sim/e2e-rig.js';
import { ACCOUNT, ALL, login, T0 } from '../aries-sim/sim-harness.js';
import { tempDir } from '../../support/temp-dir.js';
import { SYMBOL } from './fixtures/live-session.js';

const BUDGET = { capacity: 100_000, windowMs: 60_000 };

/**
 * A simulator for live-mode tests: tokens and rate limits on the wall clock (so a child process can
 * use the token file as is), market time on a virtual clock stepped bar by bar, a token file
 * written from a real PKCE login, and a client of the test's own for counting orders and positions.
 */
export class LiveRig {
  private stepped = 0;
  /** Every account message the simulator published (its side of the story). */
  readonly published: Recorder<SimAccountMessage>;

  private constructor(
    readonly sim: SimulatorHandle,
    private readonly marketClock: VirtualClock,
    private readonly wall: LiveClock,
    private readonly feed: ReplayFeed,
    private readonly bars: readonly Bar[],
    readonly dir: string,
    readonly tokenFile: string,
    readonly client: AriesClient,
  ) {
    this.published = new Recorder(sim.control.accountFeed.messages$);
  }

  /** Starts the simulator, logs in, writes the token file and replays one bar (so the venue has a price). */
  static async start(): Promise<LiveRig> {
    const marketClock = new VirtualClock(T0);
    const wall = new LiveClock();
    const bars = Array.from({ length: 40 }, (_, i) => minuteBar(i, 100, 100.5, 99.5, 100.25, 100_000));
    const feed = createReplayFeed({ bars, seed: 11, startTs: T0 });
    const sim = await startSimulator({
      headless: true, clock: wall, marketClock, market: feed, bars: feed,
      rateLimits: { auth: 10_000, user: 10_000, market: 10_000, trading: 10_000 },
    });
    const tokens = await login(sim, new VirtualClock(Date.now()), ALL);
    const dir = tempDir('aries-live-');
    const tokenFile = path.join(dir, 'login', 'tokens.json');
    const stored = tokens.tokens;
    if (stored === undefined) throw new Error('login stored no tokens');
    await new FileTokenStore(tokenFile).save(stored);
    const http = new AriesHttp({
      baseUrl: sim.baseUrl, getAccessToken: () => tokens.getAccessToken(), grantedScopes: () => (tokens.tokens?.scope ?? '').split(' '),
      retry: { maxAttempts: 1 }, rateBudgets: { trading: BUDGET, 'user-management': BUDGET },
    });
    const rig = new LiveRig(sim, marketClock, wall, feed, bars, dir, tokenFile, new AriesClient(http));
    await rig.step();
    return rig;
  }

  /** Returns a fresh journal path in the rig's folder. */
  journal(name = 'journal.db'): string {
    return path.join(this.dir, name);
  }

  /** Moves market time to the next bar's close and replays it: its quotes and trades, then the bar (fills). */
  async step(): Promise<void> {
    const next = this.bars[this.stepped];
    if (next === undefined) throw new Error('no bars left');
    this.marketClock.advanceTo(next.tsEnd);
    await this.feed.step();
    this.stepped += 1;
  }

  /** Returns every order the venue has for the account (working and history), once each. */
  async venueOrders(): Promise<readonly AriesOrderRecord[]> {
    const all = await listRecentOrders(this.client, ACCOUNT, T0 - 86_400_000);
    return [...new Map(all.map((o) => [o.venueOrderId, o])).values()];
  }

  /** Returns the broker's position in the test symbol. */
  async brokerQty(): Promise<number> {
    const p = (await this.client.positions(ACCOUNT)).find((x) => x.symbol === SYMBOL);
    return p === undefined ? 0 : amountToNumber(p.qty);
  }

  /** Resolves once the simulator published an order event. */
  orderPublished(): Promise<SimAccountMessage> {
    return this.published.next((m) => m.payload['type'] === 'account.order' || m.payload['topic'] === 'account.order');
  }

  async close(): Promise<void> {
    await this.sim.close();
    await this.feed.close();
    this.wall.dispose();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
