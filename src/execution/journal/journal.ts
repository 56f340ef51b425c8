import type { Database, Transaction } from 'better-sqlite3';
import {
  RunnerError, sideSign, ZERO,
  type Amount, type EpochMs, type Fill, type OrderEvent, type OrderId, type OrderIntent, type RiskVerdict, type Symbol,
  type VenueOrderId,
} from '../../core/index.js';
import type { TradingStatus } from '../../risk/index.js';
import { BackgroundCheckpointer } from './journal-checkpointer.js';
import { JournalErrorCode } from './journal-errors.js';
import { openFailure, openJournalFile } from './journal-file.js';
import { redactSecrets, toJournalJson } from './journal-json.js';
import { fillFromRow, intentFromJson, orderFromRow, tradingStateFromRow } from './journal-rows.js';
import { migrateJournal } from './journal-schema.js';
import { prepareStatements, type JournalStatements } from './journal-statements.js';
import { applyOrderEvent, applyPlaceAck, markExternalOrder } from './journal-event-writes.js';
import { findOrder, insertDecision, insertFill, insertIntent } from './journal-order-writes.js';
import type {
  ExternalOrderInfo, FillOutcome, JournalClock, JournalDecision, JournalOrder, JournalRunInfo, JournalTradingState,
} from './journal-types.js';

/** SQLite's default WAL size (pages) at which a commit checkpoints. */
const AUTO_CHECKPOINT_PAGES = 1000;
/** Commits between two background checkpoints (a few hundred WAL pages). */
const CHECKPOINT_EVERY = 32;

/**
 * The order journal: an SQLite file (WAL, `synchronous=NORMAL`, mode 0600) holding every run, intent,
 * gate decision, order, order event, fill and kill-switch change. Every write method is synchronous
 * and is one transaction: when it returns, the write is committed and survives a SIGKILL or crash
 * of the process. An OS crash or power loss may lose the commits since the last checkpoint (never
 * corrupting the file); README "Design decisions" says how start-up reconciliation covers that.
 *
 * The protocol that keeps orders from being sent twice: call {@link Journal.recordIntent} and let it
 * return **before** the order is sent. After a crash, {@link Journal.intentsWithoutVenueId} lists the
 * intents whose place outcome is unknown; reconciliation resolves them by listing the venue's
 * orders, never by sending again. Money is stored as exact decimal text. Never pass secrets in.
 */
export class Journal {
  private runId: number | null = null;
  private open = true;
  private checkpointer: BackgroundCheckpointer | undefined;
  private commits = 0;
  /** One transaction wrapper for every write (built once: `db.transaction` allocates per call). */
  private readonly tx: Transaction<(body: () => unknown) => unknown>;

  private constructor(
    private readonly db: Database,
    private readonly s: JournalStatements,
    private readonly clock: JournalClock,
    private readonly path: string,
  ) {
    this.tx = db.transaction((body: () => unknown) => body());
  }

  /**
   * Returns the journal at `path`, creating it (mode 0600) and migrating its schema as needed.
   * Throws `JOURNAL_ERR_FILE` for a group- or world-accessible file, `JOURNAL_ERR_CORRUPT` for a
   * file that is not a journal and `JOURNAL_ERR_SCHEMA` for one from a newer build.
   */
  static open(path: string, clock: JournalClock): Journal {
    const db = openJournalFile(path);
    try {
      migrateJournal(db, path);
      return new Journal(db, prepareStatements(db), clock, path);
    } catch (error) {
      db.close();
      throw openFailure(path, error);
    }
  }

  /** Records the start of a run and returns its id; later intents belong to it. */
  startRun(info: JournalRunInfo): number {
    const result = this.write(() => this.s.insertRun.run({
      startedAt: this.clock.now(), mode: info.mode, strategy: info.strategy,
      params: toJournalJson(redactSecrets(info.params)), configHash: info.configHash,
    }));
    this.runId = Number(result.lastInsertRowid);
    return this.runId;
  }

  /**
   * Records an intent and its order row (PENDING_NEW, no venue id), after the gate `decisions`
   * that let it through, in one transaction. MUST be called, and must have returned, before the
   * order is sent: it is what lets a restart know a send may have happened.
   * Throws `JOURNAL_ERR_CONFLICT` for an order id already journaled (and then writes nothing).
   */
  recordIntent(intent: OrderIntent, decisions: readonly JournalDecision[] = []): void {
    this.write(() => {
      for (const d of decisions) insertDecision(this.s, intent.id, d);
      insertIntent(this.s, intent, this.runId);
    });
  }

  /** Records one gate stage's verdict on an intent, with the denial code and reason when it refused. */
  recordDecision(intentId: OrderId, stage: string, verdict: RiskVerdict): void {
    this.recordDecisions(intentId, [{ stage, verdict, ts: this.clock.now() }]);
  }

  /** Records several gate verdicts on one intent, in order, in one transaction. */
  recordDecisions(intentId: OrderId, decisions: readonly JournalDecision[]): void {
    if (decisions.length === 0) return;
    this.write(() => {
      for (const d of decisions) insertDecision(this.s, intentId, d);
    });
  }

  /** Records the place response: the venue's order id (`clOrdId`) for an order already journaled. */
  recordOrderAccepted(orderId: OrderId, venueOrderId: VenueOrderId): void {
    this.write(() => applyPlaceAck(this.s, orderId, venueOrderId, this.clock.now()));
  }

  /**
   * Applies an order event to the order and appends it to the event log, atomically. For a fill
   * event the fill is stored too; a repeated exec id returns `'duplicate'` and changes nothing.
   */
  recordOrderEvent(event: OrderEvent): FillOutcome {
    return this.write(() => applyOrderEvent(this.s, event));
  }

  /** Stores a fill; returns `'duplicate'` (and changes nothing) when its exec id is already stored. */
  recordFill(fill: Fill): FillOutcome {
    return this.write(() => insertFill(this.s, fill));
  }

  /** Marks the order with this venue id as placed outside the runner, adding it when unknown; returns its id. */
  markExternal(venueOrderId: VenueOrderId, info: ExternalOrderInfo): OrderId {
    return this.write(() => markExternalOrder(this.s, venueOrderId, info, this.clock.now()));
  }

  /** Persists the kill-switch state, so a restart comes back in it. */
  setTradingState(status: TradingStatus, reason: string, ts: EpochMs): void {
    this.write(() => this.s.setTradingState.run({ status, reason, ts }));
  }

  /** Returns the persisted kill-switch state, or undefined when none was ever set. */
  tradingState(): JournalTradingState | undefined {
    const row: unknown = this.live().s.tradingState.get();
    return row === undefined ? undefined : tradingStateFromRow(row);
  }

  /** Stores a reconciliation mark (or any small string) under `key`. */
  setMark(key: string, value: string): void {
    this.write(() => this.s.setMark.run({ key, value, ts: this.clock.now() }));
  }

  /** Returns the mark stored under `key`, or undefined. */
  mark(key: string): string | undefined {
    const row = this.live().s.mark.get(key) as { value: string } | undefined;
    return row?.value;
  }

  /** Returns the order with this runner id, or undefined. */
  order(orderId: OrderId): JournalOrder | undefined {
    return findOrder(this.live().s, orderId);
  }

  /** Returns the orders still working or pending (PENDING_NEW, NEW, PARTIALLY_FILLED), oldest update first. */
  openOrders(): readonly JournalOrder[] {
    return this.live().s.openOrders.all().map((row) => orderFromRow(row));
  }

  /** Returns the order the venue knows by this id (`clOrdId`), or undefined. */
  orderByVenueId(venueOrderId: VenueOrderId): JournalOrder | undefined {
    const row: unknown = this.live().s.orderByVenueId.get(venueOrderId);
    return row === undefined ? undefined : orderFromRow(row);
  }

  /** Returns the fills with `ts` at or after `ts`, in time order. */
  fillsSince(ts: EpochMs): readonly Fill[] {
    return this.live().s.fillsSince.all(ts).map((row) => fillFromRow(row));
  }

  /** Returns the signed position per symbol summed exactly over the stored (unique) fills. */
  positionsFromFills(): ReadonlyMap<Symbol, Amount> {
    const positions = new Map<Symbol, Amount>();
    for (const row of this.live().s.allFills.iterate()) {
      const fill = fillFromRow(row);
      const signed = sideSign(fill.side) * fill.qty;
      positions.set(fill.symbol, (positions.get(fill.symbol) ?? ZERO) + signed);
    }
    return positions;
  }

  /** Returns the intent journaled for an order (as the strategy placed it), if the runner placed it. */
  intent(orderId: OrderId): OrderIntent | undefined {
    const text: unknown = this.live().s.intentOf.pluck().get(orderId);
    return text === undefined ? undefined : intentFromJson(String(text));
  }

  /**
   * Returns the intents journaled before a send whose outcome is unknown: no venue id, still
   * PENDING_NEW. They are the input of reconciliation, which must list orders, not resend.
   */
  intentsWithoutVenueId(): readonly OrderIntent[] {
    return this.live().s.unsentIntents.pluck().all().map((text) => intentFromJson(String(text)));
  }

  /**
   * Moves WAL checkpoints (and their fsyncs) off this thread: a worker thread with its own
   * connection checkpoints after every {@link CHECKPOINT_EVERY} commits, and commits no longer
   * checkpoint inline when the WAL passes SQLite's threshold. Sessions call it; if the thread is
   * lost, automatic checkpoints come back. {@link close} stops it.
   */
  checkpointInBackground(): void {
    if (this.live().checkpointer !== undefined) return;
    this.checkpointer = new BackgroundCheckpointer(this.path, () => {
      if (this.open) this.db.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
    });
    this.db.pragma('wal_autocheckpoint = 0');
  }

  /** Checkpoints the WAL into the main file (synced) and closes the connection. Calling it twice is harmless. */
  close(): void {
    if (!this.open) return;
    this.open = false;
    this.checkpointer?.stop();
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }

  private live(): this {
    if (!this.open) throw new RunnerError(JournalErrorCode.CLOSED, 'the journal is closed');
    return this;
  }

  private write<T>(body: () => T): T {
    const result = this.live().tx.immediate(body) as T;
    this.commits += 1;
    if (this.commits % CHECKPOINT_EVERY === 0) this.checkpointer?.request();
    return result;
  }
}
