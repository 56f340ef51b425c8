import type { Observable } from 'rxjs';
import { AriesExecution } from '../aries/index.js';
import type { CommissionSpec, RunnerConfig } from '../config/index.js';
import { amountFromNumber, amountToNumber, RunnerError, toSymbol, type OrderEvent, type StrategyInput } from '../core/index.js';
import { Engine } from '../engine/index.js';
import { Journal, OrderManager, type ExecutionAdapter } from '../execution/index.js';
import { Ledger, type RoundTrip } from '../portfolio/index.js';
import { TradingState } from '../risk/index.js';
import type { Params, StrategyDefinition, StrategyLog } from '../strategy/index.js';
import { LiveClock, NyseCalendar, VirtualClock, type Clock } from '../time/index.js';
import { feeModelFor, fixedBpsSlippage, SimulatedVenue, type FillMode } from '../venue/index.js';
import type { AriesConnection } from './aries-connection.js';
import { gateStages } from './gate-stages.js';
import { JournaledAdapter, journalTradingStateStore } from './journaled-adapter.js';
import { accountReconnects, reconcileAtStart } from './live-startup.js';
import type { LiveBarSpec } from './live-market-inputs.js';
import { sessionFeeds, type SessionFeedSettings } from './session-feeds.js';
import { SessionDecisions } from './session-decisions.js';
import { sessionGuards } from './session-guards.js';
import { probedSink, probedWrite, probeEach, type StageProbe } from './session-probe.js';

/** Everything a paper or live session needs; the CLI and `npm start` build this. */
export interface TradingSessionSettings {
  readonly mode: 'paper' | 'live';
  readonly strategy: StrategyDefinition;
  readonly params: Params;
  readonly connection: AriesConnection;
  readonly risk: RunnerConfig['risk'];
  readonly bars: LiveBarSpec;
  /** `market`: time follows the market data (a replaying simulator); `wall`: the real clock. */
  readonly clock: 'market' | 'wall';
  readonly journalPath: string;
  readonly log: StrategyLog;
  /** Paper only: the simulated account and fills. */
  readonly paper: { readonly cash: number; readonly commission: CommissionSpec; readonly fill: FillMode; readonly slippageBps: number };
  /** Resolves when the session should stop (a signal, or the end of a replay). */
  readonly stop: Promise<void>;
  /** Called once the stop promise resolved, before strategies stop (e.g. to close the last bar). */
  readonly beforeStop?: (clock: Clock) => void;
  /** Cancel working orders on shutdown. */
  readonly cancelOnShutdown: boolean;
  /** Live start-up: on a position mismatch take the broker's positions instead of refusing to start (`run.adoptBroker`). */
  readonly adoptBroker?: boolean;
  /** Warm-up, stale-feed window and calendar refresh (`run.warmUpBars`, `run.staleFeedMs`, `run.calendarRefreshMs`). */
  readonly feeds?: SessionFeedSettings;
  /** Bench only: a stage timer told each point of an order's path; leave it out in production. */
  readonly probe?: StageProbe;
}

/** What a finished session reports. */
export interface TradingSessionSummary {
  readonly mode: 'paper' | 'live';
  readonly strategy: string;
  readonly accountId: string;
  readonly bars: number;
  readonly orders: number;
  readonly fills: number;
  readonly denied: number;
  readonly trades: readonly RoundTrip[];
  readonly startingCash: number;
  readonly finalEquity: number;
  readonly journalPath: string;
  readonly orderEvents: readonly OrderEvent[];
}

/**
 * Runs a strategy on live Aries market data through the same engine and gate as backtests:
 * paper mode fills on a local simulated venue (no order ever reaches a broker); live mode sends
 * orders to Aries through AriesExecution. Every intent is journaled before it is sent; the kill
 * switch is persisted in the journal, so a HALT survives a restart.
 */
export async function runTradingSession(s: TradingSessionSettings): Promise<TradingSessionSummary> {
  const calendar = new NyseCalendar();
  const marketClock = s.clock === 'market' ? new VirtualClock(0) : undefined;
  const clock: Clock = marketClock ?? new LiveClock();
  const journal = Journal.open(s.journalPath, clock);
  // Gate decisions are journaled with their intent (one commit per order) or with their denial.
  const decisions = new SessionDecisions(journal, () => clock.now());
  try {
    // Checkpoints (and their fsyncs) run on a worker thread, never inside a commit before a send.
    journal.checkpointInBackground();
    const runId = journal.startRun({ mode: s.mode, strategy: s.strategy.name, params: s.params, configHash: '' });
    const startingCash = s.mode === 'paper' ? s.paper.cash : amountToNumber((await s.connection.client.balances(s.connection.accountId)).cash ?? 0n);
    const ledger = new Ledger(amountFromNumber(startingCash));
    const manager = new OrderManager({ log: { warn: (m, f) => s.log.warn(m, f) } });
    const inner = s.mode === 'paper' ? paperVenue(s, clock, calendar) : liveExecution(s, decisions, manager);
    const adapter: ExecutionAdapter = s.mode === 'paper' ? new JournaledAdapter(inner, decisions) : inner;
    await adapter.connect();
    // Live: strategies wait until the journal and the broker agree (T-1, T-7); the engine gets the reconciled adapter.
    const engineAdapter = s.mode === 'paper' ? adapter : await reconcileAtStart({
      journal, execution: adapter, manager, client: s.connection.client, accountId: s.connection.accountId, ledger,
      adoptBroker: s.adoptBroker ?? false, now: () => Date.now(), log: s.log, reconnects$: accountReconnects(s.connection.accountSocket),
    });
    const state = new TradingState({ store: journalTradingStateStore(journal), now: () => clock.now() });
    if (state.status === 'HALTED') s.log.warn(`trading state restored as HALTED (${state.reason}); run \`aries-runner resume\` to trade`);
    return await drive(s, { clock, marketClock, calendar, journal, decisions, ledger, adapter: engineAdapter, state, startingCash, runId });
  } finally {
    try {
      decisions.flush();
    } finally {
      journal.close();
    }
  }
}

interface SessionParts {
  readonly clock: Clock;
  readonly marketClock: VirtualClock | undefined;
  readonly calendar: NyseCalendar;
  readonly journal: Journal;
  readonly decisions: SessionDecisions;
  readonly ledger: Ledger;
  readonly adapter: ExecutionAdapter;
  readonly state: TradingState;
  readonly startingCash: number;
  /** The journal's run id: order ids carry it, since the journal keys orders by id across runs. */
  readonly runId: number;
}

async function drive(s: TradingSessionSettings, p: SessionParts): Promise<TradingSessionSummary> {
  const trades: RoundTrip[] = [];
  const orderEvents: OrderEvent[] = [];
  let bars = 0;
  const subscriptions = s.strategy.subscriptions?.(s.params) ?? [];
  const symbols = subscriptions.map((x) => toSymbol(x.symbol));
  if (symbols.length === 0) throw new RunnerError('STRATEGY_ERR_SHAPE', `strategy ${s.strategy.name} subscribes to no symbols (define subscriptions)`);
  const feeds = sessionFeeds({
    connection: s.connection, clock: p.clock, marketClock: p.marketClock, calendar: p.calendar, spec: s.bars, symbols, risk: s.risk,
    settings: s.feeds ?? {}, wantsCalendar: s.strategy.onCalendar !== undefined || s.strategy.streams !== undefined, log: s.log,
  });
  const guards = sessionGuards({ risk: s.risk, state: p.state, calendar: p.calendar, ledger: p.ledger, journal: p.journal, clock: p.clock, log: s.log });
  const engine = new Engine({
    clock: p.clock, calendar: p.calendar, adapter: p.adapter, ledger: p.ledger, strategy: s.strategy, params: s.params,
    queueForNextOpen: s.bars.kind === 'session', log: s.log, orderIdPrefix: `R${p.runId}-O`,
    handlerWatchdog: { measureMs: () => performance.now(), warn: (m, f) => s.log.warn(m, f) },
    gateStages: gateStages(s.risk, p.clock, p.state, p.adapter, {
      ...feeds.ports,
      decisions: probedSink(p.decisions.sink, s.probe),
      ...(s.probe === undefined ? {} : { probe: s.probe }),
    }),
    observer: {
      onBarProcessed: () => {
        bars += 1;
        guards.afterBar();
      },
      onRoundTrip: (t) => trades.push(t),
      onOrderEvent: (e) => {
        orderEvents.push(e);
        if (e.type !== 'OrderDenied') p.journal.recordOrderEvent(e);
        guards.afterOrderEvent(e);
      },
    },
  });
  const streams: Observable<StrategyInput>[] = [feeds.bars$];
  if (feeds.calendar$ !== undefined) streams.push(feeds.calendar$);
  if (subscriptions.some((x) => x.kind !== 'bars')) streams.push(feeds.ticks$.pipe(probeEach(s.probe, 'dispatch')));
  const side = feeds.start();
  engine.start(streams);
  s.connection.market.subscribe(symbols);
  s.connection.marketSocket.connect();
  await Promise.race([s.stop, engine.stopped]);
  s.beforeStop?.(p.clock);
  // Orders still awaiting a broker preview or place answer finish before the adapter goes away.
  await engine.settled();
  if (s.cancelOnShutdown) for (const o of engine.openOrders()) await p.adapter.cancel(o.id);
  engine.stop();
  await engine.settled();
  side.unsubscribe();
  await p.adapter.disconnect();
  if (engine.failure !== undefined) throw engine.failure;
  return summary(s, p, engine, { bars, trades, orderEvents });
}

function summary(
  s: TradingSessionSettings, p: SessionParts, engine: Engine,
  r: { readonly bars: number; readonly trades: readonly RoundTrip[]; readonly orderEvents: readonly OrderEvent[] },
): TradingSessionSummary {
  return {
    mode: s.mode, strategy: s.strategy.name, accountId: s.connection.accountId, bars: r.bars, orders: engine.orders().length,
    fills: r.orderEvents.filter((e) => e.type === 'OrderFilled').length, denied: engine.denials().length, trades: r.trades,
    startingCash: p.startingCash, finalEquity: amountToNumber(p.ledger.equity), journalPath: s.journalPath, orderEvents: r.orderEvents,
  };
}

function paperVenue(s: TradingSessionSettings, clock: Clock, calendar: NyseCalendar): SimulatedVenue {
  return new SimulatedVenue({
    clock, calendar, fillMode: s.paper.fill, fees: feeModelFor(s.paper.commission), slippage: fixedBpsSlippage(s.paper.slippageBps), idPrefix: 'PAPER',
  });
}

function liveExecution(s: TradingSessionSettings, decisions: SessionDecisions, manager: OrderManager): AriesExecution {
  const c = s.connection;
  return new AriesExecution({
    client: c.client, stream: c.account, accountId: c.accountId, socket: c.accountSocket, now: () => Date.now(),
    beforeSend: probedWrite((intent) => decisions.recordIntent(intent), s.probe), manager,
    ...(s.probe === undefined ? {} : { probe: s.probe }),
    log: { warn: (m, f) => s.log.warn(m, f) },
  });
}
