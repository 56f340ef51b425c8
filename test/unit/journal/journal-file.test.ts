import { chmodSync, statSync, writeFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Journal, JOURNAL_MIGRATIONS, JOURNAL_SCHEMA_VERSION } from '../../../src/execution/index.js';
import { openJournalFile } from '../../../src/execution/journal/journal-file.js';
import { codeOf, fixedClock, journalPath, limitIntent } from './helpers.js';

function withUmask<T>(mask: number, body: () => T): T {
  const previous = process.umask(mask);
  try {
    return body();
  } finally {
    process.umask(previous);
  }
}

const modeOf = (path: string): number => statSync(path).mode & 0o777;

describe('journal file', () => {
  it.each([0o000, 0o022])('creates the file with mode 0600 under umask %o, WAL side files included', (mask) => {
    const path = journalPath();
    const journal = withUmask(mask, () => Journal.open(path, fixedClock()));
    withUmask(mask, () => journal.recordIntent(limitIntent()));
    expect(modeOf(path)).toBe(0o600);
    expect(modeOf(`${path}-wal`)).toBe(0o600);
    journal.close();
    expect(modeOf(path)).toBe(0o600);
  });

  it('refuses an existing journal readable by group or others, and leaves its mode alone', () => {
    const path = journalPath();
    Journal.open(path, fixedClock()).close();
    chmodSync(path, 0o644);
    expect(codeOf(() => Journal.open(path, fixedClock()))).toBe('JOURNAL_ERR_FILE');
    expect(modeOf(path)).toBe(0o644);
    chmodSync(path, 0o600);
    expect(() => Journal.open(path, fixedClock()).close()).not.toThrow();
  });

  // Design decision (README): NORMAL in WAL mode keeps every commit atomic and durable across a
  // process crash without an fsync per intent; only an OS crash can lose the last commits.
  it('runs in WAL mode with synchronous=NORMAL', () => {
    const path = journalPath();
    const journal = Journal.open(path, fixedClock());
    journal.recordIntent(limitIntent());
    const probe = new BetterSqlite3(path, { readonly: true });
    expect(probe.pragma('journal_mode', { simple: true })).toBe('wal');
    probe.close();
    journal.close();
    // synchronous is a per-connection setting: read it on a connection from the opener Journal.open uses.
    const db = openJournalFile(path);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('creates new journals with 1 KB pages and leaves the page size of an existing journal alone', () => {
    const fresh = journalPath();
    Journal.open(fresh, fixedClock()).close();
    const a = new BetterSqlite3(fresh, { readonly: true });
    expect(a.pragma('page_size', { simple: true })).toBe(1024);
    a.close();
    const old = journalPath();
    writeFileSync(old, '', { mode: 0o600 });
    const made = new BetterSqlite3(old);
    made.exec(JOURNAL_MIGRATIONS[0] ?? '');
    made.pragma('user_version = 1');
    made.close();
    const journal = Journal.open(old, fixedClock());
    journal.recordIntent(limitIntent());
    journal.close();
    const b = new BetterSqlite3(old, { readonly: true });
    expect(b.pragma('page_size', { simple: true })).toBe(4096);
    b.close();
  });

  it('rejects a file that is not an SQLite database, and one that is not a journal', () => {
    const garbage = journalPath('garbage.db');
    writeFileSync(garbage, 'this is not a database, it is a text file that is long enough'.repeat(20), { mode: 0o600 });
    expect(codeOf(() => Journal.open(garbage, fixedClock()))).toBe('JOURNAL_ERR_CORRUPT');
    const other = journalPath('other.db');
    const db = new BetterSqlite3(other);
    db.exec('CREATE TABLE t (x INTEGER)');
    db.close();
    chmodSync(other, 0o600);
    expect(codeOf(() => Journal.open(other, fixedClock()))).toBe('JOURNAL_ERR_CORRUPT');
  });

  it('refuses a journal written by a newer schema', () => {
    const path = journalPath();
    Journal.open(path, fixedClock()).close();
    const db = new BetterSqlite3(path);
    db.pragma(`user_version = ${JOURNAL_SCHEMA_VERSION + 1}`);
    db.close();
    expect(codeOf(() => Journal.open(path, fixedClock()))).toBe('JOURNAL_ERR_SCHEMA');
  });

  it('migrates a version-1 journal to the current version and keeps its rows', () => {
    const path = journalPath();
    writeFileSync(path, '', { mode: 0o600 });
    const db = new BetterSqlite3(path);
    db.exec(JOURNAL_MIGRATIONS[0] ?? '');
    db.pragma('user_version = 1');
    db.prepare("INSERT INTO trading_state (id, status, reason, ts) VALUES (1, 'HALTED', 'old build', 5)").run();
    db.close();
    const journal = Journal.open(path, fixedClock());
    expect(journal.tradingState()).toEqual({ status: 'HALTED', reason: 'old build', ts: 5 });
    journal.close();
    const check = new BetterSqlite3(path, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(JOURNAL_SCHEMA_VERSION);
    const indexes = check.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'fills_by_ts'").all();
    expect(indexes).toHaveLength(1);
    check.close();
  });

  it('refuses use after close', () => {
    const journal = Journal.open(journalPath(), fixedClock());
    journal.close();
    journal.close();
    expect(codeOf(() => journal.openOrders())).toBe('JOURNAL_ERR_CLOSED');
    expect(codeOf(() => journal.recordIntent(limitIntent()))).toBe('JOURNAL_ERR_CLOSED');
  });
});
