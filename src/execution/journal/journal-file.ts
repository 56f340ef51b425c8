import { closeSync, fchmodSync, fstatSync, mkdirSync, openSync, statSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { RunnerError } from '../../core/index.js';
import { JournalErrorCode } from './journal-errors.js';


/** Page size of a new journal (an existing one keeps its own). */
const PAGE_SIZE = 1024;
/** Permission bits a journal may have: owner read/write only. */
const PRIVATE_MODE = 0o600;
/** Group and world bits: when one of them is set, someone else can read the fills. */
const SHARED_BITS = 0o077;

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
    throw new RunnerError(JournalErrorCode.FILE, `${path}: cannot inspect the journal file`, { cause: error });
  }
}

function modeText(mode: number): string {
  return `0${(mode & 0o777).toString(8)}`;
}

// Created empty before SQLite sees it, so SQLite's own 0644 default never applies; the fchmod makes
// the mode exact whatever the umask or filesystem did with the open mode.
function createPrivateFile(path: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const fd = openSync(path, 'wx', PRIVATE_MODE);
    try {
      fchmodSync(fd, PRIVATE_MODE);
      if ((fstatSync(fd).mode & 0o777) !== PRIVATE_MODE) throw new Error('chmod did not take effect');
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw new RunnerError(JournalErrorCode.FILE, `${path}: cannot create the journal file with mode 0600`, { cause: error });
  }
}

function checkExisting(path: string, stats: Stats): void {
  if (!stats.isFile()) throw new RunnerError(JournalErrorCode.FILE, `${path}: the journal path is not a regular file`);
  if ((stats.mode & SHARED_BITS) !== 0) {
    throw new RunnerError(
      JournalErrorCode.FILE,
      `${path}: the journal is readable or writable by group or others (mode ${modeText(stats.mode)}); ` +
        `it holds orders and fills, so restrict it first: chmod 600 ${path}`,
    );
  }
}

/** Returns whether the error came from SQLite (as opposed to the caller's stream or a bug). */
export function isSqliteError(error: unknown): boolean {
  return error instanceof BetterSqlite3.SqliteError;
}

/** Returns whether an SQLite error means the file is not a (healthy) database. */
export function isCorruptionError(error: unknown): boolean {
  if (!(error instanceof Error) || !('code' in error)) return false;
  return error.code === 'SQLITE_NOTADB' || error.code === 'SQLITE_CORRUPT';
}

/** Returns the error to throw for a failure while opening or reading the journal at `path`. */
export function openFailure(path: string, error: unknown): RunnerError {
  if (error instanceof RunnerError) return error;
  if (isCorruptionError(error)) {
    return new RunnerError(JournalErrorCode.CORRUPT, `${path}: not an SQLite database, or damaged`, { cause: error });
  }
  return new RunnerError(JournalErrorCode.FILE, `${path}: cannot open the journal`, { cause: error });
}

/**
 * Returns a writable connection to the journal at `path`, creating the file with mode 0600 when
 * it is missing. Refuses (`JOURNAL_ERR_FILE`) an existing file that group or others may access
 * rather than silently fixing it: a wider mode means the data may already have been exposed.
 * Sets WAL with `synchronous=NORMAL`: a commit is atomic and survives the process being killed
 * (SIGKILL, a crash) without an fsync per commit; an OS crash or power loss can lose only the
 * last commits (never corrupt the file), since the WAL is synced at each checkpoint and on close.
 */
export function openJournalFile(path: string): Database {
  const stats = statOrUndefined(path);
  if (stats === undefined) createPrivateFile(path);
  else checkExisting(path, stats);
  let db: Database | undefined;
  try {
    db = new BetterSqlite3(path, { fileMustExist: true });
    // A new journal gets 1 KB pages: an order's commit writes a handful of pages to the WAL, and
    // smaller pages made that commit (on the path from quote to order) about a third cheaper.
    if (db.pragma('page_count', { simple: true }) === 0) db.pragma(`page_size = ${PAGE_SIZE}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (error) {
    db?.close();
    throw openFailure(path, error);
  }
}

/** Returns a read-only connection to an existing journal; `JOURNAL_ERR_NOT_FOUND` when there is none. */
export function openJournalReadOnly(path: string): Database {
  const stats = statOrUndefined(path);
  if (stats === undefined) throw new RunnerError(JournalErrorCode.NOT_FOUND, `${path}: no journal file at this path`);
  if (!stats.isFile()) throw new RunnerError(JournalErrorCode.FILE, `${path}: the journal path is not a regular file`);
  try {
    return new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw openFailure(path, error);
  }
}
