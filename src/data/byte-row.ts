import { decimalAt, isoAt, ymdAt, type FieldEnd } from './byte-fields.js';

/** How the byte fast path reads one column. */
export const FieldKind = { DECIMAL: 0, ISO_TIMESTAMP: 1, YMD_DATE: 2 } as const;
/** How the byte fast path reads one column. */
export type FieldKind = (typeof FieldKind)[keyof typeof FieldKind];

const COMMA = 44;

/**
 * Reads rows of a fixed column layout from bytes into numbers, with no string per field: column
 * `j` is read as `kinds[j]` into `values[slots[j]]`. One instance per reader (it reuses its buffers).
 */
export class ByteRow {
  /** The last row's values, by slot; valid after {@link ByteRow.read} returned true. */
  readonly values: Float64Array;
  private readonly kinds: Int32Array;
  private readonly slots: Int32Array;
  private readonly at: FieldEnd = { pos: 0 };

  constructor(kinds: readonly FieldKind[], slots: readonly number[]) {
    this.kinds = Int32Array.from(kinds);
    this.slots = Int32Array.from(slots);
    this.values = new Float64Array(kinds.length);
  }

  /**
   * Returns true when `b[start, end)` is exactly the layout's columns, comma-separated, each one a
   * field its reader fully understands; false for anything else (the caller falls back to the
   * string parsers for the row).
   */
  read(b: Uint8Array, start: number, end: number): boolean {
    const { kinds, slots, values, at } = this;
    const last = kinds.length - 1;
    let s = start;
    for (let j = 0; j <= last; j += 1) {
      const kind = kinds[j];
      const x = kind === FieldKind.DECIMAL ? decimalAt(b, s, end, at) : kind === FieldKind.ISO_TIMESTAMP ? isoAt(b, s, end, at) : ymdAt(b, s, end, at);
      const p = at.pos;
      if (Number.isNaN(x) || (j < last ? p >= end || b[p] !== COMMA : p !== end)) return false;
      values[slots[j] ?? 0] = x;
      s = p + 1;
    }
    return true;
  }
}
