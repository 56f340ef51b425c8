import { filter, firstValueFrom, last, take } from 'rxjs';
import { Rng } from '../../../../src/time/index.js';
import { AriesSocket } from '../../../../src/aries/ws/index.js';
import type { AriesSocketOptions, SocketLogger, SocketState, SocketStateEvent, SocketTimers, SocketTiming } from '../../../../src/aries/ws/index.js';

/** Short timings for tests: reconnects in milliseconds, nothing times out by accident. */
export const FAST_TIMING: Partial<SocketTiming> = {
  authTimeoutMs: 2_000,
  pingIntervalMs: 1_000,
  heartbeatGraceMs: 1_000,
  backoffStartMs: 5,
  backoffFactor: 2,
  backoffCapMs: 40,
  backoffJitterMs: 3,
  stableResetMs: 60_000,
};

/** A logger that keeps every entry. */
export function recordingLogger(): SocketLogger & { readonly entries: unknown[][] } {
  const entries: unknown[][] = [];
  const push =
    (level: string) =>
    (message: string, context?: Readonly<Record<string, unknown>>): void => {
      entries.push([level, message, context]);
    };
  return { entries, info: push('info'), warn: push('warn'), error: push('error') };
}

/** Wall-clock timers that remember which ones are still pending. */
export function trackingTimers(): SocketTimers & { readonly live: () => number } {
  const pending = new Set<ReturnType<typeof setTimeout>>();
  return {
    setTimeout(callback, ms) {
      const handle = setTimeout(() => {
        pending.delete(handle);
        callback();
      }, ms);
      pending.add(handle);
      return handle;
    },
    clearTimeout(handle) {
      pending.delete(handle);
      clearTimeout(handle);
    },
    live: () => pending.size,
  };
}

/** A socket under test plus its fakes. */
export interface Harness {
  readonly socket: AriesSocket;
  readonly logger: ReturnType<typeof recordingLogger>;
  readonly timers: ReturnType<typeof trackingTimers>;
  readonly calls: { access: number; refresh: number };
}

/** Returns a socket on `url` whose tokens are `tok-access-<n>` and `tok-refresh-<n>`. */
export function makeSocket(
  url: string,
  timing: Partial<SocketTiming> = {},
  seed = 7,
  overrides: Partial<AriesSocketOptions> = {},
): Harness {
  const logger = recordingLogger();
  const timers = trackingTimers();
  const calls = { access: 0, refresh: 0 };
  const socket = new AriesSocket({
    url,
    name: 'test',
    getAccessToken: () => Promise.resolve(`tok-access-${++calls.access}`),
    refreshAccessToken: () => Promise.resolve(`tok-refresh-${++calls.refresh}`),
    logger,
    rng: new Rng(seed),
    timing: { ...FAST_TIMING, ...timing },
    timers,
    ...overrides,
  });
  return { socket, logger, timers, calls };
}

/** Resolves with the `n`-th future state event matching `state` (and `extra`, if given). */
export function nextState(
  socket: AriesSocket,
  state: SocketState,
  n = 1,
  extra: (event: SocketStateEvent) => boolean = () => true,
): Promise<SocketStateEvent> {
  return firstValueFrom(
    socket.state$.pipe(
      filter((e) => e.state === state && extra(e)),
      take(n),
      last(),
    ),
  );
}
