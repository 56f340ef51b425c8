import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { RunnerError } from '../core/index.js';
import { rebuildReportHtml } from '../report/index.js';

/** Adds `aries-runner report DIR` to the program: rebuilds report.html from a backtest's output folder. */
export function addReportCommand(program: Command): void {
  program
    .command('report')
    .summary('rebuild report.html from a backtest output folder')
    .description(
      'Rebuilds DIR/report.html, the self-contained HTML report (statistics, equity with buy-and-hold benchmark,\n' +
        'drawdown, candles with trades, monthly returns, trades, parameters), from the files a backtest wrote:\n' +
        'report.json, equity.csv, trades.csv and report-data.json (time zone and downsampled candles; without it the\n' +
        'page has no price charts or benchmark). The page needs no network and opens from file://.',
    )
    .argument('<dir>', 'backtest output folder (the --out of `aries-runner backtest`)')
    .action(async (dir: string) => {
      if (!existsSync(path.join(dir, 'report.json'))) {
        throw new RunnerError('CLI_ERR_USAGE', `${dir}: no report.json here; pass the output folder of a backtest (its --out)`);
      }
      const htmlPath = await rebuildReportHtml(dir);
      const shown = path.relative(process.cwd(), htmlPath) || htmlPath;
      process.stdout.write(`HTML:   ${shown} (open in a browser: ${pathToFileURL(path.resolve(htmlPath)).href})\n`);
    });
}
