import {
  divAmount, mulAmount, ZERO,
  type Amount, type EpochMs, type Order, type OrderIntent, type OrderStatus, type VenueOrderId,
} from '../../core/index.js';

/**
 * The manager's mutable record of one runner order across its replace chain. `filledQty` is
 * cumulative over the chain and never decreases.
 */
export class ManagedOrder {
  qty: Amount;
  filledQty: Amount = ZERO;
  /** Sum of fill qty × price, for the runner's own average. */
  cost: Amount = ZERO;
  /** The venue's last reported average at `filledQty`, the baseline for derived fill prices. */
  venueAvgPrice: Amount = ZERO;
  lastEventMs: EpochMs;

  constructor(
    readonly intent: OrderIntent,
    public venueOrderId: VenueOrderId | undefined,
    public status: OrderStatus,
    now: EpochMs,
  ) {
    this.qty = intent.qty;
    this.lastEventMs = now;
  }

  /** Returns the runner's average fill price, zero before the first fill. */
  get avgFillPrice(): Amount {
    return this.filledQty === ZERO ? ZERO : divAmount(this.cost, this.filledQty);
  }

  /** Books one execution. */
  addFill(qty: Amount, price: Amount): void {
    this.filledQty += qty;
    this.cost += mulAmount(qty, price);
  }

  /** Returns the order in core vocabulary (the intent carries the current quantity after a replace). */
  toOrder(): Order {
    const intent = this.qty === this.intent.qty ? this.intent : { ...this.intent, qty: this.qty };
    return {
      id: this.intent.id, intent, status: this.status, filledQty: this.filledQty, avgFillPrice: this.avgFillPrice,
      ...(this.venueOrderId === undefined ? {} : { venueOrderId: this.venueOrderId }),
      tsUpdated: this.lastEventMs,
    };
  }
}
