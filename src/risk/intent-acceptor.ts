import type { EpochMs, OrderIntent } from '../core/index.js';

/** Something that must learn which intents the gate let through (duplicate and rate memory). */
export interface IntentAcceptor {
  /** Records that `intent` passed every stage at `now` and is being sent. */
  accepted(intent: OrderIntent, now: EpochMs): void;
  /**
   * Holds a place for an intent that passed this check while later stages (an async preview) are
   * still deciding, so intents in flight together cannot all slip under the same limit.
   */
  reserve?(intent: OrderIntent): void;
  /** Drops the hold once the gate has decided (accepted intents were already counted by `accepted`). */
  release?(intent: OrderIntent): void;
}
