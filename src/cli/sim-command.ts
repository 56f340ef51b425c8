import type { Command } from 'commander';
import { RunnerError } from '../core/index.js';
import {
  createRandomWalkFeed, DEFAULT_SIM_CLIENT_ID, DEFAULT_SIM_CLIENT_SECRET, DEFAULT_SIM_REDIRECT_URI, openReplayFeed, startSimulator,
  type ReplayFeed,
} from '../aries-sim/index.js';
import { LiveClock, type Clock } from '../time/index.js';

interface SimFlags {
  readonly port: string;
  readonly data?: string[];
  readonly speed: string;
  readonly seed: string;
  readonly symbol: string[];
  readonly headless: boolean;
}

function whole(name: string, text: string, min: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new RunnerError('CLI_ERR_INVALID', `--${name} must be a whole number ≥ ${min}, got ${JSON.stringify(text)}`);
  return n;
}

/** Returns a clock that reads the replay's time but schedules on the wall clock. */
function replayClock(feed: ReplayFeed, wall: LiveClock): Clock {
  return {
    now: () => feed.simNow(),
    scheduler: wall.scheduler,
    setTimer: (name, ms, cb) => wall.setTimer(name, ms, cb),
    setAlert: (name, at, cb) => wall.setAlert(name, at, cb),
    cancel: (name) => wall.cancel(name),
    dispose: () => wall.dispose(),
  };
}

/** Adds `aries-runner sim` to the program. */
export function addSimCommand(program: Command): void {
  program
    .command('sim')
    .summary('run the local Aries simulator (OAuth, REST, WebSockets) on 127.0.0.1')
    .description(
      'Starts a local Aries-compatible broker on 127.0.0.1: OAuth2 with PKCE, the REST API and the market and account\n' +
        'WebSockets, filling orders with the same simulated venue as backtests. Market data is replayed from bar files\n' +
        '(--data) or a seeded random walk. Runs until interrupted (Ctrl-C).',
    )
    .option('--port <n>', 'port on 127.0.0.1 (0 = any free port)', '0')
    .option('-d, --data <csv...>', 'bar files to replay (Yahoo or generic OHLCV CSV, one symbol each)')
    .option('--speed <n>', 'replay speed-up: one bar-minute lasts 60/n seconds', '60')
    .option('--seed <n>', 'seed of the random walk, intrabar paths and faults', '1')
    .option('--symbol <sym...>', 'symbols of the random walk when no --data is given', ['SIMA', 'SIMB'])
    .option('--headless', 'authorize redirects at once instead of showing the consent page', false)
    .action(async (flags: SimFlags) => {
      await simAction(flags);
    });
}

async function simAction(flags: SimFlags): Promise<void> {
  const port = whole('port', flags.port, 0);
  const seed = whole('seed', flags.seed, 0);
  const speed = Number(flags.speed);
  if (!(speed > 0)) throw new RunnerError('CLI_ERR_INVALID', `--speed must be positive, got ${JSON.stringify(flags.speed)}`);
  const wall = new LiveClock();
  const feed = flags.data !== undefined && flags.data.length > 0
    ? await openReplayFeed({ files: flags.data, seed, speed, clock: wall })
    : createRandomWalkFeed({ symbols: flags.symbol, seed, speed, clock: wall });
  const sim = await startSimulator({
    port, seed, headless: flags.headless, clock: wall, marketClock: replayClock(feed, wall), market: feed, bars: feed, controlEndpoint: true,
  });
  feed.start();
  process.stdout.write(
    `Aries simulator listening on ${sim.baseUrl}\n` +
      `  client id:     ${DEFAULT_SIM_CLIENT_ID}\n  client secret: ${DEFAULT_SIM_CLIENT_SECRET} (simulator only)\n` +
      `  redirect URI:  ${DEFAULT_SIM_REDIRECT_URI}\n  market WS:     ${sim.baseUrl.replace('http', 'ws')}/v1/market/ws\n` +
      `  account WS:    ${sim.baseUrl.replace('http', 'ws')}/v1/accounts/ws\nPress Ctrl-C to stop.\n`,
  );
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  await feed.close();
  await sim.close();
  wall.dispose();
}
