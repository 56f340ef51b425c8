import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmod, lstat, mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  AuthErrorCode, FileTokenStore, resolveClientCredentials, resolveTokenFilePath,
} from '../../../../src/aries/auth/index.js';
import type { StoredTokens } from '../../../../src/aries/auth/index.js';
import { isRunnerError } from '../../../../src/core/index.js';
import { tempDir } from '../../../support/temp-dir.js';

const TOKENS: StoredTokens = { accessToken: 'at', tokenType: 'Bearer', expiresAt: 5, refreshToken: 'rt', obtainedAt: 1 };
let root: string;
let savedUmask: number;

beforeEach(() => {
  savedUmask = process.umask();
  root = tempDir('aries-tokens-');
});
afterEach(() => {
  process.umask(savedUmask);
});

async function mode(path: string): Promise<number> {
  return (await lstat(path)).mode & 0o777;
}

async function loadError(store: FileTokenStore): Promise<unknown> {
  return store.load().then(() => undefined, (e: unknown) => e);
}

describe('FileTokenStore (T-19)', () => {
  it.each([0o077, 0o000, 0o022])('writes 0600 in a 0700 directory under umask %o', async (umask) => {
    process.umask(umask);
    const path = join(root, 'a', 'aries-runner', 'tokens.json');
    const store = new FileTokenStore(path);
    await store.save(TOKENS);
    expect(await mode(path)).toBe(0o600);
    expect(await mode(join(root, 'a', 'aries-runner'))).toBe(0o700);
    expect(await store.load()).toEqual(TOKENS);
  });

  it('replaces the file atomically, keeps mode 0600 and leaves no temp file', async () => {
    process.umask(0o000);
    const path = join(root, 'dir', 'tokens.json');
    const store = new FileTokenStore(path);
    await store.save(TOKENS);
    const before = (await lstat(path)).ino;
    await store.save({ ...TOKENS, accessToken: 'at2', refreshToken: 'rt2' });
    expect((await lstat(path)).ino).not.toBe(before);
    expect(await mode(path)).toBe(0o600);
    expect((await store.load())?.refreshToken).toBe('rt2');
    expect(await readdir(join(root, 'dir'))).toEqual(['tokens.json']);
  });

  it('refuses a group/world-readable file on load', async () => {
    const store = new FileTokenStore(join(root, 'd', 'tokens.json'));
    await store.save(TOKENS);
    await chmod(store.path, 0o644);
    const error = await loadError(store);
    expect(isRunnerError(error, AuthErrorCode.TOKEN_FILE)).toBe(true);
    expect(String((error as Error).message)).toContain('chmod 600');
  });

  it('refuses a symlink even when its target is private', async () => {
    const real = new FileTokenStore(join(root, 'd', 'real.json'));
    await real.save(TOKENS);
    const linkPath = join(root, 'd', 'tokens.json');
    await symlink(real.path, linkPath);
    const error = await loadError(new FileTokenStore(linkPath));
    expect(isRunnerError(error, AuthErrorCode.TOKEN_FILE)).toBe(true);
    expect(String((error as Error).message)).toContain('symbolic link');
  });

  it('refuses a group/world-accessible directory on load and on save', async () => {
    const dir = join(root, 'open');
    await mkdir(dir);
    await chmod(dir, 0o755);
    const store = new FileTokenStore(join(dir, 'tokens.json'));
    expect(isRunnerError(await store.save(TOKENS).catch((e: unknown) => e), AuthErrorCode.TOKEN_FILE)).toBe(true);
    expect(isRunnerError(await loadError(store), AuthErrorCode.TOKEN_FILE)).toBe(true);
  });

  it('returns undefined when nothing is stored and clears idempotently', async () => {
    const store = new FileTokenStore(join(root, 'none', 'tokens.json'));
    expect(await store.load()).toBeUndefined();
    await store.save(TOKENS);
    await store.clear();
    await store.clear();
    expect(await store.load()).toBeUndefined();
  });

  it('rejects a corrupt file without quoting its content', async () => {
    const dir = join(root, 'c');
    await mkdir(dir, { mode: 0o700 });
    const path = join(dir, 'tokens.json');
    await writeFile(path, '{"version":1,"tokens":{"accessToken":"secret-in-file"', { mode: 0o600 });
    const error = await loadError(new FileTokenStore(path));
    expect(isRunnerError(error, AuthErrorCode.TOKEN_FILE)).toBe(true);
    expect(String((error as Error).message)).not.toContain('secret-in-file');
    await writeFile(path, '{"version":1,"tokens":{"accessToken":"secret-in-file"}}', { mode: 0o600 });
    const invalid = await loadError(new FileTokenStore(path));
    expect(String((invalid as Error).message)).toMatch(/invalid field\(s\) tokens\.tokenType, tokens\.obtainedAt/);
  });
});

describe('token file path and client credentials', () => {
  it('defaults to ~/.config/aries-runner/tokens.json and honours ARIES_TOKEN_FILE', () => {
    expect(resolveTokenFilePath({}, '/home/u')).toBe('/home/u/.config/aries-runner/tokens.json');
    expect(resolveTokenFilePath({ ARIES_TOKEN_FILE: '/x/t.json' }, '/home/u')).toBe('/x/t.json');
    expect(resolveTokenFilePath({ ARIES_TOKEN_FILE: '' }, '/home/u')).toBe('/home/u/.config/aries-runner/tokens.json');
  });

  it('reads the client id and secret from env first, then config, and requires an id', () => {
    expect(resolveClientCredentials({ ARIES_CLIENT_ID: 'e-id', ARIES_CLIENT_SECRET: 'e-sec' }, { clientId: 'c-id', clientSecret: 'c-sec' }))
      .toEqual({ clientId: 'e-id', clientSecret: 'e-sec' });
    expect(resolveClientCredentials({}, { clientId: 'c-id' })).toEqual({ clientId: 'c-id' });
    const error = (() => { try { return resolveClientCredentials({}, {}); } catch (e: unknown) { return e; } })();
    expect(isRunnerError(error, AuthErrorCode.CLIENT_CREDENTIALS)).toBe(true);
  });
});
