import type { Bar, EpochMs } from '../../core/index.js';

/**
 * Maps replay time to wall-clock offsets at `speed`× while skipping the gaps between bars
 * (nights, weekends): a bar that opens after every bar seen so far has closed starts right where
 * the previous one ended on the wall, so pacing is bar duration / speed.
 */
export class WallMapping {
  private anchorSim: EpochMs | undefined;
  private anchorWall = 0;
  private horizon: EpochMs = Number.NEGATIVE_INFINITY;

  constructor(private readonly speed: number) {}

  /** Records a bar about to be expanded; re-anchors the mapping when the bar starts after a gap. */
  place(bar: Bar): void {
    if (this.anchorSim === undefined) {
      this.anchorSim = bar.ts;
    } else if (bar.ts > this.horizon) {
      this.anchorWall = this.offsetOf(this.horizon);
      this.anchorSim = bar.ts;
    }
    this.horizon = Math.max(this.horizon, bar.tsEnd);
  }

  /** Returns the wall offset (ms since the run started) of replay time `t`. */
  offsetOf(t: EpochMs): number {
    const anchor = this.anchorSim ?? t;
    return this.speed === Number.POSITIVE_INFINITY ? this.anchorWall : this.anchorWall + (t - anchor) / this.speed;
  }
}
