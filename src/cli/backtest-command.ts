import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import {
  defaultConfig, loadConfig, parseCommission, parseParamAssignments, COMMISSION_FORMS, type RunnerConfig,
} from '../config/index.js';
import { RunnerError } from '../core/index.js';
import { runBacktest } from '../modes/index.js';
import { formatSummary, writeReportFiles } from '../report/index.js';
import { createLogger, LOG_LEVELS, type LogLevel } from './logger.js';
import { createProgress } from './progress.js';

interface BacktestFlags {
  readonly data?: string[];
  readonly symbol?: string;
  readonly from?: string;
  readonly to?: string;
  readonly cash?: string;
  readonly commission?: string;
  readonly fill?: string;
  readonly slippageBps?: string;
  readonly param: string[];
  readonly seed?: string;
  readonly out?: string;
  readonly config?: string;
  readonly typecheck: boolean;
  readonly logLevel: string;
}

/** Adds `aries-runner backtest` to the program. */
export function addBacktestCommand(program: Command): void {
  program
    .command('backtest')
    .summary('run a strategy over historical bars and write a report')
    .description(
      'Runs a strategy file over historical bars (Yahoo Finance or generic OHLCV CSV) on a virtual clock, through the\n' +
        'same engine, risk gate and simulated venue as paper trading, and writes report.json, trades.csv, orders.csv,\n' +
        'equity.csv, report-data.json and a self-contained report.html with charts. Every data row is validated before\n' +
        'trading starts. Flags override the --config file.',
    )
    .argument('[strategy]', 'strategy .ts file (default: strategy.file from the config)')
    .option('-d, --data <csv...>', 'bar files (one symbol each); Yahoo "Date,Open,High,Low,Close,Adj Close,Volume" or "timestamp,open,high,low,close,volume"')
    .option('--symbol <sym>', 'symbol of a single data file (default: from the file name, e.g. yhoo-1996.csv -> YHOO)')
    .option('--from <YYYY-MM-DD>', 'first day to trade (New York date)')
    .option('--to <YYYY-MM-DD>', 'last day to trade (New York date)')
    .option('--cash <amount>', 'starting cash (default 100000)')
    .option('--commission <spec>', `commission per fill: ${COMMISSION_FORMS.join(', ')} (default 0)`)
    .option('--fill <mode>', 'next-open (fill at the next bar\'s open, no look-ahead; default) or close (at the decision bar\'s close)')
    .option('--slippage-bps <n>', 'slippage on market and stop fills, in basis points (default 0)')
    .option('-p, --param <key=value>', 'override a strategy parameter (repeatable)', collect, [])
    .option('--seed <n>', 'seed for every random choice (default 1)')
    .option('-o, --out <dir>', 'output folder (default out/backtest)')
    .option('-c, --config <file>', 'YAML config (see config/backtest.yaml)')
    .option('--no-typecheck', 'skip type-checking the strategy file before running it')
    .option('--log-level <level>', `log level for strategy and engine logs on stderr: ${LOG_LEVELS.join(', ')}`, 'warn')
    .action(async (strategyArg: string | undefined, flags: BacktestFlags) => {
      await backtestAction(strategyArg, flags);
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

async function backtestAction(strategyArg: string | undefined, flags: BacktestFlags): Promise<void> {
  const config: RunnerConfig = flags.config === undefined ? defaultConfig() : await loadConfig(flags.config);
  const bt = config.backtest;
  const strategyFile = strategyArg ?? config.strategy.file;
  if (strategyFile === undefined) throw new RunnerError('CLI_ERR_USAGE', 'no strategy file: pass one or set strategy.file in the config');
  const level = LOG_LEVELS.find((l) => l === flags.logLevel);
  if (level === undefined) throw new RunnerError('CLI_ERR_USAGE', `--log-level must be one of ${LOG_LEVELS.join(', ')}`);
  const fill = flags.fill ?? bt.fill;
  if (fill !== 'next-open' && fill !== 'close') throw new RunnerError('CLI_ERR_USAGE', `--fill must be next-open or close, got ${fill}`);
  const out = flags.out ?? bt.out;
  const progress = createProgress('backtest');
  const symbol = flags.symbol ?? bt.symbol;
  const from = flags.from ?? bt.from;
  const to = flags.to ?? bt.to;
  const outcome = await runBacktest({
    strategyFile,
    dataFiles: flags.data ?? bt.data,
    ...(symbol !== undefined ? { symbol } : {}),
    ...(from !== undefined ? { from: checkDate('--from', from) } : {}),
    ...(to !== undefined ? { to: checkDate('--to', to) } : {}),
    cash: flags.cash === undefined ? bt.cash : positiveNumber('--cash', flags.cash),
    commission: parseCommission(flags.commission ?? bt.commission),
    fill,
    slippageBps: flags.slippageBps === undefined ? bt.slippageBps : nonNegative('--slippage-bps', flags.slippageBps),
    seed: flags.seed === undefined ? bt.seed : integer('--seed', flags.seed),
    adjusted: bt.adjusted,
    params: { ...config.strategy.params, ...parseParamAssignments(flags.param) },
    risk: config.risk,
    typecheck: flags.typecheck,
    log: createLogger(level as LogLevel, 'backtest'),
    onProgress: (done, total) => progress.update(done, total),
  });
  progress.stop();
  const { reportPath, htmlPath, files, pageFiles } = await writeReportFiles(out, outcome.result);
  const shown = (f: string): string => path.relative(process.cwd(), f) || f;
  process.stdout.write(`${formatSummary(outcome.report)}\n`);
  process.stdout.write(`\nReport: ${shown(reportPath)}\n`);
  process.stdout.write(`HTML:   ${shown(htmlPath)} (open in a browser: ${pathToFileURL(path.resolve(htmlPath)).href})\n`);
  process.stdout.write(`Files:  ${[...files, ...pageFiles].map(shown).join(', ')}\n`);
}

function checkDate(flag: string, text: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new RunnerError('CLI_ERR_USAGE', `${flag} must be a date YYYY-MM-DD, got ${text}`);
  return text;
}

function positiveNumber(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new RunnerError('CLI_ERR_USAGE', `${flag} must be a positive number, got ${text}`);
  return n;
}

function nonNegative(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) throw new RunnerError('CLI_ERR_USAGE', `${flag} must be a number >= 0, got ${text}`);
  return n;
}

function integer(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n)) throw new RunnerError('CLI_ERR_USAGE', `${flag} must be an integer, got ${text}`);
  return n;
}
