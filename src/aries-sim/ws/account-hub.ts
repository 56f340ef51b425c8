import type { Subscription } from 'rxjs';
import { Rng } from '../../time/index.js';
import type { SimAccountFeed, SimAccountMessage } from '../sim-ports.js';

/**
 * The one subscription to the account feed that every account socket shares. It is where the
 * account-event faults happen (once, before fan-out): the next N events duplicated, the next N
 * swapped in pairs, or either at random from a seeded Rng.
 */
export class AccountHub {
  private readonly listeners = new Set<(m: SimAccountMessage) => void>();
  private readonly subscription: Subscription;
  private readonly rng: Rng;
  private duplicates = 0;
  private reorders = 0;
  private randomRate = 0;
  private held: SimAccountMessage | undefined;

  constructor(
    readonly feed: SimAccountFeed,
    seed: number,
  ) {
    this.rng = new Rng(seed);
    this.subscription = feed.messages$.subscribe((m) => this.onMessage(m));
  }

  /** Sends each of the next `n` events twice. */
  duplicateNext(n: number): void {
    this.duplicates += Math.max(0, Math.floor(n));
  }

  /** Swaps the next `n` events in pairs (1↔2, 3↔4, …); an odd last one swaps with the event after it. */
  reorderNext(n: number): void {
    this.reorders += Math.max(0, Math.floor(n));
  }

  /** Duplicates or swaps each later event with probability `rate` (0–1), decided by the seeded Rng. */
  randomFaults(rate: number): void {
    this.randomRate = Math.min(1, Math.max(0, rate));
  }

  /** Adds a listener; returns its remover. */
  listen(listener: (m: SimAccountMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Unsubscribes from the feed. */
  dispose(): void {
    this.subscription.unsubscribe();
    this.listeners.clear();
  }

  private onMessage(m: SimAccountMessage): void {
    this.pickRandomFault();
    const held = this.held;
    if (held !== undefined) {
      this.held = undefined;
      if (this.reorders > 0) this.reorders -= 1;
      this.deliver(m);
      this.deliver(held);
      return;
    }
    if (this.reorders > 0) {
      this.reorders -= 1;
      this.held = m;
      return;
    }
    this.deliver(m);
  }

  private pickRandomFault(): void {
    if (this.randomRate === 0 || this.rng.next() >= this.randomRate) return;
    if (this.rng.next() < 0.5) this.duplicates += 1;
    else if (this.held === undefined) this.reorders += 2;
  }

  private deliver(m: SimAccountMessage): void {
    const times = this.duplicates > 0 ? 2 : 1;
    if (times === 2) this.duplicates -= 1;
    for (let i = 0; i < times; i += 1) for (const listener of this.listeners) listener(m);
  }
}
