import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Dispatcher } from 'undici';
import {
  AriesAccountStream, AriesClient, AriesHttp, AriesMarketStream, AriesSocket, FileTokenStore, runLogin, TokenClient, TokenManager,
} from '../src/aries/index.js';
import { approveHeadless, openReplayFeed, startSimulator } from '../src/aries-sim/index.js';
import { amountFromNumber } from '../src/core/index.js';
import type { AriesConnection } from '../src/modes/index.js';
import { grantedScopes } from '../src/modes/aries-connection.js';
import { replayClock } from '../src/modes/replay-clock.js';
import { LiveClock, Rng } from '../src/time/index.js';

/** The in-process simulator replaying the bench's bars: where it serves, and its replay. */
export interface RigSimulator {
  readonly baseUrl: string;
  /** Starts the paced replay. */
  start(): void;
  /** Resolves at the end of the replay. */
  readonly finished: Promise<void>;
  close(): Promise<void>;
}

/** The simulator and the project's own client logged in to it over loopback. */
export interface LiveRig {
  readonly sim: RigSimulator;
  readonly connection: AriesConnection;
  close(): Promise<void>;
}

/** How the rig is set up besides the bars. */
export interface LiveRigOptions {
  /** undici dispatcher for the REST calls (the bench wraps the agent to timestamp each request as it is written). */
  readonly dispatcher: Dispatcher;
  /** The bench's stage timer, handed to the REST transport. */
  readonly probe?: (point: string) => void;
}

/** What the simulator is started with. */
interface SimSettings {
  readonly csv: string;
  readonly speed: number;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
}

const CLIENT_ID = 'aries-bench';
const LOOSE = { capacity: 1_000_000, windowMs: 60_000 };
const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      server.close(() => resolve(typeof a === 'object' && a !== null ? a.port : 0));
    });
  });
}

async function replaySimulator(d: SimSettings): Promise<RigSimulator> {
  const wall = new LiveClock();
  const feed = await openReplayFeed({ files: [d.csv], seed: 3, speed: d.speed, clock: wall });
  const sim = await startSimulator({
    clients: [{ clientId: d.clientId, clientSecret: d.clientSecret, redirectUris: [d.redirectUri] }],
    accounts: [{ id: 'SIM-000001', cash: amountFromNumber(1e9) }],
    headless: true, clock: wall, marketClock: replayClock(() => feed.simNow(), wall), market: feed, bars: feed, seed: 3,
    rateLimits: { auth: 100_000, user: 100_000, market: 100_000, trading: 100_000 },
  });
  return {
    baseUrl: sim.baseUrl, start: () => feed.start(), finished: feed.finished,
    async close() {
      await feed.close();
      await sim.close();
      wall.dispose();
    },
  };
}

/**
 * Starts `startSimulator` replaying `csv` at `speed`, logs in with the real PKCE flow and opens the
 * runner's client the way `openAriesConnection` does, with two differences for measuring: rate
 * limits (client and simulator) far above the bench's order count, and the REST `dispatcher`.
 */
export async function startLiveRig(csv: string, speed: number, options: LiveRigOptions): Promise<LiveRig> {
  const port = await freePort();
  const redirectUri = `http://127.0.0.1:${port}/callback`;
  const clientSecret = randomBytes(24).toString('hex');
  const simData: SimSettings = { csv, speed, clientId: CLIENT_ID, clientSecret, redirectUri };
  const sim = await replaySimulator(simData);
  const dir = mkdtempSync(path.join(tmpdir(), 'aries-bench-live-'));
  const tokenFile = path.join(dir, 'tokens.json');
  const sink = { write: () => true };
  await runLogin(
    { redirectUri, port, apiUrl: sim.baseUrl, authorizeUrl: `${sim.baseUrl}/oauth2/authorize`, tokenFile, timeoutMs: 30_000, openBrowser: true, env: { ARIES_CLIENT_ID: CLIENT_ID, ARIES_CLIENT_SECRET: clientSecret } },
    { out: sink, err: sink, openBrowser: (url) => void approveHeadless(url).catch(() => undefined) },
  );
  const tokens = new TokenManager({ refresher: new TokenClient({ clientId: CLIENT_ID, clientSecret, baseUrl: sim.baseUrl }), store: new FileTokenStore(tokenFile), now: () => Date.now() });
  await tokens.load();
  const http = new AriesHttp({
    baseUrl: sim.baseUrl, getAccessToken: () => tokens.accessToken(), dispatcher: options.dispatcher,
    grantedScopes: grantedScopes(tokens),
    rateBudgets: { trading: LOOSE, 'user-management': LOOSE },
    ...(options.probe === undefined ? {} : { probe: options.probe }),
  });
  const client = new AriesClient(http);
  const accountId = await client.tradingAccountId(undefined);
  const socket = (p: string, name: string, seed: number): AriesSocket => new AriesSocket({
    url: `${sim.baseUrl.replace(/^http/, 'ws')}${p}`, name, logger: quiet, rng: new Rng(seed),
    getAccessToken: () => tokens.getAccessToken(), refreshAccessToken: () => tokens.getAccessToken({ forceRefresh: true }),
  });
  const marketSocket = socket('/v1/market/ws', 'market', 1);
  const accountSocket = socket('/v1/accounts/ws', 'account', 2);
  const market = new AriesMarketStream(marketSocket, quiet);
  const account = new AriesAccountStream(accountSocket, quiet);
  const connection: AriesConnection = {
    apiUrl: sim.baseUrl, accountId, client, tokens, marketSocket, market, accountSocket, account,
    async close() {
      market.dispose();
      account.dispose();
      await Promise.all([marketSocket.close(), accountSocket.close()]);
    },
  };
  return {
    sim, connection,
    async close() {
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
