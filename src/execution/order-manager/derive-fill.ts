import { divAmount, mulAmount, type Amount } from '../../core/index.js';
import type { VenueOrderSnapshot } from './venue-order-snapshot.js';

/** What the runner knew of an order's executions before a new snapshot. */
export interface FillBaseline {
  readonly filledQty: Amount;
  /** The venue's average price at `filledQty` (not the runner's own, which may round differently). */
  readonly venueAvgPrice: Amount;
}

/** The execution a snapshot implies on top of a baseline. */
export interface DerivedFill {
  readonly qty: Amount;
  readonly price: Amount;
}

/**
 * Returns the fill a snapshot adds to the baseline, or `undefined` when it adds none. Per-fill
 * fields (`lastQty`/`lastPx`) win when they account for the whole increase; otherwise (no
 * per-fill fields, or an intermediate update was missed) the price comes from the change in
 * cumulative cost: (cum₂·avg₂ − cum₁·avg₁) / (cum₂ − cum₁).
 */
export function deriveFill(base: FillBaseline, snap: VenueOrderSnapshot): DerivedFill | undefined {
  const qty = snap.filledQty - base.filledQty;
  if (qty <= 0n) return undefined;
  if (snap.lastQty === qty && snap.lastPx !== undefined && snap.lastPx > 0n) return { qty, price: snap.lastPx };
  const cost = mulAmount(snap.filledQty, snap.avgFillPrice) - mulAmount(base.filledQty, base.venueAvgPrice);
  return { qty, price: divAmount(cost, qty) };
}
