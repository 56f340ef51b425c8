import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import type { Stats } from 'node:fs';
import { chmod, mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { RunnerError } from '../../core/index.js';
import { AuthErrorCode } from './auth-error-codes.js';
import { withFileLock } from './file-lock.js';
import { StoredTokensFileSchema } from './stored-tokens.js';
import type { StoredTokens } from './stored-tokens.js';
import type { TokenStore } from './token-store.js';

const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

function errnoOf(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : 'unknown error';
}

function fail(path: string, why: string): never {
  throw new RunnerError(AuthErrorCode.TOKEN_FILE, `token file ${path}: ${why}`);
}

function checkPrivate(path: string, st: Stats, kind: 'file' | 'directory'): void {
  const fix = kind === 'file' ? 'chmod 600' : 'chmod 700';
  if ((st.mode & 0o077) !== 0) {
    fail(path, `${kind} mode ${(st.mode & 0o777).toString(8)} is accessible by group or others; run \`${fix} ${path}\` or log in again`);
  }
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid) fail(path, `${kind} is owned by uid ${st.uid}, not by the current user`);
}

/**
 * The token store as one JSON file, mode 0600, in a directory of mode 0700 whatever the umask.
 * Writes go to a temp file in the same directory, are fsynced, then renamed over the target, so
 * a crash or a concurrent run never leaves a torn file. Loading refuses symlinks and files or
 * directories that group or others can access (`ARIES_ERR_TOKEN_FILE`).
 */
export class FileTokenStore implements TokenStore {
  /** The token file path. */
  readonly path: string;

  constructor(path: string) {
    this.path = path;
  }

  /** Returns the stored tokens, or undefined when the file or its directory does not exist. */
  async load(): Promise<StoredTokens | undefined> {
    const dir = dirname(this.path);
    let dirStat: Stats;
    try {
      dirStat = await stat(dir);
    } catch (error: unknown) {
      if (errnoOf(error) === 'ENOENT') return undefined;
      return fail(dir, `cannot read directory (${errnoOf(error)})`);
    }
    checkPrivate(dir, dirStat, 'directory');
    const text = await this.#readPrivate();
    return text === undefined ? undefined : this.#parse(text);
  }

  /** Writes the tokens atomically with mode 0600, creating the directory with mode 0700. */
  async save(tokens: StoredTokens): Promise<void> {
    const dir = dirname(this.path);
    await this.#ensureDirectory(dir);
    const tmp = join(dir, `.${basename(this.path)}.${process.pid}.${randomBytes(8).toString('hex')}.tmp`);
    try {
      const handle = await open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, FILE_MODE);
      try {
        // The umask can only narrow the create mode, and 0o777 would leave the owner locked out.
        await handle.chmod(FILE_MODE);
        await handle.writeFile(`${JSON.stringify({ version: 1, tokens })}\n`, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(tmp, this.path);
    } catch (error: unknown) {
      await unlink(tmp).catch(() => undefined);
      fail(this.path, `cannot write (${errnoOf(error)})`);
    }
    await syncDirectory(dir);
  }

  /** Runs `fn` holding `<file>.lock`, so concurrent runs refresh and rewrite the file one at a time. */
  async withLock<T>(fn: () => Promise<T>): Promise<T> {
    await this.#ensureDirectory(dirname(this.path));
    return withFileLock(`${this.path}.lock`, fn);
  }

  /** Deletes the token file; a missing file is fine. */
  async clear(): Promise<void> {
    try {
      await unlink(this.path);
    } catch (error: unknown) {
      if (errnoOf(error) !== 'ENOENT') fail(this.path, `cannot delete (${errnoOf(error)})`);
    }
  }

  async #readPrivate(): Promise<string | undefined> {
    let handle;
    try {
      handle = await open(this.path, constants.O_RDONLY | constants.O_NOFOLLOW);
    } catch (error: unknown) {
      const errno = errnoOf(error);
      if (errno === 'ENOENT') return undefined;
      if (errno === 'ELOOP') return fail(this.path, 'is a symbolic link; refusing to follow it (delete it and log in again)');
      return fail(this.path, `cannot open (${errno})`);
    }
    try {
      const st = await handle.stat();
      if (!st.isFile()) fail(this.path, 'is not a regular file');
      checkPrivate(this.path, st, 'file');
      return await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  }

  #parse(text: string): StoredTokens {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      // The parser's message quotes file content, which holds secrets.
      return fail(this.path, 'is not valid JSON; delete it and log in again');
    }
    const parsed = StoredTokensFileSchema.safeParse(json);
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(root)'))];
      return fail(this.path, `invalid field(s) ${fields.join(', ')}; delete it and log in again`);
    }
    const { tokens } = parsed.data;
    const entries = Object.entries(tokens).filter(([, value]) => value !== undefined);
    return Object.fromEntries(entries) as unknown as StoredTokens;
  }

  async #ensureDirectory(dir: string): Promise<void> {
    let created: string | undefined;
    try {
      created = await mkdir(dir, { recursive: true, mode: DIR_MODE });
      if (created !== undefined) await chmod(dir, DIR_MODE);
    } catch (error: unknown) {
      fail(dir, `cannot create directory (${errnoOf(error)})`);
    }
    checkPrivate(dir, await stat(dir), 'directory');
  }
}

/** Makes the rename durable; some file systems cannot fsync a directory, which is not fatal. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, constants.O_RDONLY);
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Durability is best effort here; the rename itself already happened.
  }
}
