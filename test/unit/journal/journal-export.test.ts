import { readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { DenialCode, toSymbol, toVenueOrderId } from '../../../src/core/index.js';
import { exportJournal, Journal, type JournalExportFormat } from '../../../src/execution/index.js';
import { addJournalCommand } from '../../../src/cli/journal-command.js';
import { amt } from '../../support/builders.js';
import { asyncCodeOf, execFill, fixedClock, journalPath, limitIntent } from './helpers.js';

/** Writes a journal with at least one row in every table; returns its path. */
function populated(): string {
  const path = journalPath();
  const clock = fixedClock(1_000);
  const journal = Journal.open(path, clock);
  journal.startRun({ mode: 'paper', strategy: 'sma-cross.ts', params: { fast: 5, clientSecret: 'CANARY-SECRET' }, configHash: 'cfg-1' });
  const intent = limitIntent('O-1', { qty: '10.5', limit: '150.12345678', ts: 1_100 });
  journal.recordIntent(intent);
  clock.set(1_200);
  journal.recordDecision(intent.id, 'limits', { ok: false, reason: { code: DenialCode.RATE_LIMITED, message: 'rate, "quoted", limited' } });
  journal.recordDecision(intent.id, 'limits', { ok: true });
  clock.set(1_300);
  journal.recordOrderAccepted(intent.id, toVenueOrderId('CL-1'));
  journal.recordFill(execFill('E-1', 'O-1', '0.00000001', '150.12345678', { ts: 1_400, commission: '0.01' }));
  journal.markExternal(toVenueOrderId('WEB-1'), { symbol: toSymbol('TSLA'), side: 'SELL', qty: amt('2'), status: 'NEW' });
  journal.setTradingState('HALTED', 'manual', 1_500);
  journal.setMark('reconciled', 'yes');
  journal.close();
  return path;
}

async function exported(path: string, format: JournalExportFormat): Promise<{ text: string; records: number }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const { records } = await exportJournal(path, out, format);
  return { text: Buffer.concat(chunks).toString('utf8'), records };
}

describe('journal export', () => {
  it('streams every row of every table as JSON lines in time order, decimals exact, secrets redacted', async () => {
    const { text, records } = await exported(populated(), 'jsonl');
    const lines = text.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(records);
    const tables = lines.map((l) => l['table']);
    // 1 run, 1 intent, 2 decisions, 2 orders, 2 order events (ack, external), 1 fill, 1 trading state, 1 mark.
    expect([...tables].sort()).toEqual(
      ['decisions', 'decisions', 'fills', 'intents', 'kv', 'order_events', 'order_events', 'orders', 'orders', 'runs', 'trading_state'].sort(),
    );
    const ts = lines.map((l) => Number(l['ts']));
    expect(ts).toEqual([...ts].sort((a, b) => a - b));
    expect(lines.find((l) => l['table'] === 'fills')).toMatchObject({ exec_id: 'E-1', qty: '0.00000001', price: '150.12345678', commission: '0.01' });
    expect(lines.find((l) => l['table'] === 'intents')).toMatchObject({ intent: { qty: '10.5', limitPrice: '150.12345678' } });
    expect(lines.find((l) => l['table'] === 'orders' && l['order_id'] === 'O-1')).toMatchObject({ qty: '10.5', filled_qty: '0.00000001', avg_price: '150.12345678' });
    expect(text).not.toContain('CANARY-SECRET');
  });

  it('writes the same rows as CSV with one header and RFC 4180 quoting', async () => {
    const path = populated();
    const { text, records } = await exported(path, 'csv');
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(records + 1);
    const header = lines[0]?.split(',') ?? [];
    expect(header.slice(0, 2)).toEqual(['table', 'ts']);
    const fillLine = lines.find((l) => l.startsWith('fills,'))?.split(',') ?? [];
    expect(fillLine[header.indexOf('qty')]).toBe('0.00000001');
    expect(fillLine[header.indexOf('price')]).toBe('150.12345678');
    expect(text).toContain('"rate, ""quoted"", limited"');
    expect((await exported(path, 'jsonl')).records).toBe(records);
  });

  it('fails with a journal error code for a missing, corrupt or foreign file', async () => {
    expect(await asyncCodeOf(exportJournal(journalPath('missing.db'), new PassThrough(), 'jsonl'))).toBe('JOURNAL_ERR_NOT_FOUND');
    const corrupt = journalPath('corrupt.db');
    writeFileSync(corrupt, 'x'.repeat(4096));
    expect(await asyncCodeOf(exportJournal(corrupt, new PassThrough(), 'csv'))).toBe('JOURNAL_ERR_CORRUPT');
    const empty = journalPath('empty.db');
    writeFileSync(empty, '');
    expect(await asyncCodeOf(exportJournal(empty, new PassThrough(), 'csv'))).toBe('JOURNAL_ERR_CORRUPT');
  });
});

describe('aries-runner journal export', () => {
  const program = (): Command => {
    const p = new Command('aries-runner').exitOverride().configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
    addJournalCommand(p);
    return p;
  };

  it('writes the export to --out with mode 0600', async () => {
    const path = populated();
    const out = journalPath('audit.csv');
    await program().parseAsync(['journal', 'export', path, '--format', 'csv', '--out', out], { from: 'user' });
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const text = readFileSync(out, 'utf8');
    expect(text.split('\n')[0]?.startsWith('table,ts,')).toBe(true);
    expect(text).toContain('E-1');
  });

  it('rejects an unknown format and leaves no output file for a missing journal', async () => {
    const out = journalPath('audit.jsonl');
    await expect(program().parseAsync(['journal', 'export', populated(), '--format', 'xml'], { from: 'user' })).rejects.toMatchObject({ code: 'commander.invalidArgument' });
    expect(await asyncCodeOf(program().parseAsync(['journal', 'export', journalPath('nope.db'), '--out', out], { from: 'user' }))).toBe('JOURNAL_ERR_NOT_FOUND');
    expect(existsSync(out)).toBe(false);
  });

  it('documents the formats and an example in --help', () => {
    const help = program().commands.find((c) => c.name() === 'journal')?.commands.find((c) => c.name() === 'export')?.helpInformation() ?? '';
    expect(help).toContain('<journal.db>');
    expect(help).toContain('--format');
    expect(help).toContain('"jsonl", "csv"');
    expect(help).toContain('--out');
    expect(help).toContain('aries-runner journal export journal.db --format csv --out audit.csv');
  });
});
