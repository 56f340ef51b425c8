import type { Rng } from '../../time/index.js';

/** Backoff settings in milliseconds; `factor` multiplies the base after every attempt. */
export interface BackoffSettings {
  readonly startMs: number;
  readonly factor: number;
  readonly capMs: number;
  readonly jitterMs: number;
}

/**
 * Exponential reconnect backoff: the base starts at `startMs`, grows by `factor` up to `capMs`, and each
 * delay adds a seeded jitter in [0, jitterMs) so many clients do not reconnect in lockstep.
 */
export class Backoff {
  private attempt = 0;

  constructor(
    private readonly settings: BackoffSettings,
    private readonly rng: Rng,
  ) {}

  /** Returns how many delays were handed out since the last reset. */
  get attempts(): number {
    return this.attempt;
  }

  /** Returns the next delay and advances the attempt counter. */
  next(): number {
    const { startMs, factor, capMs, jitterMs } = this.settings;
    const base = Math.min(capMs, startMs * factor ** this.attempt);
    this.attempt += 1;
    return Math.round(base + this.rng.between(0, jitterMs));
  }

  /** Starts again from `startMs` (called once a connection has been stable long enough). */
  reset(): void {
    this.attempt = 0;
  }
}
