import { MockAgent } from 'undici';
import type { StoredTokens, TokenStore } from '../../../../src/aries/auth/index.js';

/** The origin the mock token endpoint answers on. */
export const BASE_URL = 'https://api.aries.test';

/** One reply from the fake token endpoint. */
export interface FakeReply {
  readonly status: number;
  readonly json: unknown;
}

/** A MockAgent serving `POST /v1/oauth2/token` and recording every JSON body it received. */
export interface FakeTokenEndpoint {
  readonly agent: MockAgent;
  readonly bodies: Record<string, unknown>[];
}

/** Returns a MockAgent token endpoint whose replies come from `handler`, called once per request. */
export function fakeTokenEndpoint(handler: (body: Record<string, unknown>, index: number) => FakeReply): FakeTokenEndpoint {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const bodies: Record<string, unknown>[] = [];
  agent
    .get(BASE_URL)
    .intercept({ path: '/v1/oauth2/token', method: 'POST' })
    .reply((options) => {
      const body = JSON.parse(String(options.body)) as Record<string, unknown>;
      bodies.push(body);
      const reply = handler(body, bodies.length - 1);
      return { statusCode: reply.status, data: JSON.stringify(reply.json), responseOptions: { headers: { 'content-type': 'application/json' } } };
    })
    .persist();
  return { agent, bodies };
}

/** A token store in memory that records every save. */
export class MemoryTokenStore implements TokenStore {
  saved: StoredTokens[] = [];
  current: StoredTokens | undefined;
  cleared = 0;
  failSaves = false;

  load(): Promise<StoredTokens | undefined> {
    return Promise.resolve(this.current);
  }

  save(tokens: StoredTokens): Promise<void> {
    if (this.failSaves) return Promise.reject(new Error('disk full'));
    this.saved.push(tokens);
    this.current = tokens;
    return Promise.resolve();
  }

  clear(): Promise<void> {
    this.cleared += 1;
    this.current = undefined;
    return Promise.resolve();
  }
}

/** A settable clock in epoch milliseconds. */
export function fakeNow(start = 1_700_000_000_000): { now: () => number; set: (t: number) => void } {
  let t = start;
  return { now: () => t, set: (next: number) => { t = next; } };
}
