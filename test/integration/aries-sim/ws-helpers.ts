import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { filter, firstValueFrom, Subject } from 'rxjs';
import WebSocket from 'ws';
import { createRandomWalkFeed } from '../../../src/aries-sim/replay/index.js';
import type { ReplayFeed } from '../../../src/aries-sim/replay/index.js';
import type { SimAccountFeed, SimAccountMessage, SimAuth, SimPrincipal } from '../../../src/aries-sim/sim-ports.js';
import { attachSimSockets, clockTimers } from '../../../src/aries-sim/ws/index.js';
import type { SimSocketOptions, SimSockets } from '../../../src/aries-sim/ws/index.js';
import { decodeFrame, parseAccountEvent, parseMarketEvent, parseWire, wsEnvelopeSchema, wsEventPayloadSchema } from '../../../src/aries/wire/index.js';
import { AriesSocket } from '../../../src/aries/ws/index.js';
import type { SocketMessage, SocketState, SocketStateEvent, SocketTiming } from '../../../src/aries/ws/index.js';
import { Rng, VirtualClock } from '../../../src/time/index.js';

/** 2024-01-02 09:30 New York: the server's virtual time. */
export const T0 = Date.UTC(2024, 0, 2, 14, 30);
export const ACCOUNT = 'ACC-1';
export const OTHER_ACCOUNT = 'ACC-2';

/** Tokens starting with `good` are valid for {@link ACCOUNT}; everything else is refused. */
export const fakeAuth: SimAuth = {
  authenticate(token: string): SimPrincipal | undefined {
    return token.startsWith('good') ? { accountId: ACCOUNT, scopes: ['account', 'trading', 'market'], expiresAt: T0 + 3_600_000 } : undefined;
  },
};

/** An account feed driven by the test. */
export function fakeAccountFeed(): SimAccountFeed & { readonly push: (m: SimAccountMessage) => void } {
  const subject = new Subject<SimAccountMessage>();
  return {
    messages$: subject.asObservable(),
    push: (m) => subject.next(m),
    snapshot: (accountId) => ({
      orders: [{ clOrdId: 'c-0', accountId, symbol: 'AAPL', side: 'BUY', type: 'LIMIT', qty: '10', price: '100.00', ordStatus: 'NEW', cumQty: '0', leavesQty: '10' }],
      positions: [{ accountId, symbol: 'MSFT', quantity: '5', averagePrice: '20.00' }],
      balance: { accountId, cashBalance: '1000.00', balance: '1100.00', stockBuyingPower: '2000.00' },
    }),
  };
}

/** Returns an `account.order` event for `accountId` with a given `clOrdId`. */
export function orderEvent(accountId: string, clOrdId: string, cumQty = '0'): SimAccountMessage {
  const data = { clOrdId, accountId, symbol: 'AAPL', side: 'BUY', type: 'MARKET', qty: '10', ordStatus: cumQty === '0' ? 'NEW' : 'FILLED', cumQty, leavesQty: '0' };
  return { accountId, payload: { action: 'update', type: 'account.order', data } };
}

/** A server under test: an http server on 127.0.0.1:0 with the sockets attached on a VirtualClock. */
export interface SimSocketRig {
  readonly server: Server;
  readonly sockets: SimSockets;
  readonly clock: VirtualClock;
  readonly market: ReplayFeed;
  readonly account: ReturnType<typeof fakeAccountFeed>;
  url(path: string): string;
  close(): Promise<void>;
}

/** Starts a rig; the market is a two-symbol random walk stepped by hand. */
export async function startRig(options: SimSocketOptions = {}, walkStart = T0): Promise<SimSocketRig> {
  const server = createServer((_req, res) => {
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const clock = new VirtualClock(T0);
  const market = createRandomWalkFeed({ symbols: ['AAPL', 'MSFT'], seed: 1, bars: 1_000, start: walkStart, startTs: walkStart });
  const account = fakeAccountFeed();
  const sockets = attachSimSockets(server, { auth: fakeAuth, market, account, now: () => clock.now(), timers: clockTimers(clock), options });
  return {
    server,
    sockets,
    clock,
    market,
    account,
    url: (path) => `ws://127.0.0.1:${port}${path}`,
    async close() {
      await sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Returns why a server message breaks the client's wire schemas, or `undefined` when it passes. */
export function contractProblem(kind: 'market' | 'account', value: unknown): string | undefined {
  const env = parseWire(wsEnvelopeSchema, value, 'envelope');
  if (!env.ok) return env.problem;
  if (env.value.type !== 'event') return undefined;
  const payload = parseWire(wsEventPayloadSchema, env.value.payload, 'event payload');
  if (!payload.ok) return payload.problem;
  const parsed = kind === 'market' ? parseMarketEvent(payload.value) : parseAccountEvent(payload.value);
  return parsed.ok ? undefined : parsed.problem;
}

/** A bare `ws` client that records every frame and parses every line against the wire schemas. */
export class RawClient {
  readonly frames: string[] = [];
  readonly messages: Record<string, unknown>[] = [];
  readonly problems: string[] = [];
  readonly opened: Promise<void>;
  readonly closed: Promise<number>;
  readonly ws: WebSocket;
  private readonly arrivals = new Subject<void>();

  constructor(url: string, private readonly kind: 'market' | 'account') {
    this.ws = new WebSocket(url);
    this.ws.on('error', () => undefined);
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
    this.closed = new Promise((resolve) => this.ws.once('close', (code) => resolve(code)));
    this.ws.on('message', (data) => this.onFrame(String(data)));
  }

  /** Sends one JSON message. */
  send(message: unknown): void {
    this.ws.send(JSON.stringify(message));
  }

  /** Resolves with the first message (past or future) matching `pred`. */
  async next(pred: (m: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
    for (;;) {
      const found = this.messages.find(pred);
      if (found !== undefined) return found;
      await firstValueFrom(this.arrivals);
    }
  }

  /** Resolves once `n` messages (past or future) match `pred`; returns them. */
  async count(pred: (m: Record<string, unknown>) => boolean, n: number): Promise<Record<string, unknown>[]> {
    for (;;) {
      const found = this.messages.filter(pred);
      if (found.length >= n) return found;
      await firstValueFrom(this.arrivals);
    }
  }

  /** Sends `/auth` and resolves with the server's answer. */
  async auth(token: string, id = 'auth-1'): Promise<Record<string, unknown>> {
    this.send({ type: 'request', id, payload: { method: 'POST', path: '/auth', body: { action: 'auth', token } } });
    return this.next((m) => payloadOf(m)['id'] === id);
  }

  private onFrame(frame: string): void {
    this.frames.push(frame);
    for (const line of decodeFrame(frame)) {
      if (!line.ok) {
        this.problems.push(line.problem);
        continue;
      }
      const problem = contractProblem(this.kind, line.value);
      if (problem !== undefined) this.problems.push(problem);
      this.messages.push(line.value as Record<string, unknown>);
    }
    this.arrivals.next();
  }
}

/** Returns a message's payload as a record (empty when absent). */
export function payloadOf(m: Record<string, unknown>): Record<string, unknown> {
  const p = m['payload'];
  return typeof p === 'object' && p !== null && !Array.isArray(p) ? (p as Record<string, unknown>) : {};
}

const silentLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Client timing for tests: quick reconnects, no pings unless asked. */
export const CLIENT_TIMING: Partial<SocketTiming> = {
  authTimeoutMs: 2_000,
  pingIntervalMs: 60_000,
  heartbeatGraceMs: 1_000,
  backoffStartMs: 5,
  backoffFactor: 2,
  backoffCapMs: 40,
  backoffJitterMs: 3,
  stableResetMs: 60_000,
};

/** The project's own client, with tokens `good-access-<n>` / `good-refresh-<n>` (or `token()` when given). */
export function client(url: string, timing: Partial<SocketTiming> = {}, token?: () => Promise<string>) {
  const calls = { access: 0, refresh: 0 };
  const socket = new AriesSocket({
    url,
    name: 'sim-test',
    getAccessToken: token ?? (() => Promise.resolve(`good-access-${++calls.access}`)),
    refreshAccessToken: () => Promise.resolve(`good-refresh-${++calls.refresh}`),
    logger: silentLogger,
    rng: new Rng(3),
    timing: { ...CLIENT_TIMING, ...timing },
  });
  return { socket, calls };
}

/** Resolves with the next state event matching. */
export function nextState(socket: AriesSocket, state: SocketState, extra: (e: SocketStateEvent) => boolean = () => true): Promise<SocketStateEvent> {
  return firstValueFrom(socket.state$.pipe(filter((e) => e.state === state && extra(e))));
}

/** Resolves with the next application message matching. */
export function nextMessage(socket: AriesSocket, pred: (m: SocketMessage) => boolean): Promise<SocketMessage> {
  return firstValueFrom(socket.messages$.pipe(filter(pred)));
}
