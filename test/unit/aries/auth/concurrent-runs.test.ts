import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuthErrorCode, FileTokenStore, SecretRegistry, TokenManager } from '../../../../src/aries/auth/index.js';
import type { TokenRefresher, TokenResponse } from '../../../../src/aries/auth/index.js';
import { RunnerError } from '../../../../src/core/index.js';
import { tempDir } from '../../../support/temp-dir.js';

/** A token endpoint that rotates refresh tokens: each refresh token works once, like Aries with rotation. */
class RotatingServer implements TokenRefresher {
  calls = 0;
  private current = 'rt-0';

  async refresh(refreshToken: string): Promise<TokenResponse> {
    this.calls += 1;
    await new Promise((resolve) => setImmediate(resolve));
    if (refreshToken !== this.current) throw new RunnerError(AuthErrorCode.INVALID_GRANT, 'refresh token already used');
    this.current = `rt-${this.calls}`;
    return { accessToken: `at-${this.calls}`, tokenType: 'Bearer', expiresInSec: 3600, refreshToken: this.current };
  }
}

let root: string;
beforeEach(() => {
  root = tempDir('aries-concurrent-');
});

function runner(path: string, server: RotatingServer): TokenManager {
  // Each "process" has its own store object and manager over the same file.
  return new TokenManager({ refresher: server, store: new FileTokenStore(path), now: () => 1_000, secrets: new SecretRegistry() });
}

describe('two runner processes sharing one token file (T-19)', () => {
  it('a second run adopts the tokens the first one rotated instead of spending a used refresh token', async () => {
    const path = join(root, 'cfg', 'tokens.json');
    const server = new RotatingServer();
    await new FileTokenStore(path).save({ accessToken: 'at-0', tokenType: 'Bearer', expiresAt: 2_000_000, refreshToken: 'rt-0', obtainedAt: 0 });
    const a = runner(path, server);
    const b = runner(path, server);
    await a.load();
    await b.load();
    expect(await a.getAccessToken({ forceRefresh: true })).toBe('at-1');
    expect(await b.getAccessToken({ forceRefresh: true })).toBe('at-1');
    expect(server.calls).toBe(1);
  });

  it('concurrent refreshes in two runs make exactly one refresh request and leave no lock behind', async () => {
    const path = join(root, 'cfg', 'tokens.json');
    const server = new RotatingServer();
    await new FileTokenStore(path).save({ accessToken: 'at-0', tokenType: 'Bearer', expiresAt: 2_000_000, refreshToken: 'rt-0', obtainedAt: 0 });
    const a = runner(path, server);
    const b = runner(path, server);
    await Promise.all([a.load(), b.load()]);
    const tokens = await Promise.all([a.getAccessToken({ forceRefresh: true }), b.getAccessToken({ forceRefresh: true })]);
    expect(tokens).toEqual(['at-1', 'at-1']);
    expect(server.calls).toBe(1);
    expect(await readdir(join(root, 'cfg'))).toEqual(['tokens.json']);
  });
});
