/** One journal table as the audit export reads it. */
interface ExportTable {
  readonly name: string;
  /** The column that places a row in time; exported as `ts`. */
  readonly tsColumn: string;
  readonly columns: readonly string[];
  /** Columns holding JSON text, exported as nested values rather than strings. */
  readonly jsonColumns: readonly string[];
}

// Listed in the order rows with equal timestamps are exported: the run first, then the intent,
// the gate's decisions, the order, its events and fills.
const TABLES: readonly ExportTable[] = [
  { name: 'runs', tsColumn: 'started_at', columns: ['id', 'started_at', 'mode', 'strategy', 'params', 'config_hash'], jsonColumns: ['params'] },
  { name: 'intents', tsColumn: 'ts', columns: ['order_id', 'run_id', 'ts', 'intent'], jsonColumns: ['intent'] },
  { name: 'decisions', tsColumn: 'ts', columns: ['id', 'intent_id', 'ts', 'stage', 'verdict', 'code', 'reason'], jsonColumns: [] },
  {
    name: 'orders', tsColumn: 'updated_ts',
    columns: ['order_id', 'venue_order_id', 'status', 'symbol', 'side', 'qty', 'filled_qty', 'avg_price', 'external', 'updated_ts'],
    jsonColumns: [],
  },
  { name: 'order_events', tsColumn: 'ts', columns: ['seq', 'order_id', 'ts', 'type', 'event'], jsonColumns: ['event'] },
  { name: 'fills', tsColumn: 'ts', columns: ['exec_id', 'order_id', 'ts', 'symbol', 'side', 'qty', 'price', 'commission'], jsonColumns: [] },
  { name: 'trading_state', tsColumn: 'ts', columns: ['status', 'reason', 'ts'], jsonColumns: [] },
  { name: 'kv', tsColumn: 'updated_ts', columns: ['key', 'value', 'updated_ts'], jsonColumns: [] },
];

/**
 * Returns one query yielding every row of every table as `(tbl, ts, rec)`, `rec` a JSON object of
 * the row, ordered by time. A single statement lets the export stream the whole journal with one
 * cursor. Identifiers come from the constant table list above, never from input.
 */
export function exportQuery(): string {
  const parts = TABLES.map((t, rank) => {
    const fields = t.columns.map((c) => `'${c}', ${t.jsonColumns.includes(c) ? `json(${c})` : c}`).join(', ');
    return `SELECT '${t.name}' AS tbl, ${t.tsColumn} AS ts, ${rank} AS rank, rowid AS rid, json_object(${fields}) AS rec FROM ${t.name}`;
  });
  return `${parts.join('\nUNION ALL\n')}\nORDER BY ts, rank, rid`;
}

/** Returns the CSV columns: table and time first, then every table's columns once, in table order. */
export function csvColumns(): readonly string[] {
  const columns = ['table', 'ts'];
  for (const t of TABLES) for (const c of t.columns) if (!columns.includes(c)) columns.push(c);
  return columns;
}

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Returns one CSV line (RFC 4180 quoting, CRLF-free `\n` ending) of `values`. */
export function csvLine(values: readonly unknown[]): string {
  return `${values.map((v) => csvField(v)).join(',')}\n`;
}

/** Returns the CSV line of an exported record, its fields in {@link csvColumns} order. */
export function csvRecord(columns: readonly string[], record: Readonly<Record<string, unknown>>): string {
  return csvLine(columns.map((c) => record[c]));
}
