import type { Database, Statement } from 'better-sqlite3';

/** The journal's prepared statements, compiled once per connection. Parameters are named. */
export interface JournalStatements {
  readonly insertRun: Statement;
  readonly insertIntent: Statement;
  readonly insertDecision: Statement;
  readonly insertOrder: Statement;
  readonly orderById: Statement;
  readonly orderByVenueId: Statement;
  readonly setVenueId: Statement;
  readonly setOrderStatus: Statement;
  readonly setOrderFill: Statement;
  readonly setExternal: Statement;
  readonly insertEvent: Statement;
  readonly insertFill: Statement;
  readonly fillsOfOrder: Statement;
  readonly fillsSince: Statement;
  readonly allFills: Statement;
  readonly openOrders: Statement;
  readonly unsentIntents: Statement;
  readonly intentOf: Statement;
  readonly setTradingState: Statement;
  readonly tradingState: Statement;
  readonly setMark: Statement;
  readonly mark: Statement;
}

const OPEN = `('PENDING_NEW', 'NEW', 'PARTIALLY_FILLED')`;

/** Returns the prepared statements for a migrated journal connection. */
export function prepareStatements(db: Database): JournalStatements {
  const p = (sql: string): Statement => db.prepare(sql);
  return {
    insertRun: p(`INSERT INTO runs (started_at, mode, strategy, params, config_hash)
      VALUES (@startedAt, @mode, @strategy, @params, @configHash)`),
    insertIntent: p('INSERT INTO intents (order_id, run_id, ts, intent) VALUES (@orderId, @runId, @ts, @intent)'),
    insertDecision: p(`INSERT INTO decisions (intent_id, ts, stage, verdict, code, reason)
      VALUES (@intentId, @ts, @stage, @verdict, @code, @reason)`),
    insertOrder: p(`INSERT INTO orders (order_id, venue_order_id, status, symbol, side, qty, filled_qty, avg_price, external, updated_ts)
      VALUES (@orderId, @venueOrderId, @status, @symbol, @side, @qty, @filledQty, @avgPrice, @external, @ts)`),
    orderById: p('SELECT * FROM orders WHERE order_id = ?'),
    orderByVenueId: p('SELECT * FROM orders WHERE venue_order_id = ?'),
    setVenueId: p('UPDATE orders SET venue_order_id = @venueOrderId, status = @status, updated_ts = @ts WHERE order_id = @orderId'),
    setOrderStatus: p('UPDATE orders SET status = @status, updated_ts = @ts WHERE order_id = @orderId'),
    setOrderFill: p(`UPDATE orders SET filled_qty = @filledQty, avg_price = @avgPrice, status = @status, updated_ts = @ts
      WHERE order_id = @orderId`),
    setExternal: p('UPDATE orders SET external = 1, updated_ts = @ts WHERE order_id = @orderId'),
    insertEvent: p('INSERT INTO order_events (order_id, ts, type, event) VALUES (@orderId, @ts, @type, @event)'),
    insertFill: p(`INSERT INTO fills (exec_id, order_id, ts, symbol, side, qty, price, commission)
      VALUES (@execId, @orderId, @ts, @symbol, @side, @qty, @price, @commission)`),
    fillsOfOrder: p('SELECT qty, price FROM fills WHERE order_id = ?'),
    fillsSince: p('SELECT * FROM fills WHERE ts >= ? ORDER BY ts, rowid'),
    allFills: p('SELECT * FROM fills ORDER BY rowid'),
    openOrders: p(`SELECT * FROM orders WHERE status IN ${OPEN} ORDER BY updated_ts, rowid`),
    // An order row with no venue id that is still PENDING_NEW was journaled before the place call
    // and nothing has been heard since: the send may or may not have reached the venue.
    intentOf: p('SELECT intent FROM intents WHERE order_id = ?'),
    unsentIntents: p(`SELECT i.intent FROM intents i JOIN orders o ON o.order_id = i.order_id
      WHERE o.venue_order_id IS NULL AND o.status = 'PENDING_NEW' AND o.external = 0 ORDER BY i.ts, i.rowid`),
    setTradingState: p(`INSERT INTO trading_state (id, status, reason, ts) VALUES (1, @status, @reason, @ts)
      ON CONFLICT (id) DO UPDATE SET status = excluded.status, reason = excluded.reason, ts = excluded.ts`),
    tradingState: p('SELECT status, reason, ts FROM trading_state WHERE id = 1'),
    setMark: p(`INSERT INTO kv (key, value, updated_ts) VALUES (@key, @value, @ts)
      ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_ts = excluded.updated_ts`),
    mark: p('SELECT value FROM kv WHERE key = ?'),
  };
}
