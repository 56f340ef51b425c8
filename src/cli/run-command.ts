import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { defaultConfig, loadConfig, parseCommission, parseParamAssignments, type RunnerConfig } from '../config/index.js';
import { RunnerError } from '../core/index.js';
import {
  openAriesConnection, runTradingSession, startEmbeddedSimulator,
  type AriesConnection, type EmbeddedSimulator, type LiveBarSpec, type TradingSessionSummary,
} from '../modes/index.js';
import { loadStrategy, resolveParams } from '../strategy/index.js';
import { createLogger, LOG_LEVELS, type LogLevel } from './logger.js';
import { startStallWatchdog } from './stall-watchdog.js';
import { formatSessionSummary } from './session-summary.js';
import { ShutdownSignal } from './shutdown-signal.js';
import { replayEnd, startReplayWhenSubscribed } from './embedded-replay.js';
import { FaultGuard } from './fault-guard.js';
import { RunProgress } from './run-progress.js';
import { confirmLive } from './live-confirmation.js';
import { auditBrokerOrders, BROKER_AUDIT_ENV } from './broker-order-audit.js';

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
  readonly progress: string;
}

/** Adds `aries-runner run` to the program. */
export function addRunCommand(program: Command): void {
  program
    .command('run')
    .summary('run a strategy on live Aries data: paper (simulated fills) or live (real orders)')
    .description(
      [
        'Runs a strategy on Aries market data through the backtest engine and risk gate.',
        '  --mode paper  fills on a local simulated venue; never sends a broker order',
        '  --mode live   sends orders to your Aries account: prints the account and URL,',
        '                then asks for the account id (--confirm-live skips the prompt;',
        '                with neither and no terminal it exits 2 before any order)',
        'Journal: every intent is written (SQLite) before it is sent; default',
        '  journal/<strategy>-<mode>.db; `aries-runner journal export` prints it.',
        'Start: the journal is reconciled with the broker (unknown orders are listed,',
        '  never resent; a position mismatch refuses to start unless run.adoptBroker);',
        '  a HALTED kill switch stays halted until `aries-runner resume`.',
        "Shutdown: SIGINT/SIGTERM run the strategy's onStop, cancel working orders if",
        '  run.cancelOnShutdown, close the journal and sockets, print the summary and',
        '  exit 0; a second signal while stopping forces exit 130.',
        'Faults: a throw in a handler stops with STRATEGY_ERR_HANDLER (strategy,',
        '  handler, time), an unhandled rejection with RUN_ERR_UNHANDLED; both exit 1',
        '  after closing the journal; open orders follow run.cancelOnShutdown.',
        'Progress: a stderr line every --progress seconds (market time, bars, orders,',
        '  fills, equity); --progress 0 turns it off.',
        'Log in first with `aries-runner login` (ARIES_CLIENT_ID/ARIES_CLIENT_SECRET).',
        '--embedded (or run.embedded in the config) starts the local simulator',
        '  in-process and replays bar files: no account needed (what `npm start` does).',
        'Exit codes: 0 done or stopped by a signal, 1 run failed, 2 bad input or live',
        '  not confirmed, 130 forced exit.',
        `${BROKER_AUDIT_ENV}=1: print the broker's order count at the end.`,
      ].join('\n'),
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
    .option('--progress <seconds>', 'seconds between progress lines on stderr; 0 turns them off', '2')
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
  const progressSeconds = Number(flags.progress);
  if (!Number.isFinite(progressSeconds) || progressSeconds < 0) throw new RunnerError('CLI_ERR_USAGE', `--progress must be a number of seconds >= 0, got ${flags.progress}`);
  const strategyFile = strategyArg ?? config.strategy.file;
  if (strategyFile === undefined) throw new RunnerError('CLI_ERR_USAGE', 'no strategy file: pass one or set strategy.file in the config');
  const strategy = await loadStrategy(strategyFile, { typecheck: flags.typecheck });
  const params = resolveParams(strategy.params, { ...config.strategy.params, ...parseParamAssignments(flags.param) }, `strategy ${strategy.name}`);
  const log = createLogger(level as LogLevel, `run:${strategy.name}`);
  const embeddedSpec = config.run.embedded;
  if (flags.embedded && embeddedSpec === undefined) throw new RunnerError('CLI_ERR_USAGE', '--embedded needs run.embedded.data in the config');
  const shutdown = new ShutdownSignal();
  const faults = new FaultGuard(shutdown);
  const progress = new RunProgress();
  const watchdog = startStallWatchdog(stallThresholdMs());
  let embedded: EmbeddedSimulator | undefined;
  try {
    embedded = flags.embedded || embeddedSpec !== undefined
      ? await startEmbeddedSimulator({ dataFiles: embeddedSpec?.data ?? [], speed: embeddedSpec?.speed ?? 1, seed: embeddedSpec?.seed ?? 1, cash: config.run.cash })
      : undefined;
    const inputs = { strategyFile, strategy: progress.observe(strategy), params, config, flags, log, embedded, shutdown, progress, progressMs: progressSeconds * 1000 };
    const summary = await session(mode, inputs);
    // A fault outranks the summary: the run did not end the way its numbers suggest.
    if (faults.fault !== undefined) throw faults.fault;
    process.stdout.write(`${formatSessionSummary(summary)}\n`);
  } finally {
    progress.stop();
    watchdog.stop();
    await embedded?.close();
    faults.dispose();
    // Last, so a hung close above can still be forced by a second signal.
    shutdown.dispose();
  }
}

/** How long the event loop may stall before the watchdog warns; ARIES_RUNNER_STALL_MS overrides (tests). */
function stallThresholdMs(): number {
  const n = Number(process.env['ARIES_RUNNER_STALL_MS'] ?? 5_000);
  return Number.isFinite(n) && n > 0 ? n : 5_000;
}

interface SessionInputs {
  readonly strategyFile: string;
  readonly strategy: Awaited<ReturnType<typeof loadStrategy>>;
  readonly params: ReturnType<typeof resolveParams>;
  readonly config: RunnerConfig;
  readonly flags: RunFlags;
  readonly log: ReturnType<typeof createLogger>;
  readonly embedded: EmbeddedSimulator | undefined;
  readonly shutdown: ShutdownSignal;
  readonly progress: RunProgress;
  readonly progressMs: number;
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
    return await trade(mode, i, connection, apiUrl);
  } finally {
    // Also after a refused confirmation or a fault: the audit shows what reached the broker either way.
    await auditBrokerOrders(connection).catch((e: unknown) => process.stderr.write(`broker order audit failed: ${String(e)}\n`));
    await connection.close();
  }
}

async function trade(mode: 'paper' | 'live', i: SessionInputs, connection: AriesConnection, apiUrl: string): Promise<TradingSessionSummary> {
  const { config, flags, embedded, shutdown } = i;
  const journalPath = flags.journal ?? config.run.journal ?? path.join('journal', `${i.strategy.name}-${embedded === undefined ? mode : `${mode}-embedded`}.db`);
  mkdirSync(path.dirname(path.resolve(journalPath)), { recursive: true, mode: 0o700 });
  // An embedded run starts a fresh simulator, so yesterday's journal describes a broker that no longer exists.
  if (embedded !== undefined) for (const suffix of ['', '-wal', '-shm']) rmSync(`${journalPath}${suffix}`, { force: true });
  const stop = embedded === undefined ? shutdown.stopping : Promise.race([shutdown.stopping, replayEnd(embedded, connection.market.data$)]);
  if (embedded !== undefined) startReplayWhenSubscribed(embedded, connection.marketSocket.messages$);
  process.stderr.write(`run: ${i.strategy.name} in ${mode} mode on account ${connection.accountId} at ${apiUrl}; journal ${journalPath}\n`);
  i.progress.start(i.progressMs);
  return await runTradingSession({
    mode, strategy: i.strategy, params: i.params, connection, risk: config.risk, bars: barSpec(flags.bars ?? config.run.bars),
    clock: config.run.clock === 'auto' ? (embedded === undefined ? 'wall' : 'market') : config.run.clock,
    journalPath, log: i.log, stop,
    paper: { cash: config.run.cash, commission: parseCommission(config.backtest.commission), fill: config.backtest.fill, slippageBps: config.backtest.slippageBps },
    beforeStop: (clock) => {
      // Close the last bar of a finished replay (market time past its session close); a signal or fault closes no partial bar.
      if (shutdown.reason !== undefined) return;
      if (embedded !== undefined && 'advanceTo' in clock && typeof clock.advanceTo === 'function') clock.advanceTo(clock.now() + 86_400_000);
    },
    cancelOnShutdown: config.run.cancelOnShutdown,
    adoptBroker: config.run.adoptBroker,
    feeds: {
      warmUpBars: config.run.warmUpBars, calendarRefreshMs: config.run.calendarRefreshMs,
      ...(config.run.staleFeedMs === undefined ? {} : { staleFeedMs: config.run.staleFeedMs }),
    },
  });
}

function barSpec(text: string): LiveBarSpec {
  if (text === '1d') return { kind: 'session' };
  const m = /^([1-9]\d*)m$/.exec(text);
  if (m === null) throw new RunnerError('CLI_ERR_USAGE', `--bars must be 1d or Nm (minutes), got ${text}`);
  return { kind: 'interval', intervalMs: Number(m[1]) * 60_000 };
}
