import {
  AMOUNT_SCALE, canTransition, divAmount, formatAmount, OrderStatus, parseAmount, RunnerError, ZERO,
  type Amount, type EpochMs, type Fill, type OrderId, type OrderIntent, type VenueOrderId,
} from '../../core/index.js';
import { JournalErrorCode } from './journal-errors.js';
import { toJournalJson } from './journal-json.js';
import { orderFromRow } from './journal-rows.js';
import type { JournalStatements } from './journal-statements.js';
import type { FillOutcome, JournalDecision, JournalOrder } from './journal-types.js';

/*
 * Row-level writes shared by the Journal's methods. None opens a transaction: the caller wraps
 * each public write in exactly one, so a crash leaves all of it or none of it.
 */

/** Returns `wanted` when the state machine allows the move (or it is no move), else `current`. */
export function nextStatus(current: OrderStatus, wanted: OrderStatus): OrderStatus {
  return current === wanted || canTransition(current, wanted) ? wanted : current;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

function isConstraintViolation(error: unknown): boolean {
  return isUniqueViolation(error) || (error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY');
}

/** Returns the order with this id, or undefined. */
export function findOrder(s: JournalStatements, orderId: OrderId): JournalOrder | undefined {
  const row: unknown = s.orderById.get(orderId);
  return row === undefined ? undefined : orderFromRow(row);
}

/** Returns the order with this id; throws `JOURNAL_ERR_UNKNOWN_ORDER` when there is none. */
export function requireOrder(s: JournalStatements, orderId: OrderId, what: string): JournalOrder {
  const order = findOrder(s, orderId);
  if (order === undefined) throw new RunnerError(JournalErrorCode.UNKNOWN_ORDER, `${what} for unknown order ${orderId}`);
  return order;
}

/** Inserts the order row an intent becomes, with no venue id yet. */
export function insertOrderFromIntent(s: JournalStatements, intent: OrderIntent, status: OrderStatus, ts: EpochMs): void {
  s.insertOrder.run({
    orderId: intent.id, venueOrderId: null, status, symbol: intent.symbol, side: intent.side, qty: formatAmount(intent.qty),
    filledQty: '0', avgPrice: '0', external: 0, ts,
  });
}

/** Inserts an intent and its PENDING_NEW order row; `JOURNAL_ERR_CONFLICT` when the order id is taken. */
export function insertIntent(s: JournalStatements, intent: OrderIntent, runId: number | null): void {
  try {
    s.insertIntent.run({ orderId: intent.id, runId, ts: intent.tsCreated, intent: toJournalJson(intent) });
    insertOrderFromIntent(s, intent, OrderStatus.PENDING_NEW, intent.tsCreated);
  } catch (error) {
    if (!isConstraintViolation(error)) throw error;
    throw new RunnerError(JournalErrorCode.CONFLICT, `order id ${intent.id} is already in the journal`, { cause: error });
  }
}

/** Appends one gate decision on an intent, with the denial code and reason when it refused. */
export function insertDecision(s: JournalStatements, intentId: OrderId, d: JournalDecision): void {
  const v = d.verdict;
  const row = v.ok ? { verdict: 'PASS', code: null, reason: null } : { verdict: 'DENY', code: v.reason.code, reason: v.reason.message };
  s.insertDecision.run({ intentId, ts: d.ts, stage: d.stage, ...row });
}

/** Appends one row to `order_events`. */
export function insertEvent(s: JournalStatements, orderId: OrderId, type: string, ts: EpochMs, body: unknown): void {
  s.insertEvent.run({ orderId, ts, type, event: toJournalJson(body) });
}

/** Attaches the venue's id to an order; `JOURNAL_ERR_CONFLICT` when another order already has it. */
export function attachVenueId(s: JournalStatements, order: JournalOrder, venueOrderId: VenueOrderId, ts: EpochMs): void {
  try {
    s.setVenueId.run({ orderId: order.orderId, venueOrderId, status: nextStatus(order.status, OrderStatus.NEW), ts });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new RunnerError(JournalErrorCode.CONFLICT, `venue order id ${venueOrderId} already belongs to another order than ${order.orderId}`, { cause: error });
  }
}

/**
 * Recomputes an order's filled quantity and average price from its stored fills. Summing rather
 * than updating a running average rounds once, so the average does not drift with the fill count.
 */
export function refreshFilled(s: JournalStatements, order: JournalOrder, ts: EpochMs): void {
  let filled: Amount = ZERO;
  let cost = 0n;
  for (const row of s.fillsOfOrder.iterate(order.orderId) as Iterable<{ qty: string; price: string }>) {
    const qty = parseAmount(row.qty) ?? ZERO;
    filled += qty;
    cost += qty * (parseAmount(row.price) ?? ZERO);
  }
  if (filled === ZERO) return;
  const avg = divAmount(cost, filled * AMOUNT_SCALE);
  const wanted = filled >= order.qty ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
  s.setOrderFill.run({
    orderId: order.orderId, filledQty: formatAmount(filled), avgPrice: formatAmount(avg), status: nextStatus(order.status, wanted), ts,
  });
}

/**
 * Stores a fill unless its exec id is already known. A repeat is refused by `UNIQUE(exec_id)` and
 * changes nothing. An applied fill updates its order's filled quantity and average price when the
 * order is known; a fill for an order not yet seen (fill before ack) is kept for later.
 */
export function insertFill(s: JournalStatements, fill: Fill): FillOutcome {
  try {
    s.insertFill.run({
      execId: fill.execId, orderId: fill.orderId, ts: fill.ts, symbol: fill.symbol, side: fill.side,
      qty: formatAmount(fill.qty), price: formatAmount(fill.price), commission: formatAmount(fill.commission),
    });
  } catch (error) {
    if (isUniqueViolation(error)) return 'duplicate';
    throw error;
  }
  const order = findOrder(s, fill.orderId);
  if (order !== undefined) refreshFilled(s, order, fill.ts);
  return 'applied';
}
