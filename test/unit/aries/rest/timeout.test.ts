import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { AriesHttp, ARIES_ENDPOINTS } from '../../../../src/aries/rest/index.js';
import type { RunnerError } from '../../../../src/core/index.js';
import { Rng } from '../../../../src/time/index.js';
import { FakeTime, TOKEN, rejection } from './helpers.js';

let server: Server | undefined;
let dispatcher: Agent | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())));
  await dispatcher?.destroy();
  server = undefined;
  dispatcher = undefined;
});

/** Starts a local server that accepts requests and never answers (or stalls after the headers). */
async function silentServer(sendHeaders: boolean): Promise<{ base: string; hits: () => number }> {
  let hits = 0;
  server = createServer((_req, res) => {
    hits += 1;
    if (sendHeaders) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"partial":');
    }
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, hits: () => hits };
}

function http(base: string, maxAttempts: number): AriesHttp {
  dispatcher = new Agent();
  const time = new FakeTime();
  return new AriesHttp({
    baseUrl: base,
    getAccessToken: () => Promise.resolve(TOKEN),
    grantedScopes: ['user:information', 'order:execution'],
    dispatcher,
    headersTimeoutMs: 150,
    bodyTimeoutMs: 150,
    now: time.now,
    sleep: time.sleep,
    rng: new Rng(1),
    retry: { maxAttempts },
  });
}

describe('AriesHttp timeouts against a real local server (T-13)', () => {
  it('aborts a GET whose headers never come with ARIES_ERR_TIMEOUT, within the retry budget', async () => {
    const { base, hits } = await silentServer(false);
    const err = (await rejection(http(base, 2).request({ endpoint: ARIES_ENDPOINTS.usersMe }))) as RunnerError;
    expect(err.code).toBe('ARIES_ERR_TIMEOUT');
    expect(err.message).not.toContain(TOKEN);
    expect(hits()).toBe(2);
  });

  it('aborts a body that stalls with ARIES_ERR_TIMEOUT', async () => {
    const { base } = await silentServer(true);
    const err = (await rejection(http(base, 1).request({ endpoint: ARIES_ENDPOINTS.usersMe }))) as RunnerError;
    expect(err.code).toBe('ARIES_ERR_TIMEOUT');
  });

  it('a place that times out is ARIES_ERR_OUTCOME_UNKNOWN after 1 request', async () => {
    const { base, hits } = await silentServer(false);
    const err = (await rejection(http(base, 5).request({ endpoint: ARIES_ENDPOINTS.placeOrder, body: { symbol: 'AAPL' } }))) as RunnerError;
    expect([err.code, hits()]).toEqual(['ARIES_ERR_OUTCOME_UNKNOWN', 1]);
  });
});
