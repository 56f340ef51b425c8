import { MockAgent } from 'undici';
import { AriesHttp, type AriesHttpOptions } from '../../../../src/aries/rest/index.js';
import { Rng } from '../../../../src/time/index.js';

export const BASE = 'https://api.aries.com';
export const TOKEN = 'canary-access-token-AAAA1111';
export const NEW_TOKEN = 'canary-access-token-BBBB2222';
export const ALL_SCOPES = [
  'user:information',
  'account:information',
  'order:execution',
  'order:information',
  'market:information',
] as const;

/** A fake clock whose sleep advances it and records every wait. */
export class FakeTime {
  t = 1_700_000_000_000;
  readonly sleeps: number[] = [];
  readonly now = (): number => this.t;
  readonly sleep = (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    this.t += ms;
    return Promise.resolve();
  };
}

/** A MockAgent with net connect off and call history on. */
export function mockAgent(): MockAgent {
  const agent = new MockAgent({ enableCallHistory: true });
  agent.disableNetConnect();
  return agent;
}

/** Returns how many requests the agent saw. */
export function callCount(agent: MockAgent): number {
  return agent.getCallHistory()?.calls().length ?? 0;
}

/** Returns an AriesHttp on the mock agent, a fake clock and seeded jitter. */
export function makeHttp(agent: MockAgent, time: FakeTime, overrides: Partial<AriesHttpOptions> = {}): AriesHttp {
  return new AriesHttp({
    baseUrl: BASE,
    getAccessToken: () => Promise.resolve(TOKEN),
    grantedScopes: ALL_SCOPES,
    dispatcher: agent,
    now: time.now,
    sleep: time.sleep,
    rng: new Rng(42),
    ...overrides,
  });
}

/** Runs the promise and returns the error it rejects with (fails if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

/**
 * A fake clock whose sleeps wake in due order: `run` lets all pending I/O settle, then moves the
 * clock to the earliest sleeper and wakes it, so concurrent callers see a consistent time.
 */
export class FakeScheduler {
  t = 1_700_000_000_000;
  private readonly pending: { due: number; wake: () => void }[] = [];
  readonly now = (): number => this.t;
  readonly sleep = (ms: number): Promise<void> =>
    new Promise((wake) => {
      this.pending.push({ due: this.t + ms, wake });
    });

  /** Drives the sleepers until `work` settles, then returns its result. */
  async run<T>(work: Promise<T>): Promise<T> {
    let done = false;
    const tracked = work.finally(() => {
      done = true;
    });
    while (!done) {
      for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setImmediate(resolve));
      this.pending.sort((a, b) => a.due - b.due);
      const next = this.pending.shift();
      if (next === undefined) continue;
      this.t = Math.max(this.t, next.due);
      next.wake();
    }
    return tracked;
  }
}
