import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { Journal } from '../../../src/execution/index.js';
import { ACCOUNT } from '../aries-sim/sim-harness.js';
import type { SessionLine } from './fixtures/live-session.js';
import { LiveRig } from './live-rig.js';
import { SessionLines } from './session-lines.js';

const CHILD = 'test/integration/live/fixtures/live-child.ts';

/** A live session in a child process. */
class Child {
  readonly lines = new SessionLines();
  readonly exit: Promise<number | null>;
  private readonly proc: ChildProcessWithoutNullStreams;

  constructor(rig: LiveRig, journal: string, killAt?: 'before-post') {
    this.proc = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      env: { ...process.env, LIVE_API_URL: rig.sim.baseUrl, LIVE_TOKEN_FILE: rig.tokenFile, LIVE_JOURNAL: journal, ...(killAt === undefined ? {} : { LIVE_KILL_AT: killAt }) },
    });
    createInterface({ input: this.proc.stdout }).on('line', (line) => {
      if (line.startsWith('{')) this.lines.emit(JSON.parse(line) as SessionLine);
    });
    this.proc.stderr.resume();
    this.exit = new Promise((resolve) => this.proc.on('exit', (code) => resolve(code)));
  }

  kill(): Promise<number | null> {
    this.proc.kill('SIGKILL');
    return this.exit;
  }

  /** Asks the session to stop and returns the strategy's last view of its position. */
  async stop(): Promise<number> {
    this.proc.stdin.write('stop\n');
    const last = await this.lines.next('stop');
    expect(await this.exit).toBe(0);
    return last.pos;
  }
}

let rig: LiveRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

async function stepUntilFilled(r: LiveRig): Promise<void> {
  for (let i = 0; i < 4 && (await r.client.allActiveOrders(ACCOUNT)).length > 0; i += 1) await r.step();
  expect(await r.client.allActiveOrders(ACCOUNT)).toEqual([]);
}

/** Restarts after a crash: the second run must end with one order at the venue and its ledger equal to the broker. */
async function restartAndCheck(r: LiveRig, journal: string): Promise<void> {
  const child = new Child(r, journal);
  await child.lines.next('ready');
  await child.lines.settled();
  const working = (await r.client.allActiveOrders(ACCOUNT)).length > 0;
  const filled = child.lines.next('order', (l) => l.type === 'OrderFilled');
  await stepUntilFilled(r);
  if (working) await filled;
  const ledgerQty = await child.stop();
  expect(await r.venueOrders()).toHaveLength(1);
  expect(await r.brokerQty()).toBe(1);
  expect(ledgerQty).toBe(1);
  // No intent is left with an unknown outcome: each was found at the venue or closed as missing.
  const j = Journal.open(journal, { now: () => 0 });
  const unresolved = j.intentsWithoutVenueId();
  j.close();
  expect(unresolved).toEqual([]);
}

type Crash = (r: LiveRig, journal: string) => Promise<void>;

const crashes: readonly (readonly [string, Crash])[] = [
  ['after the intent is journaled, before the POST', async (r, journal) => {
    const child = new Child(r, journal, 'before-post');
    expect(await child.exit).toBe(null);
    expect(await r.venueOrders()).toHaveLength(0);
  }],
  ['after the POST is accepted, before the response is read', async (r, journal) => {
    r.sim.control.loseNextOrderResponse();
    const published = r.orderPublished();
    const child = new Child(r, journal);
    await published;
    await child.kill();
    expect(await r.venueOrders()).toHaveLength(1);
  }],
  ['after the acknowledgement, before the fill', async (r, journal) => {
    const child = new Child(r, journal);
    await child.lines.next('order', (l) => l.type === 'OrderAccepted');
    await child.kill();
    expect(await r.client.allActiveOrders(ACCOUNT)).toHaveLength(1);
  }],
  ['after the fill', async (r, journal) => {
    const child = new Child(r, journal);
    await child.lines.next('order', (l) => l.type === 'OrderAccepted');
    const filled = child.lines.next('order', (l) => l.type === 'OrderFilled');
    await stepUntilFilled(r);
    await filled;
    await child.kill();
    expect(await r.brokerQty()).toBe(1);
  }],
];

describe('T-2: crash matrix (SIGKILL at each step of an order, then restart)', () => {
  it.each(crashes)('killed %s: the restart ends with one order at the venue and the ledger equal to the broker', async (_name, crash) => {
    const r = (rig = await LiveRig.start());
    const journal = r.journal();
    await crash(r, journal);
    await restartAndCheck(r, journal);
  });
});
