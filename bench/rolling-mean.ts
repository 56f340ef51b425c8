/**
 * A simple moving average over a ring buffer, O(1) per value. The engine's benchmark strategy and
 * the plain-loop floor both use it, so the comparison measures the framework, not two SMAs.
 */
export class RollingMean {
  private readonly values: Float64Array;
  private sum = 0;
  private n = 0;

  constructor(private readonly period: number) {
    this.values = new Float64Array(period);
  }

  /** Adds a value; returns the mean once `period` values were added, else `null`. */
  add(value: number): number | null {
    const slot = this.n % this.period;
    this.sum += value - (this.values[slot] as number);
    this.values[slot] = value;
    this.n += 1;
    return this.n < this.period ? null : this.sum / this.period;
  }
}
