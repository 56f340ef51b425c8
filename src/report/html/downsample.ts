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
  if (maxPoints < 4) throw new RangeError('maxPoints must be at least 4');
  if (points.length <= maxPoints) return [...points];
  const inner = points.length - 2;
  const buckets = Math.floor((maxPoints - 2) / 2);
  const kept: number[] = [0];
  for (let b = 0; b < buckets; b += 1) {
    const start = 1 + Math.floor((b * inner) / buckets);
    const end = 1 + Math.floor(((b + 1) * inner) / buckets);
    let low = start;
    let high = start;
    for (let i = start + 1; i < end; i += 1) {
      if (value(points[i] as T) < value(points[low] as T)) low = i;
      if (value(points[i] as T) > value(points[high] as T)) high = i;
    }
    if (end > start) kept.push(...(low === high ? [low] : [Math.min(low, high), Math.max(low, high)]));
  }
  kept.push(points.length - 1);
  return kept.map((i) => points[i] as T);
}
