import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { Option, type Command } from 'commander';
import { RunnerError } from '../core/index.js';
import { exportJournal, type JournalExportFormat } from '../execution/index.js';

interface ExportFlags {
  readonly format: JournalExportFormat;
  readonly out?: string;
}

async function openOut(path: string): Promise<WriteStream> {
  // The export holds every order and fill, so it gets the journal's own private mode.
  const stream = createWriteStream(path, { mode: 0o600 });
  try {
    await once(stream, 'open');
  } catch (error) {
    throw new RunnerError('CLI_ERR_OUTPUT', `${path}: cannot write the export`, { cause: error });
  }
  return stream;
}

async function exportAction(journalPath: string, flags: ExportFlags): Promise<void> {
  if (flags.out === undefined) {
    await exportJournal(journalPath, process.stdout, flags.format);
    return;
  }
  const out = await openOut(flags.out);
  let records: number;
  try {
    records = (await exportJournal(journalPath, out, flags.format)).records;
  } catch (error) {
    // A half-written audit file looks complete to whoever finds it later, so it is removed.
    out.destroy();
    await finished(out).catch(() => undefined);
    await rm(flags.out, { force: true });
    throw error;
  }
  out.end();
  await once(out, 'finish');
  process.stderr.write(`exported ${records} records to ${flags.out}\n`);
}

/** Adds `aries-runner journal` (with `journal export`) to the program. */
export function addJournalCommand(program: Command): void {
  const journal = program
    .command('journal')
    .summary('inspect the order journal of live and paper runs')
    .description('Tools for the SQLite order journal that live and paper runs write (runs, intents, gate decisions, orders, events, fills).');
  journal
    .command('export')
    .summary('write the whole journal as JSON lines or CSV, in time order')
    .description(
      'Streams every row of every journal table (runs, intents, decisions, orders, order_events, fills, trading_state,\n' +
        'kv) in time order, each tagged with its table and a ts (epoch milliseconds). Prices, quantities and\n' +
        'commissions are the exact decimal strings the journal stores. The journal is opened read-only, so exporting\n' +
        'while a run is writing is safe. CSV has one header row: table, ts, then every column of every table\n' +
        '(blank where a table has no such column); JSON columns (params, intent, event) are nested in jsonl and\n' +
        'JSON text in csv.\n\n' +
        'Examples:\n' +
        '  aries-runner journal export journal.db > audit.jsonl\n' +
        '  aries-runner journal export journal.db --format csv --out audit.csv',
    )
    .argument('<journal.db>', 'path of the journal file')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['jsonl', 'csv']).default('jsonl'))
    .option('-o, --out <file>', 'write to this file (created with mode 0600) instead of stdout')
    .action(async (journalPath: string, flags: ExportFlags) => {
      await exportAction(journalPath, flags);
    });
}
