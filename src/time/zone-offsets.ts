import type { EpochMs } from '../core/index.js';
import { wallMs } from './zone-wall.js';

/** The largest instant a `Date` holds (±8.64e15 ms). */
const MAX_MS = 8.64e15;
/**
 * No IANA zone changes its UTC offset twice within this span. In the tzdata of Node 20's ICU the
 * closest two changes of any of its 418 zones, 1900–2100, are 7 days apart (America/Recife 2000,
 * Asia/Gaza 2040; sampled every 6 h). So when two instants at most this far apart have the same
 * offset, every instant between them has it too, and when they differ exactly one change lies between.
 */
export const MAX_SPAN_MS = 3 * 86_400_000;

/** `en-US` with these options formats as `01/02/2024 AD, 09:30:00`. */
const WALL = /^(\d+)\/(\d+)\/(\d+) (AD|BC),? (\d+):(\d+):(\d+)$/;
const FORMAT: Intl.DateTimeFormatOptions = {
  hour12: false, year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit', era: 'short',
};

/**
 * The UTC offsets of one IANA time zone, read from a cached `Intl.DateTimeFormat` exactly as luxon
 * reads them (`IANAZone.offset`: minutes, local wall time minus the instant floored to the second).
 * It remembers two stretches of constant offset, so lookups moving through time cost a comparison
 * and one `Intl` call per {@link MAX_SPAN_MS}, plus a bisection (≈18 calls) at each offset change.
 */
export class ZoneOffsets {
  private static readonly zones = new Map<string, ZoneOffsets | null>();

  /** Returns the offsets of `zone`, or `undefined` when it is not a time zone `Intl` knows. */
  static of(zone: string): ZoneOffsets | undefined {
    const cached = ZoneOffsets.zones.get(zone);
    if (cached !== undefined) return cached ?? undefined;
    let made: ZoneOffsets | null = null;
    try {
      if (zone !== '') made = new ZoneOffsets(zone, new Intl.DateTimeFormat('en-US', { ...FORMAT, timeZone: zone }));
    } catch {
      made = null;
    }
    ZoneOffsets.zones.set(zone, made);
    return made ?? undefined;
  }

  /** The current stretch: every instant in `[lo, hi]` has offset `off`. */
  private lo = Number.NaN;
  private hi = Number.NaN;
  private off = Number.NaN;
  /** The spare stretch: the one found next to the current, or the one used before it. */
  private lo2 = Number.NaN;
  private hi2 = Number.NaN;
  private off2 = Number.NaN;

  private constructor(
    readonly zone: string,
    private readonly format: Intl.DateTimeFormat,
  ) {}

  /**
   * Returns the UTC offset in minutes at `t` (local = UTC + offset; luxon's `IANAZone#offset`), or
   * NaN when `t` is not a finite instant within `Date`'s range.
   */
  offsetAt(t: EpochMs): number {
    if (t >= this.lo && t <= this.hi) return this.off;
    return this.lookUp(t);
  }

  private lookUp(instant: EpochMs): number {
    if (!(instant >= -MAX_MS && instant <= MAX_MS)) return Number.NaN;
    // A Date keeps whole milliseconds (truncated), so stretches have whole-millisecond bounds.
    const t = Math.trunc(instant);
    if (t >= this.lo2 && t <= this.hi2) {
      this.swap();
      return this.off;
    }
    if (t > this.hi && t - this.hi <= MAX_SPAN_MS) this.extendForward();
    else if (t < this.lo && this.lo - t <= MAX_SPAN_MS) this.extendBackward();
    else {
      this.swap();
      this.lo = t;
      this.hi = t;
      this.off = this.read(t);
      this.extendForward();
    }
    if (t >= this.lo && t <= this.hi) return this.off;
    this.swap();
    return this.off;
  }

  /** Grows the current stretch by up to {@link MAX_SPAN_MS}; a change found there becomes the spare. */
  private extendForward(): void {
    const far = Math.min(this.hi + MAX_SPAN_MS, MAX_MS);
    const offset = this.read(far);
    if (offset === this.off) {
      this.hi = far;
      return;
    }
    const change = this.firstChange(this.hi, far, offset);
    this.lo2 = change;
    this.hi2 = far;
    this.off2 = offset;
    this.hi = change - 1;
  }

  private extendBackward(): void {
    const far = Math.max(this.lo - MAX_SPAN_MS, -MAX_MS);
    const offset = this.read(far);
    if (offset === this.off) {
      this.lo = far;
      return;
    }
    const change = this.firstChange(far, this.lo, this.off);
    this.lo2 = far;
    this.hi2 = change - 1;
    this.off2 = offset;
    this.lo = change;
  }

  /**
   * Returns the first instant in `(before, after]` with offset `target` (`after`'s): one change lies
   * between, on a whole second (offsets are read per second, so bisecting seconds is enough).
   */
  private firstChange(before: number, after: number, target: number): number {
    let lo = Math.floor(before / 1000);
    let hi = Math.floor(after / 1000);
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.read(mid * 1000) === target) hi = mid;
      else lo = mid;
    }
    return hi * 1000;
  }

  private swap(): void {
    [this.lo, this.hi, this.off, this.lo2, this.hi2, this.off2] = [this.lo2, this.hi2, this.off2, this.lo, this.hi, this.off];
  }

  /** Reads the offset at `t` from `Intl`, as luxon's `IANAZone.offset` does. */
  private read(t: number): number {
    const date = new Date(t);
    const ms = date.getTime();
    if (Number.isNaN(ms)) return Number.NaN;
    const m = WALL.exec(this.format.format(date));
    const f = m === null ? this.readParts(date) : [m[3], m[1], m[2], m[4], m[5], m[6], m[7]];
    const year = f[3] === 'BC' ? -Math.abs(parseInt(f[0] ?? '', 10)) + 1 : parseInt(f[0] ?? '', 10);
    const hour = parseInt(f[4] ?? '', 10);
    const asUtc = wallMs(year, parseInt(f[1] ?? '', 10), parseInt(f[2] ?? '', 10), hour === 24 ? 0 : hour,
      parseInt(f[5] ?? '', 10), parseInt(f[6] ?? '', 10), 0);
    const over = ms % 1000;
    const floored = ms - (over >= 0 ? over : 1000 + over);
    return (asUtc - floored) / (60 * 1000);
  }

  /** Returns year, month, day, era, hour, minute, second from `formatToParts`, should `format` change shape. */
  private readParts(date: Date): (string | undefined)[] {
    const f: (string | undefined)[] = [];
    const at = { year: 0, month: 1, day: 2, era: 3, hour: 4, minute: 5, second: 6 } as const;
    for (const part of this.format.formatToParts(date)) {
      if (part.type in at) f[at[part.type as keyof typeof at]] = part.value;
    }
    return f;
  }
}
