/** The most points a chart series gets after downsampling. */
export const MAX_CHART_POINTS = 5000;

/**
 * Returns at most `maxPoints` of `points` (in their original order) for display: the series is
 * cut into equal index buckets and each bucket keeps its lowest and highest point, so peaks and
 * troughs (the maximum drawdown above all) survive; the first and last points are always kept.
 * Series already short enough come back as a copy. Min/max buckets are used rather than LTTB
 * because a trader reading an equity or drawdown chart cares about the extremes most.
 */
export function downsampleMinMax<T>(points: readonly T[], value: (p: T) => number, maxPoints = MAX_CHART_POINTS): T[] {
  return downsampleMinMaxStream(points, points.length, value, maxPoints);
}

/**
 * Returns what {@link downsampleMinMax} returns, walking `points` once without random access,
 * given their count `length`: a curve streamed from disk is never held whole in memory.
 */
export function downsampleMinMaxStream<T>(points: Iterable<T>, length: number, value: (p: T) => number, maxPoints = MAX_CHART_POINTS): T[] {
  if (maxPoints < 4) throw new RangeError('maxPoints must be at least 4');
  if (length <= maxPoints) return [...points];
  const inner = length - 2;
  const buckets = Math.floor((maxPoints - 2) / 2);
  const kept: T[] = [];
  const bucket = new MinMaxBucket<T>(value);
  let b = 0;
  let end = 1 + Math.floor(inner / buckets);
  let i = 0;
  for (const p of points) {
    if (i === 0 || i === length - 1) {
      if (i === length - 1) bucket.flushInto(kept);
      kept.push(p);
    } else {
      while (i >= end) {
        bucket.flushInto(kept);
        b += 1;
        end = 1 + Math.floor(((b + 1) * inner) / buckets);
      }
      bucket.add(p, i);
    }
    i += 1;
  }
  return kept;
}

/** The lowest and highest point of one bucket; ties keep the earliest, as a strict comparison does. */
class MinMaxBucket<T> {
  private low: T | undefined;
  private high: T | undefined;
  private lowAt = 0;
  private highAt = 0;
  private lowValue = 0;
  private highValue = 0;

  constructor(private readonly value: (p: T) => number) {}

  add(p: T, index: number): void {
    const v = this.value(p);
    if (this.low === undefined || v < this.lowValue) {
      this.low = p;
      this.lowAt = index;
      this.lowValue = v;
    }
    if (this.high === undefined || v > this.highValue) {
      this.high = p;
      this.highAt = index;
      this.highValue = v;
    }
  }

  flushInto(out: T[]): void {
    const { low, high } = this;
    if (low === undefined || high === undefined) return;
    if (this.lowAt === this.highAt) out.push(low);
    else if (this.lowAt < this.highAt) out.push(low, high);
    else out.push(high, low);
    this.low = undefined;
    this.high = undefined;
  }
}
