import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toOrderId, toSymbol } from '../../../src/core/index.js';
import { Journal } from '../../../src/execution/index.js';
import { amt } from '../../support/builders.js';
import { execFill, fixedClock, journalPath } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const WRITER = fileURLToPath(new URL('./fixtures/journal-writer.ts', import.meta.url));

/** Runs the writer child, SIGKILLs it as soon as it reports the commit, and returns the signal it died of. */
async function writeThenKill(path: string, scenario: 'intent' | 'fill' | 'background'): Promise<NodeJS.Signals | null> {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, path, scenario], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('committed\n')) resolve();
    });
    void exited.then(([code]) => reject(new Error(`writer exited (${code}) before committing: ${stderr}`)));
  });
  child.kill('SIGKILL');
  const [, signal] = await exited;
  return signal;
}

describe('journal after SIGKILL', () => {
  it('keeps an intent committed just before the process was killed, as an unknown place outcome', async () => {
    const path = journalPath();
    expect(await writeThenKill(path, 'intent')).toBe('SIGKILL');
    // The killed writer never checkpointed: the intent is only in the WAL, and must be read from it.
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);
    const journal = Journal.open(path, fixedClock());
    expect(journal.intentsWithoutVenueId()).toEqual([{
      id: 'O-1', symbol: 'AAPL', side: 'BUY', qty: amt('10'), type: 'LIMIT', tif: 'DAY', limitPrice: amt('150.12345678'), tsCreated: 5_000,
    }]);
    journal.close();
  });

  it('keeps every intent committed before the kill while checkpoints ran on the background thread', async () => {
    const path = journalPath();
    expect(await writeThenKill(path, 'background')).toBe('SIGKILL');
    const journal = Journal.open(path, fixedClock());
    const ids = journal.intentsWithoutVenueId().map((i) => i.id);
    expect(ids).toHaveLength(200);
    expect(new Set(ids)).toEqual(new Set(Array.from({ length: 200 }, (_, i) => `O-${i + 1}`)));
    journal.close();
  });

  it('keeps a fill committed before the kill and refuses it when it is replayed after the restart', async () => {
    const path = journalPath();
    expect(await writeThenKill(path, 'fill')).toBe('SIGKILL');
    const journal = Journal.open(path, fixedClock());
    expect(journal.intentsWithoutVenueId()).toEqual([]);
    expect(journal.order(toOrderId('O-1'))).toMatchObject({ venueOrderId: 'CL-1', status: 'PARTIALLY_FILLED', filledQty: amt('4') });
    expect(journal.recordFill(execFill('E-1', 'O-1', '4', '150', { ts: 5_001 }))).toBe('duplicate');
    expect(journal.positionsFromFills()).toEqual(new Map([[toSymbol('AAPL'), amt('4')]]));
    journal.close();
  });
});
