import type { EpochMs, OrderIntent } from '../core/index.js';

/** Something that must learn which intents the gate let through (duplicate and rate memory). */
export interface IntentAcceptor {
  /** Records that `intent` passed every stage at `now` and is being sent. */
  accepted(intent: OrderIntent, now: EpochMs): void;
}
