import type { Database } from 'better-sqlite3';
import { RunnerError } from '../../core/index.js';
import { JournalErrorCode } from './journal-errors.js';

/*
 * Money and quantities are decimal TEXT written by core `formatAmount`: SQLite REAL would round them.
 * Timestamps are INTEGER epoch milliseconds. Foreign keys are left out on purpose: a fill or event
 * may arrive for an order the journal has not seen yet (fill before ack, external orders) and must
 * still be kept.
 */
const V1 = `
CREATE TABLE runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  started_at INTEGER NOT NULL,
  mode TEXT NOT NULL,
  strategy TEXT NOT NULL,
  params TEXT NOT NULL,
  config_hash TEXT NOT NULL
);
CREATE TABLE intents (
  order_id TEXT PRIMARY KEY,
  run_id INTEGER,
  ts INTEGER NOT NULL,
  intent TEXT NOT NULL
);
CREATE TABLE decisions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  intent_id TEXT NOT NULL,
  ts INTEGER NOT NULL,
  stage TEXT NOT NULL,
  verdict TEXT NOT NULL CHECK (verdict IN ('PASS', 'DENY')),
  code TEXT,
  reason TEXT
);
CREATE TABLE orders (
  order_id TEXT PRIMARY KEY,
  venue_order_id TEXT UNIQUE,
  status TEXT NOT NULL,
  symbol TEXT NOT NULL,
  side TEXT NOT NULL CHECK (side IN ('BUY', 'SELL')),
  qty TEXT NOT NULL,
  filled_qty TEXT NOT NULL,
  avg_price TEXT NOT NULL,
  external INTEGER NOT NULL DEFAULT 0,
  updated_ts INTEGER NOT NULL
);
CREATE TABLE order_events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  order_id TEXT NOT NULL,
  ts INTEGER NOT NULL,
  type TEXT NOT NULL,
  event TEXT NOT NULL
);
CREATE TABLE fills (
  exec_id TEXT NOT NULL UNIQUE,
  order_id TEXT NOT NULL,
  ts INTEGER NOT NULL,
  symbol TEXT NOT NULL,
  side TEXT NOT NULL CHECK (side IN ('BUY', 'SELL')),
  qty TEXT NOT NULL,
  price TEXT NOT NULL,
  commission TEXT NOT NULL
);
CREATE TABLE trading_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  status TEXT NOT NULL,
  reason TEXT NOT NULL,
  ts INTEGER NOT NULL
);
CREATE TABLE kv (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_ts INTEGER NOT NULL
);
`;

// Version 2 adds the indexes behind the hot reads (open orders, fills since, an order's events).
const V2 = `
CREATE INDEX orders_by_status ON orders (status);
CREATE INDEX fills_by_ts ON fills (ts);
CREATE INDEX order_events_by_order ON order_events (order_id, seq);
`;

/** The schema steps: entry i brings a journal from `user_version` i to i + 1. */
export const JOURNAL_MIGRATIONS: readonly string[] = [V1, V2];
/** Returns the schema version this build writes. */
export const JOURNAL_SCHEMA_VERSION = JOURNAL_MIGRATIONS.length;

/** Returns the journal's schema version (`PRAGMA user_version`; 0 for a new database). */
export function schemaVersion(db: Database): number {
  const version: unknown = db.pragma('user_version', { simple: true });
  return typeof version === 'number' ? version : 0;
}

/**
 * Brings the journal to {@link JOURNAL_SCHEMA_VERSION}, one transaction per step so a crash mid-way
 * leaves a consistent older version. Throws `JOURNAL_ERR_SCHEMA` for a journal from a newer build.
 */
export function migrateJournal(db: Database, path: string): void {
  const from = schemaVersion(db);
  if (from > JOURNAL_SCHEMA_VERSION) {
    throw new RunnerError(
      JournalErrorCode.SCHEMA,
      `${path}: journal schema version ${from} is newer than this aries-runner understands (${JOURNAL_SCHEMA_VERSION})`,
    );
  }
  if (from === 0 && hasTables(db)) {
    throw new RunnerError(JournalErrorCode.CORRUPT, `${path}: an SQLite database that is not an aries-runner journal`);
  }
  for (let v = from; v < JOURNAL_SCHEMA_VERSION; v++) {
    const step = JOURNAL_MIGRATIONS[v] ?? '';
    db.transaction(() => {
      db.exec(step);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}

function hasTables(db: Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1").get() !== undefined;
}
