import { constants } from 'node:fs';
import { open, stat, unlink } from 'node:fs/promises';
import { RunnerError } from '../../core/index.js';
import { AuthErrorCode } from './auth-error-codes.js';

/** Timing of {@link withFileLock}. */
export interface FileLockOptions {
  /** Give up waiting after this long. Default 10 000 ms. */
  readonly timeoutMs?: number;
  /** A lock file older than this is from a crashed process and is removed. Default 30 000 ms. */
  readonly staleMs?: number;
  /** Poll interval while waiting. Default 25 ms. */
  readonly pollMs?: number;
}

function errnoOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

/**
 * Runs `fn` while holding an exclusive lock file (created with O_EXCL, mode 0600), so two runner
 * processes never refresh and rewrite the token file at the same time. A lock left by a crashed
 * process is taken over once it is older than `staleMs`.
 */
export async function withFileLock<T>(lockPath: string, fn: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const staleMs = options.staleMs ?? 30_000;
  const pollMs = options.pollMs ?? 25;
  const started = Date.now();
  for (;;) {
    try {
      const handle = await open(lockPath, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      break;
    } catch (error: unknown) {
      if (errnoOf(error) !== 'EEXIST') throw new RunnerError(AuthErrorCode.TOKEN_FILE, `cannot create lock ${lockPath} (${String(errnoOf(error))})`);
    }
    const age = await stat(lockPath).then((s) => Date.now() - s.mtimeMs, () => 0);
    if (age > staleMs) {
      await unlink(lockPath).catch(() => undefined);
      continue;
    }
    if (Date.now() - started > timeoutMs) {
      throw new RunnerError(AuthErrorCode.TOKEN_FILE, `token file is locked by another aries-runner process (${lockPath}); try again, or delete the lock if no other run is active`);
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  try {
    return await fn();
  } finally {
    await unlink(lockPath).catch(() => undefined);
  }
}
