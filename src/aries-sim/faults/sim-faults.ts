import { Rng } from '../../time/index.js';

/** A fault on the response of one order write. */
export type OrderResponseFault = { readonly kind: 'lose' } | { readonly kind: 'delay'; readonly ms: number | undefined };

interface StatusFault {
  readonly status: 429 | 500;
  remaining: number;
  readonly path: string | undefined;
}

/**
 * The fault plan: queued HTTP errors, order-response faults and forced rejections, all consumed
 * in request order, plus an optional seeded random error rate. Deterministic under a seed.
 */
export class SimFaults {
  private readonly statusFaults: StatusFault[] = [];
  private readonly orderFaults: OrderResponseFault[] = [];
  private readonly rejections: string[] = [];
  private readonly held = new Set<() => void>();
  private readonly rng: Rng;

  constructor(seed: number, private readonly errorRate = 0) {
    this.rng = new Rng(seed);
  }

  /** Makes the next `count` REST calls (whose path starts with `path`, when given) answer `status`. */
  failNext(status: 429 | 500, count: number, path?: string): void {
    this.statusFaults.push({ status, remaining: count, path });
  }

  /** Returns the injected status for a call on `path`, consuming one, or `undefined`. */
  takeStatus(path: string): 429 | 500 | undefined {
    const fault = this.statusFaults.find((f) => f.remaining > 0 && (f.path === undefined || path.startsWith(f.path)));
    if (fault !== undefined) {
      fault.remaining -= 1;
      if (fault.remaining === 0) this.statusFaults.splice(this.statusFaults.indexOf(fault), 1);
      return fault.status;
    }
    return this.errorRate > 0 && this.rng.next() < this.errorRate ? 500 : undefined;
  }

  /** Rejects the next placed order with `reason` (HTTP 200, `success:false`, a REJECTED event). */
  rejectNextOrder(reason: string): void {
    this.rejections.push(reason);
  }

  /** Returns the forced rejection reason for the order being placed, consuming it. */
  takeRejection(): string | undefined {
    return this.rejections.shift();
  }

  /** Applies the order but destroys the connection before answering, for the next `count` order writes. */
  loseNextOrderResponse(count = 1): void {
    for (let i = 0; i < count; i += 1) this.orderFaults.push({ kind: 'lose' });
  }

  /** Applies the next order write but holds its response until `releaseHeld()` (or `ms` later when given). */
  delayNextOrderResponse(ms?: number): void {
    this.orderFaults.push({ kind: 'delay', ms });
  }

  /** Returns the fault for an accepted order write's response, consuming it. */
  takeOrderFault(): OrderResponseFault | undefined {
    return this.orderFaults.shift();
  }

  /** Keeps a held response's sender until release. */
  hold(send: () => void): void {
    this.held.add(send);
  }

  /** Sends one held response early (the timer of a timed delay); returns whether it was still held. */
  releaseOne(send: () => void): boolean {
    if (!this.held.delete(send)) return false;
    send();
    return true;
  }

  /** Sends every held response now; returns how many there were. */
  releaseHeld(): number {
    const all = [...this.held];
    this.held.clear();
    for (const send of all) send();
    return all.length;
  }

  /** Returns how many order responses are held. */
  heldCount(): number {
    return this.held.size;
  }

  /** Drops every pending fault (held responses are released). */
  reset(): void {
    this.statusFaults.length = 0;
    this.orderFaults.length = 0;
    this.rejections.length = 0;
    this.releaseHeld();
  }
}
