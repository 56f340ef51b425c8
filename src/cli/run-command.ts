import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { defaultConfig, loadConfig, parseCommission, parseParamAssignments, type RunnerConfig } from '../config/index.js';
import { RunnerError } from '../core/index.js';
import {
  openAriesConnection, runTradingSession, startEmbeddedSimulator,
  type EmbeddedSimulator, type LiveBarSpec, type TradingSessionSummary,
} from '../modes/index.js';
import { loadStrategy, resolveParams } from '../strategy/index.js';
import { createLogger, LOG_LEVELS, type LogLevel } from './logger.js';
import { formatSessionSummary } from './session-summary.js';
import { shutdownSignal } from './shutdown-signal.js';
import { replayEnd, startReplayWhenSubscribed } from './embedded-replay.js';

interface RunFlags {
  readonly mode?: string;
  readonly config?: string;
  readonly param: string[];
  readonly apiUrl?: string;
  readonly account?: string;
  readonly journal?: string;
  readonly bars?: string;
  readonly confirmLive: boolean;
  readonly embedded: boolean;
  readonly typecheck: boolean;
  readonly logLevel: string;
}

/** Adds `aries-runner run` to the program. */
export function addRunCommand(program: Command): void {
  program
    .command('run')
    .summary('run a strategy on live Aries data: paper (simulated fills) or live (real orders)')
    .description(
      'Runs a strategy file on Aries market data through the same engine and risk gate as backtests.\n' +
        '  --mode paper  fills on a local simulated venue; no order is ever sent to a broker.\n' +
        '  --mode live   sends orders to your Aries account (asks for confirmation; --confirm-live skips it).\n' +
        'Every intent is journaled (SQLite) before it is sent. SIGINT/SIGTERM stop cleanly; a second signal forces exit.\n' +
        'Log in first with `aries-runner login` (client id/secret from ARIES_CLIENT_ID / ARIES_CLIENT_SECRET).\n' +
        '--embedded (or run.embedded in the config) starts the local simulator in-process and replays bar files: no account needed.',
    )
    .argument('[strategy]', 'strategy .ts file (default: strategy.file from the config)')
    .option('-m, --mode <mode>', 'paper or live (default: run.mode from the config, else paper)')
    .option('-c, --config <file>', 'YAML config (see config/paper-embedded.yaml)')
    .option('-p, --param <key=value>', 'override a strategy parameter (repeatable)', (v: string, prev: string[]) => [...prev, v], [])
    .option('--api-url <url>', 'Aries REST base URL (default https://api.aries.com)')
    .option('--account <id>', 'trading account id (default: the first account of the login)')
    .option('--journal <file>', 'journal database (default journal/<strategy>-<mode>.db)')
    .option('--bars <spec>', '1d for one bar per session, or Nm for N-minute bars built from trades')
    .option('--confirm-live', 'confirm live trading without a prompt', false)
    .option('--embedded', 'start the local simulator in-process (needs run.embedded.data in the config)', false)
    .option('--no-typecheck', 'skip type-checking the strategy file')
    .option('--log-level <level>', `log level on stderr: ${LOG_LEVELS.join(', ')}`, 'warn')
    .action(async (strategyArg: string | undefined, flags: RunFlags) => {
      await runAction(strategyArg, flags);
    });
}

async function runAction(strategyArg: string | undefined, flags: RunFlags): Promise<void> {
  const config: RunnerConfig = flags.config === undefined ? defaultConfig() : await loadConfig(flags.config);
  const mode = flags.mode ?? config.run.mode;
  if (mode !== 'paper' && mode !== 'live') throw new RunnerError('CLI_ERR_USAGE', `--mode must be paper or live, got ${mode}`);
  const level = LOG_LEVELS.find((l) => l === flags.logLevel);
  if (level === undefined) throw new RunnerError('CLI_ERR_USAGE', `--log-level must be one of ${LOG_LEVELS.join(', ')}`);
  const strategyFile = strategyArg ?? config.strategy.file;
  if (strategyFile === undefined) throw new RunnerError('CLI_ERR_USAGE', 'no strategy file: pass one or set strategy.file in the config');
  const strategy = await loadStrategy(strategyFile, { typecheck: flags.typecheck });
  const params = resolveParams(strategy.params, { ...config.strategy.params, ...parseParamAssignments(flags.param) }, `strategy ${strategy.name}`);
  const log = createLogger(level as LogLevel, `run:${strategy.name}`);
  const embeddedSpec = config.run.embedded;
  if (flags.embedded && embeddedSpec === undefined) throw new RunnerError('CLI_ERR_USAGE', '--embedded needs run.embedded.data in the config');
  const embedded = flags.embedded || embeddedSpec !== undefined
    ? await startEmbeddedSimulator({ dataFiles: embeddedSpec?.data ?? [], speed: embeddedSpec?.speed ?? 1, seed: embeddedSpec?.seed ?? 1, cash: config.run.cash })
    : undefined;
  try {
    const summary = await session(mode, { strategyFile, strategy, params, config, flags, log, embedded });
    process.stdout.write(`${formatSessionSummary(summary)}\n`);
  } finally {
    await embedded?.close();
  }
}

interface SessionInputs {
  readonly strategyFile: string;
  readonly strategy: Awaited<ReturnType<typeof loadStrategy>>;
  readonly params: ReturnType<typeof resolveParams>;
  readonly config: RunnerConfig;
  readonly flags: RunFlags;
  readonly log: ReturnType<typeof createLogger>;
  readonly embedded: EmbeddedSimulator | undefined;
}

async function session(mode: 'paper' | 'live', i: SessionInputs): Promise<TradingSessionSummary> {
  const { config, flags, embedded } = i;
  const apiUrl = embedded?.apiUrl ?? flags.apiUrl ?? config.run.apiUrl;
  const clientId = embedded?.clientId ?? process.env['ARIES_CLIENT_ID'] ?? '';
  const clientSecret = embedded?.clientSecret ?? process.env['ARIES_CLIENT_SECRET'] ?? '';
  const tokenFile = embedded?.tokenFile ?? process.env['ARIES_TOKEN_FILE'] ?? path.join(process.env['HOME'] ?? '.', '.config', 'aries-runner', 'tokens.json');
  const accountId = flags.account ?? config.run.accountId;
  const connection = await openAriesConnection({ apiUrl, clientId, clientSecret, tokenFile, log: i.log, seed: 1, ...(accountId !== undefined ? { accountId } : {}) });
  try {
    if (mode === 'live') await confirmLive(connection.accountId, apiUrl, flags.confirmLive);
    const journalPath = flags.journal ?? config.run.journal ?? path.join('journal', `${i.strategy.name}-${embedded === undefined ? mode : `${mode}-embedded`}.db`);
    mkdirSync(path.dirname(path.resolve(journalPath)), { recursive: true, mode: 0o700 });
    // An embedded run starts a fresh simulator, so yesterday's journal describes a broker that no longer exists.
    if (embedded !== undefined) for (const suffix of ['', '-wal', '-shm']) rmSync(`${journalPath}${suffix}`, { force: true });
    const stop = embedded === undefined ? shutdownSignal() : replayEnd(embedded, connection.market.data$);
    if (embedded !== undefined) startReplayWhenSubscribed(embedded, connection.marketSocket.messages$);
    return await runTradingSession({
      mode, strategy: i.strategy, params: i.params, connection, risk: config.risk, bars: barSpec(flags.bars ?? config.run.bars),
      clock: config.run.clock === 'auto' ? (embedded === undefined ? 'wall' : 'market') : config.run.clock,
      journalPath, log: i.log, stop,
      paper: { cash: config.run.cash, commission: parseCommission(config.backtest.commission), fill: config.backtest.fill, slippageBps: config.backtest.slippageBps },
      beforeStop: (clock) => {
        // Close the last bar of a finished replay: move market time past its session close.
        if (embedded !== undefined && 'advanceTo' in clock && typeof clock.advanceTo === 'function') clock.advanceTo(clock.now() + 86_400_000);
      },
      cancelOnShutdown: config.run.cancelOnShutdown,
    });
  } finally {
    await connection.close();
  }
}

function barSpec(text: string): LiveBarSpec {
  if (text === '1d') return { kind: 'session' };
  const m = /^([1-9]\d*)m$/.exec(text);
  if (m === null) throw new RunnerError('CLI_ERR_USAGE', `--bars must be 1d or Nm (minutes), got ${text}`);
  return { kind: 'interval', intervalMs: Number(m[1]) * 60_000 };
}

async function confirmLive(accountId: string, apiUrl: string, confirmed: boolean): Promise<void> {
  process.stderr.write(`LIVE TRADING on Aries account ${accountId} at ${apiUrl}: real orders, real money.\n`);
  if (confirmed) return;
  if (process.stdin.isTTY !== true) throw new RunnerError('CLI_ERR_CONFIRM', 'live mode needs --confirm-live when there is no terminal to ask');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await rl.question(`Type the account id (${accountId}) to confirm: `);
  rl.close();
  if (answer.trim() !== accountId) throw new RunnerError('CLI_ERR_CONFIRM', 'live trading not confirmed');
}
