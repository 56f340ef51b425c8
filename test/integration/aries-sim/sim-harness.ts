import { Subject } from 'rxjs';
import { request } from 'undici';
import { toSymbol, type Bar } from '../../../src/core/index.js';
import { VirtualClock } from '../../../src/time/index.js';
import { buildAuthorizeUrl, createOAuthState, createPkcePair, TokenClient, TokenManager, type StoredTokens, type TokenStore } from '../../../src/aries/auth/index.js';
import { AriesHttp, type AriesCall } from '../../../src/aries/rest/index.js';
import {
  DEFAULT_SIM_CLIENT_ID, DEFAULT_SIM_CLIENT_SECRET, DEFAULT_SIM_REDIRECT_URI, startSimulator,
  type SimAccountMessage, type SimulatorHandle, type SimulatorOptions,
} from '../../../src/aries-sim/index.js';

/** Monday 2024-03-04 09:35 New York: inside a regular session. */
export const T0 = Date.UTC(2024, 2, 4, 14, 35);
export const ACCOUNT = 'SIM-000001';
export const ALL = [
  'user:information', 'account:information', 'order:execution', 'order:information', 'position:information',
  'market:information', 'calendar:information',
];

/** A running simulator with a virtual clock, an in-test bar feed and the project's own client logged in. */
export interface Harness {
  readonly sim: SimulatorHandle;
  readonly clock: VirtualClock;
  readonly bars: Subject<Bar>;
  readonly messages: SimAccountMessage[];
  readonly tokens: TokenManager;
  readonly http: AriesHttp;
  readonly scopes: readonly string[];
  /** Emits a one-minute bar opening at `ts` (clock moved to its close first). */
  bar(symbol: string, ts: number, o: number, h: number, l: number, c: number, volume?: number): void;
  /** Sends a call with the client and returns the body. */
  call(call: AriesCall): Promise<unknown>;
  close(): Promise<void>;
}

class MemoryStore implements TokenStore {
  tokens: StoredTokens | undefined;
  load(): Promise<StoredTokens | undefined> {
    return Promise.resolve(this.tokens);
  }
  save(tokens: StoredTokens): Promise<void> {
    this.tokens = tokens;
    return Promise.resolve();
  }
  clear(): Promise<void> {
    this.tokens = undefined;
    return Promise.resolve();
  }
}

/** Returns the code and state of a headless authorize redirect. */
export async function authorizeHeadless(baseUrl: string, scopes: readonly string[], challenge: string, state: string): Promise<URL> {
  const url = buildAuthorizeUrl({
    clientId: DEFAULT_SIM_CLIENT_ID, redirectUri: DEFAULT_SIM_REDIRECT_URI, scopes, state, codeChallenge: challenge,
    authorizeUrl: `${baseUrl}/oauth2/authorize`,
  });
  const res = await request(url, { method: 'GET' });
  await res.body.dump();
  const location = res.headers['location'];
  if (res.statusCode !== 302 || typeof location !== 'string') throw new Error(`authorize answered ${res.statusCode}`);
  return new URL(location);
}

/** Logs in with PKCE through the headless authorize redirect and returns the token manager. */
export async function login(sim: SimulatorHandle, clock: VirtualClock, scopes: readonly string[]): Promise<TokenManager> {
  const pkce = await createPkcePair();
  const state = createOAuthState();
  const back = await authorizeHeadless(sim.baseUrl, scopes, pkce.codeChallenge, state);
  if (back.searchParams.get('state') !== state) throw new Error('state mismatch');
  const client = new TokenClient({ clientId: DEFAULT_SIM_CLIENT_ID, clientSecret: DEFAULT_SIM_CLIENT_SECRET, baseUrl: sim.baseUrl });
  const response = await client.exchangeCode({ code: back.searchParams.get('code') ?? '', codeVerifier: pkce.codeVerifier, redirectUri: DEFAULT_SIM_REDIRECT_URI });
  const manager = new TokenManager({ refresher: client, store: new MemoryStore(), now: () => clock.now() });
  await manager.setTokens(response);
  return manager;
}

/** Starts a simulator and logs in. */
export async function startHarness(options: SimulatorOptions = {}, scopes: readonly string[] = ALL): Promise<Harness> {
  const clock = new VirtualClock(T0);
  const bars = new Subject<Bar>();
  const sim = await startSimulator({ headless: true, controlEndpoint: true, clock, bars: { bars$: bars }, ...options });
  const messages: SimAccountMessage[] = [];
  sim.control.accountFeed.messages$.subscribe((m) => messages.push(m));
  const tokens = await login(sim, clock, scopes);
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
    rateBudgets: { trading: { capacity: 10_000, windowMs: 60_000 }, 'user-management': { capacity: 10_000, windowMs: 60_000 } },
  });
  return {
    sim, clock, bars, messages, tokens, http, scopes,
    bar: (symbol, ts, o, h, l, c, volume = 1_000_000) => {
      if (clock.now() < ts + 60_000) clock.advanceTo(ts + 60_000);
      bars.next({ kind: 'bar', symbol: toSymbol(symbol), ts, tsEnd: ts + 60_000, open: o, high: h, low: l, close: c, volume });
    },
    call: async (call) => (await http.request(call)).body,
    close: () => sim.close(),
  };
}

/** Returns the `account.order` payload data published for an order, in order. */
export function orderEvents(h: Harness, clOrdId: string): Record<string, unknown>[] {
  return h.messages
    .map((m) => m.payload)
    .filter((p) => p['type'] === 'account.order')
    .map((p) => p['data'] as Record<string, unknown>)
    .filter((d) => d['clOrdId'] === clOrdId);
}
