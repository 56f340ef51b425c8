import { RunnerError, toSymbol } from '../core/index.js';
import type { RecordCodec } from './record-log.js';
import type { OrderRecord, RoundTrip } from './report-input.js';

/**
 * Line codecs for spilling report records: a JSON array per record, amounts as decimal integer
 * strings of their scaled value (exact), absent optional fields as `null`.
 */
export const recordCodecs = {
  /** Returns the codec of {@link OrderRecord}. */
  order: {
    encode: (o) => JSON.stringify([
      o.id, o.ts, o.symbol, o.side, o.type, o.tif, o.qty.toString(), o.limitPrice?.toString() ?? null,
      o.stopPrice?.toString() ?? null, o.status, o.filledQty.toString(), o.avgFillPrice.toString(), o.tag ?? null,
    ]),
    decode: (line) => {
      const f = fields(line, 13);
      const limit = f[7];
      const stop = f[8];
      const tag = f[12];
      return {
        id: text(f[0]), ts: Number(f[1]), symbol: text(f[2]), side: text(f[3]), type: text(f[4]), tif: text(f[5]),
        qty: BigInt(text(f[6])), status: text(f[9]), filledQty: BigInt(text(f[10])), avgFillPrice: BigInt(text(f[11])),
        ...(typeof limit === 'string' ? { limitPrice: BigInt(limit) } : {}),
        ...(typeof stop === 'string' ? { stopPrice: BigInt(stop) } : {}),
        ...(typeof tag === 'string' ? { tag } : {}),
      };
    },
  } satisfies RecordCodec<OrderRecord>,
  /** Returns the codec of {@link RoundTrip}. */
  trip: {
    encode: (t) => JSON.stringify([
      t.symbol, t.side, t.qty.toString(), t.entryTs, t.exitTs, t.entryPrice.toString(), t.exitPrice.toString(),
      t.pnl.toString(), t.commission.toString(),
    ]),
    decode: (line) => {
      const f = fields(line, 9);
      return {
        symbol: toSymbol(text(f[0])), side: f[1] === 'SHORT' ? 'SHORT' : 'LONG', qty: BigInt(text(f[2])),
        entryTs: Number(f[3]), exitTs: Number(f[4]), entryPrice: BigInt(text(f[5])), exitPrice: BigInt(text(f[6])),
        pnl: BigInt(text(f[7])), commission: BigInt(text(f[8])),
      };
    },
  } satisfies RecordCodec<RoundTrip>,
} as const;

function fields(line: string, count: number): unknown[] {
  const parsed: unknown = JSON.parse(line);
  if (!Array.isArray(parsed) || parsed.length !== count) {
    throw new RunnerError('REPORT_ERR_READ', `record log: expected ${count} fields, got ${line.slice(0, 80)}`);
  }
  return parsed;
}

function text(value: unknown): string {
  if (typeof value !== 'string') throw new RunnerError('REPORT_ERR_READ', `record log: expected a string field, got ${String(value)}`);
  return value;
}
