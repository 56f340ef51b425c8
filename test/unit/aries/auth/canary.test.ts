import { beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import pino from 'pino';
import {
  FileTokenStore, SecretRegistry, TokenClient, TokenManager, createRedactingLogger,
} from '../../../../src/aries/auth/index.js';
import { tempDir } from '../../../support/temp-dir.js';
import { BASE_URL, fakeNow, fakeTokenEndpoint } from './helpers.js';
import type { FakeReply } from './helpers.js';

const canary = (name: string) => `CANARY-${name}-${randomBytes(12).toString('hex')}`;
const C = {
  access: canary('access'), access2: canary('access2'), refresh: canary('refresh'), refresh2: canary('refresh2'),
  secret: canary('secret'), access3: canary('access3'), refresh3: canary('refresh3'), code: canary('code'), verifier: canary('verifier'),
};
let root: string;

beforeEach(() => {
  root = tempDir('aries-canary-');
});

/** The fake Aries: code exchange, then one rotating refresh, then invalid_grant echoing the refresh token. */
function ariesReply(body: Record<string, unknown>, i: number): FakeReply {
  if (body['grant_type'] === 'authorization_code') {
    return { status: 200, json: { access_token: C.access, token_type: 'Bearer', expires_in: 3600, refresh_token: C.refresh } };
  }
  if (i === 1) return { status: 200, json: { access_token: C.access2, expires_in: 3600, refresh_token: C.refresh2 } };
  return { status: 400, json: { error: 'invalid_grant', error_description: `refresh token ${String(body['refresh_token'])} revoked` } };
}

async function capture(run: () => Promise<unknown>, errors: unknown[]): Promise<void> {
  await run().catch((error: unknown) => errors.push(error));
}

function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return [error.message, error.stack ?? '', errorText(error.cause ?? '')].join('\n');
}

describe('canary redaction (T-20)', () => {
  it('no secret appears in logs, error messages or stacks, or files other than the token file', async () => {
    const secrets = new SecretRegistry();
    const memory: string[] = [];
    const log = createRedactingLogger('trace', { write: (line: string) => { memory.push(line); } }, secrets);
    const fileLog = createRedactingLogger('trace', pino.destination({ dest: join(root, 'run.log'), sync: true }), secrets);
    const endpoint = fakeTokenEndpoint(ariesReply);
    const client = new TokenClient({ clientId: 'cid', clientSecret: C.secret, baseUrl: BASE_URL, dispatcher: endpoint.agent, secrets });
    const tokenPath = join(root, 'cfg', 'tokens.json');
    const manager = new TokenManager({ refresher: client, store: new FileTokenStore(tokenPath), now: fakeNow().now, secrets });
    const errors: unknown[] = [];
    const trace = (msg: string, extra: object) => {
      for (const logger of [log, fileLog]) logger.debug(extra, msg);
    };

    // Login: the code exchange, logged carelessly on purpose.
    const tokens = await client.exchangeCode({ code: C.code, codeVerifier: C.verifier, redirectUri: 'http://127.0.0.1:5000/cb' });
    await manager.setTokens(tokens);
    trace(`callback ?code=${C.code}&state=s`, { verifier: C.verifier, body: endpoint.bodies[0], tokens });
    // Refresh with rotation; the careless caller logs the header and the secret in a format argument.
    const fresh = await manager.getAccessToken({ forceRefresh: true });
    trace('request', { req: { headers: { Authorization: `Bearer ${fresh}` } }, nested: { deep: { refresh_token: C.refresh2 } } });
    log.info('client secret is %s', C.secret);
    // 401 twice: the second refresh fails with invalid_grant whose description echoes the token.
    await capture(() => manager.authorized(() => Promise.resolve(401), (s) => s === 401), errors);
    // 401 after logout: not logged in.
    await capture(() => manager.getAccessToken(), errors);
    // 401 again after a successful refresh: ARIES_ERR_UNAUTHORIZED, with tokens adopted by the manager itself.
    const rotated = { accessToken: C.access3, tokenType: 'Bearer', expiresInSec: 60, refreshToken: C.refresh3 } as const;
    const other = new TokenManager({
      refresher: { refresh: () => Promise.resolve(rotated) }, store: new FileTokenStore(join(root, 'cfg2', 'tokens.json')), now: () => 0, secrets,
    });
    await other.setTokens({ ...rotated, accessToken: C.access });
    await capture(() => other.authorized((token) => Promise.resolve(token.length > 0 ? 401 : 200), (s) => s === 401), errors);
    for (const error of errors) {
      log.error(error);
      fileLog.error({ err: error, context: { authorization: `Bearer ${C.access2}` } }, 'failed');
    }

    expect(endpoint.bodies.map((b) => b['grant_type'])).toEqual(['authorization_code', 'refresh_token', 'refresh_token']);
    expect(errors.map((e) => (e as { code?: unknown }).code)).toEqual(['ARIES_ERR_AUTH_INVALID_GRANT', 'ARIES_ERR_NOT_LOGGED_IN', 'ARIES_ERR_UNAUTHORIZED']);
    const haystacks: [string, string][] = [
      ...memory.map((line, i): [string, string] => [`log line ${i}`, line]),
      ...errors.map((error, i): [string, string] => [`error ${i}`, errorText(error)]),
    ];
    for (const name of await readdir(root, { recursive: true })) {
      const path = join(root, name);
      if (path === tokenPath || name.endsWith('tokens.json') || !name.includes('.')) continue;
      haystacks.push([name, await readFile(path, 'utf8')]);
    }
    expect(haystacks.map(([name]) => name)).toContain('run.log');
    expect(memory.length).toBeGreaterThanOrEqual(5);
    for (const [name, text] of haystacks) {
      for (const value of Object.values(C)) expect(text.includes(value), `${name} leaks ${value.slice(0, 14)}`).toBe(false);
    }
    // The canaries really flowed: the log shows redaction markers where they were.
    expect(memory.join('\n')).toContain('[REDACTED]');
  });
});
