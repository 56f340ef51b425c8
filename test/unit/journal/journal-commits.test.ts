import { statSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { DenialCode, PASS, toOrderId } from '../../../src/core/index.js';
import { Journal } from '../../../src/execution/index.js';
import { codeOf, fixedClock, journalPath, limitIntent } from './helpers.js';

function decisionRows(path: string): unknown[] {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    return db.prepare('SELECT intent_id, ts, stage, verdict, code FROM decisions ORDER BY id').all();
  } finally {
    db.close();
  }
}

describe('journal commits', () => {
  it('writes an intent together with the decisions that let it through, in their order', () => {
    const path = journalPath();
    const journal = Journal.open(path, fixedClock(7_000));
    const intent = limitIntent('O-1');
    journal.recordIntent(intent, [
      { stage: 'checks', verdict: PASS, ts: 10 },
      { stage: 'trading-state', verdict: PASS, ts: 11 },
      { stage: 'rate-limit', verdict: PASS, ts: 12 },
    ]);
    expect(journal.intentsWithoutVenueId()).toEqual([intent]);
    journal.close();
    expect(decisionRows(path)).toEqual([
      { intent_id: 'O-1', ts: 10, stage: 'checks', verdict: 'PASS', code: null },
      { intent_id: 'O-1', ts: 11, stage: 'trading-state', verdict: 'PASS', code: null },
      { intent_id: 'O-1', ts: 12, stage: 'rate-limit', verdict: 'PASS', code: null },
    ]);
  });

  it('writes neither the decisions nor the intent when the order id is already journaled', () => {
    const path = journalPath();
    const journal = Journal.open(path, fixedClock());
    journal.recordIntent(limitIntent('O-1'));
    expect(codeOf(() => journal.recordIntent(limitIntent('O-1', { qty: '3' }), [{ stage: 'checks', verdict: PASS, ts: 1 }]))).toBe('JOURNAL_ERR_CONFLICT');
    journal.close();
    expect(decisionRows(path)).toEqual([]);
  });

  it('writes several verdicts on one intent at once, denial last', () => {
    const path = journalPath();
    const journal = Journal.open(path, fixedClock());
    journal.recordDecisions(toOrderId('O-9'), [
      { stage: 'checks', verdict: PASS, ts: 1 },
      { stage: 'rate-limit', verdict: { ok: false, reason: { code: DenialCode.RATE_LIMITED, message: 'full' } }, ts: 2 },
    ]);
    journal.recordDecisions(toOrderId('O-10'), []);
    journal.close();
    expect(decisionRows(path)).toEqual([
      { intent_id: 'O-9', ts: 1, stage: 'checks', verdict: 'PASS', code: null },
      { intent_id: 'O-9', ts: 2, stage: 'rate-limit', verdict: 'DENY', code: 'RATE_LIMITED' },
    ]);
  });

  it('checkpoints on the background thread, not inside commits, and still truncates the WAL on close', async () => {
    const path = journalPath();
    const journal = Journal.open(path, fixedClock());
    journal.checkpointInBackground();
    const before = statSync(path).size;
    // 64 commits of a few pages each: under SQLite's 1000-page automatic checkpoint, so only the
    // background thread can have copied them into the database file.
    for (let i = 0; i < 64; i += 1) journal.recordIntent(limitIntent(`O-${i}`));
    await vi.waitFor(() => expect(statSync(path).size).toBeGreaterThan(before), { timeout: 10_000, interval: 20 });
    journal.close();
    expect(statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0).toBe(0);
    const reopened = Journal.open(path, fixedClock());
    expect(reopened.intentsWithoutVenueId()).toHaveLength(64);
    reopened.close();
  });

  it('keeps SQLite checkpointing inline without the background thread', () => {
    const path = journalPath();
    const journal = Journal.open(path, fixedClock());
    const before = statSync(path).size;
    for (let i = 0; i < 64; i += 1) journal.recordIntent(limitIntent(`O-${i}`));
    // Under the automatic threshold nothing was checkpointed yet: the rows are only in the WAL.
    expect(statSync(path).size).toBe(before);
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);
    journal.close();
  });
});
