import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { RunnerError } from '../core/index.js';
import { openBarFile, writeBarCache, type WrittenBarCache } from '../data/index.js';
import { NyseCalendar } from '../time/index.js';

interface ImportFlags {
  readonly out: string;
  readonly symbol?: string;
  readonly interval?: string;
  readonly adjusted: boolean;
}

async function importOne(file: string, flags: ImportFlags, calendar: NyseCalendar): Promise<WrittenBarCache> {
  const source = await openBarFile({
    path: file, sessionOf: (date) => calendar.session(date), adjusted: flags.adjusted,
    ...(flags.symbol !== undefined ? { symbol: flags.symbol } : {}),
  });
  return writeBarCache(source, { outDir: flags.out, ...(flags.interval !== undefined ? { interval: flags.interval } : {}) });
}

async function importAction(files: readonly string[], flags: ImportFlags): Promise<void> {
  if (flags.symbol !== undefined && files.length > 1) {
    throw new RunnerError('CLI_ERR_USAGE', '--symbol names the symbol of a single file; pass one file with it');
  }
  const calendar = new NyseCalendar();
  for (const file of files) {
    const written = await importOne(file, flags, calendar);
    const mb = ((await stat(written.path)).size / 1e6).toFixed(1);
    const span = `${new Date(written.firstTs).toISOString()} … ${new Date(written.lastTs).toISOString()}`;
    process.stdout.write(`${file} -> ${written.path}: ${written.count} ${written.interval} bars of ${written.symbol}, ${span}, ${mb} MB\n`);
  }
}

/** Adds `aries-runner data` (with `data import`) to the program. */
export function addDataCommand(program: Command): void {
  const data = program
    .command('data')
    .summary('manage historical bar data (binary cache)')
    .description('Tools for historical bar files: convert validated CSV bars into the binary bar cache that backtests read faster.');
  data
    .command('import')
    .summary('validate CSV bar files and write one binary cache file per symbol and resolution')
    .description(
      'Reads each CSV (Yahoo daily or generic OHLCV), validating every row exactly as a backtest does, and writes\n' +
        '<out>/<SYMBOL>-<interval>.arbc: a compact block-columnar file with a SHA-256 checksum. `backtest --data`\n' +
        'accepts these files directly; they are checksum-verified on open and not re-validated. A bad row stops the\n' +
        'import of that file and leaves no cache file behind.',
    )
    .argument('<csv...>', 'bar files, one symbol each')
    .option('-o, --out <dir>', 'output folder', 'data/cache')
    .option('--symbol <sym>', 'symbol of a single file (default: from the file name)')
    .option('--interval <label>', 'resolution label in the file name (default: from the bars, e.g. 1m, 1d)')
    .option('--adjusted', 'Yahoo files: scale prices by Adj Close / Close', false)
    .action(async (files: string[], flags: ImportFlags) => {
      await importAction(files, flags);
    });
}
