import { DateTime } from 'luxon';
import type { CommissionSpec, ParamValue, RunnerConfig } from '../config/index.js';
import { amountFromNumber, RunnerError, type Bar } from '../core/index.js';
import { barBatches, mergeBarBatches, openBarFile, prepareBarSources, type BarSource } from '../data/index.js';
import { Engine } from '../engine/index.js';
import { Ledger } from '../portfolio/index.js';
import { buildReport, PriceSampler, type BacktestReport, type StreamedBacktestResult } from '../report/index.js';
import { TradingState } from '../risk/index.js';
import { loadStrategy, resolveParams, type StrategyDefinition, type StrategyLog } from '../strategy/index.js';
import { NyseCalendar, VirtualClock, type TradingCalendar } from '../time/index.js';
import { feeModelFor, fixedBpsSlippage, SimulatedVenue, type FillMode } from '../venue/index.js';
import { BacktestRecorder } from './backtest-recorder.js';
import { gateStages } from './gate-stages.js';
import { SessionEvents } from './session-events.js';

/** Everything a backtest run needs, already validated (the CLI merges config and flags into this). */
export interface BacktestSettings {
  readonly strategyFile: string;
  /** A strategy already loaded (tests); otherwise `strategyFile` is loaded with tsx. */
  readonly strategy?: StrategyDefinition;
  readonly dataFiles: readonly string[];
  readonly symbol?: string;
  readonly from?: string;
  readonly to?: string;
  readonly cash: number;
  readonly commission: CommissionSpec;
  readonly fill: FillMode;
  readonly slippageBps: number;
  readonly maxParticipation?: number;
  readonly seed: number;
  readonly adjusted: boolean;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly risk: RunnerConfig['risk'];
  readonly typecheck: boolean;
  readonly log: StrategyLog;
  /** Called with (bars done, bars total) every few thousand bars and at the end. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** What a finished backtest returns. */
export interface BacktestOutcome {
  /** Orders and trades are arrays for ordinary runs; a long run's lists (and curve) are read back from temporary files. */
  readonly result: StreamedBacktestResult;
  readonly report: BacktestReport;
}

const PROGRESS_EVERY = 16_384;
/** CSV bars a run keeps in memory after validating them (56 bytes each: 2^20 bars ≈ 59 MB). */
const MEMORY_BARS = 1 << 20;
const ZONE = 'America/New_York';

/**
 * Runs a strategy over historical bars: validates every data file first (a bad row stops the
 * run before any trading), then streams the bars, merged by time, through the engine on a
 * virtual clock with the simulated venue. Deterministic: the same inputs give the same report.
 */
export async function runBacktest(settings: BacktestSettings): Promise<BacktestOutcome> {
  const calendar = new NyseCalendar();
  // One validating pass per CSV file; its bars stay in memory for the trading pass when the run's CSV bars fit in
  // MEMORY_BARS, else the trading pass parses the file again. Cache files are only checksummed (see "Design decisions").
  const prepared = await prepareBarSources(await openSources(settings, calendar), { cache: false, memoryBars: MEMORY_BARS });
  try {
    return await runPrepared(settings, calendar, prepared.sources, prepared.bars);
  } finally {
    await prepared.dispose();
  }
}

async function runPrepared(
  settings: BacktestSettings, calendar: NyseCalendar, sources: readonly BarSource[], total: number,
): Promise<BacktestOutcome> {
  if (total === 0) throw new RunnerError('DATA_ERR_EMPTY', 'no bars in the selected date range');
  const strategy = settings.strategy ?? (await loadStrategy(settings.strategyFile, { typecheck: settings.typecheck }));
  const params = resolveParams(strategy.params, settings.params, `strategy ${strategy.name}`);

  const clock = new VirtualClock(0);
  const ledger = new Ledger(amountFromNumber(settings.cash));
  const venue = new SimulatedVenue({
    clock, calendar, fillMode: settings.fill, fees: feeModelFor(settings.commission),
    slippage: fixedBpsSlippage(settings.slippageBps),
    ...(settings.maxParticipation !== undefined ? { maxParticipation: settings.maxParticipation } : {}),
  });
  const recorder = new BacktestRecorder(ledger, () => engine.openOrders());
  const engine: Engine = new Engine({
    clock, calendar, adapter: venue, ledger, strategy, params, queueForNextOpen: true, log: settings.log, observer: recorder, forgetFinishedOrders: true,
    gateStages: gateStages(settings.risk, clock, new TradingState(), venue),
  });
  const sessions = new SessionEvents(calendar, clock);
  // Bars go straight to engine.ingest (no RxJS hop per bar); session events still come through the merge.
  engine.start([sessions.events$]);
  const prices = new PriceSampler();
  const span = await drive(merged(sources), { clock, engine, sessions, total, settings, prices });
  engine.stop();
  if (engine.failure !== undefined) throw engine.failure;

  const { orders, orderListHash } = recorder.orders.finish();
  const result: StreamedBacktestResult = {
    strategy: strategy.name, params, symbols: sources.map((s) => s.symbol), from: span.from, to: span.to, bars: total,
    startingCash: ledger.startingCash, finalEquity: ledger.equity, equity: recorder.equity.series(), trades: recorder.trips.series(),
    orders, orderListHash, fills: recorder.fills, commission: ledger.commission,
    seed: settings.seed, timeZone: ZONE, prices: prices.result(sources.map((s) => s.symbol)),
  };
  return { result, report: buildReport(result) };
}

interface DriveDeps {
  readonly clock: VirtualClock;
  readonly engine: Engine;
  readonly sessions: SessionEvents;
  readonly total: number;
  readonly settings: BacktestSettings;
  readonly prices: PriceSampler;
}

async function drive(batches: AsyncIterable<readonly Bar[]>, d: DriveDeps): Promise<{ from: number; to: number }> {
  const { clock, engine, sessions, prices } = d;
  let done = 0;
  let from = 0;
  let to = 0;
  // One await per batch (a cache block or CSV chunk); the bars inside go through synchronously.
  for await (const batch of batches) {
    for (let i = 0; i < batch.length; i += 1) {
      const bar = batch[i] as Bar;
      if (done === 0) {
        from = bar.ts;
        clock.advanceTo(bar.ts);
      }
      sessions.advanceTo(bar.tsEnd);
      engine.ingest(bar);
      prices.add(bar);
      if (engine.failure !== undefined) throw engine.failure;
      to = bar.ts;
      done += 1;
      if (done % PROGRESS_EVERY === 0) d.settings.onProgress?.(done, d.total);
    }
  }
  sessions.finish();
  d.settings.onProgress?.(done, d.total);
  return { from, to };
}

async function openSources(settings: BacktestSettings, calendar: TradingCalendar): Promise<BarSource[]> {
  if (settings.dataFiles.length === 0) throw new RunnerError('CLI_ERR_USAGE', 'no data files: pass --data <csv> or set backtest.data in the config');
  const from = settings.from === undefined ? undefined : DateTime.fromISO(settings.from, { zone: ZONE }).startOf('day').toMillis();
  const to = settings.to === undefined ? undefined : DateTime.fromISO(settings.to, { zone: ZONE }).endOf('day').toMillis();
  const sources: BarSource[] = [];
  for (const path of settings.dataFiles) {
    sources.push(await openBarFile({
      path, sessionOf: (date) => calendar.session(date), adjusted: settings.adjusted,
      ...(settings.symbol !== undefined ? { symbol: settings.symbol } : {}),
      ...(from !== undefined ? { from } : {}),
      ...(to !== undefined ? { to } : {}),
    }));
  }
  const seen = new Set<string>();
  for (const s of sources) {
    if (seen.has(s.symbol)) throw new RunnerError('CLI_ERR_USAGE', `two data files give symbol ${s.symbol}; pass one file per symbol`);
    seen.add(s.symbol);
  }
  return sources;
}

function merged(sources: readonly BarSource[]): AsyncIterable<readonly Bar[]> {
  // Column blocks where a source has them (cache files, CSV bars kept in memory): bars are built as they are merged.
  return mergeBarBatches(sources.map((s) => s.columns?.() ?? barBatches(s)));
}
