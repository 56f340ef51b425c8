import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import { runLogin } from '../aries/index.js';
import { approveHeadless, openReplayFeed, startSimulator, type ReplayFeed, type SimulatorHandle } from '../aries-sim/index.js';
import { amountFromNumber } from '../core/index.js';
import { createTempDir, removeTempDir } from '../data/index.js';
import { LiveClock } from '../time/index.js';
import { replayClock } from './replay-clock.js';

/** Options of {@link startEmbeddedSimulator}. */
export interface EmbeddedSimulatorOptions {
  readonly dataFiles: readonly string[];
  /** Replay speed-up: a bar lasts (bar length ÷ speed) of wall time; nights and weekends take none. */
  readonly speed: number;
  readonly seed: number;
  readonly cash: number;
}

/** A running in-process simulator with a completed login, ready for a paper or live session. */
export interface EmbeddedSimulator {
  readonly apiUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tokenFile: string;
  readonly feed: ReplayFeed;
  readonly sim: SimulatorHandle;
  close(): Promise<void>;
}

const CLIENT_ID = 'aries-runner-embedded';

/**
 * Starts the local Aries simulator in this process, replaying bar files, and logs in to it with
 * the real `login` flow (loopback callback, state, PKCE, code exchange, 0600 token file in a
 * private temporary folder) with the simulator approving the consent headlessly. The replay is
 * not started: call `feed.start()` once the session has subscribed.
 */
export async function startEmbeddedSimulator(o: EmbeddedSimulatorOptions): Promise<EmbeddedSimulator> {
  const wall = new LiveClock();
  const feed = await openReplayFeed({ files: [...o.dataFiles], seed: o.seed, speed: o.speed, clock: wall });
  const port = await freePort();
  const redirectUri = `http://127.0.0.1:${port}/callback`;
  const clientSecret = randomBytes(24).toString('hex');
  const sim = await startSimulator({
    clients: [{ clientId: CLIENT_ID, clientSecret, redirectUris: [redirectUri] }],
    accounts: [{ id: 'SIM-000001', cash: amountFromNumber(o.cash) }],
    headless: true, clock: wall, marketClock: replayClock(() => feed.simNow(), wall), market: feed, bars: feed, seed: o.seed,
  });
  // Removed by close() or, if the process exits first (a forced exit on a second signal), at exit.
  const dir = createTempDir('aries-runner-embedded-');
  const tokenFile = path.join(dir, 'login', 'tokens.json');
  const quiet = { write: () => true };
  try {
    await runLogin(
      {
        redirectUri, port, apiUrl: sim.baseUrl, authorizeUrl: `${sim.baseUrl}/oauth2/authorize`, tokenFile, timeoutMs: 30_000,
        openBrowser: true, env: { ARIES_CLIENT_ID: CLIENT_ID, ARIES_CLIENT_SECRET: clientSecret },
      },
      {
        out: quiet, err: quiet,
        openBrowser: (url) => {
          approveHeadless(url).catch((e: unknown) => process.stderr.write(`embedded simulator: headless approval failed: ${String(e)}\n`));
        },
      },
    );
  } catch (error) {
    // A failed login must not leave the simulator listening or its folder behind.
    await feed.close();
    await sim.close();
    wall.dispose();
    await removeTempDir(dir);
    throw error;
  }
  return {
    apiUrl: sim.baseUrl, clientId: CLIENT_ID, clientSecret, tokenFile, feed, sim,
    async close() {
      await feed.close();
      await sim.close();
      wall.dispose();
      await removeTempDir(dir);
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
