import { divAmount, mulAmount, ZERO, type Amount, type EpochMs, type Fill, type Symbol } from '../core/index.js';
import type { PositionChange } from './position.js';

/** A closed round trip: from flat to flat (a flip closes one trip and opens the next). */
export interface RoundTrip {
  readonly symbol: Symbol;
  readonly side: 'LONG' | 'SHORT';
  /** Total quantity opened during the trip. */
  readonly qty: Amount;
  readonly entryTs: EpochMs;
  readonly exitTs: EpochMs;
  /** Volume-weighted entry price. */
  readonly entryPrice: Amount;
  /** Volume-weighted exit price. */
  readonly exitPrice: Amount;
  /** Realised PnL net of every commission paid during the trip. */
  readonly pnl: Amount;
  readonly commission: Amount;
}

interface OpenTrip {
  side: 'LONG' | 'SHORT';
  entryTs: EpochMs;
  openedQty: Amount;
  openedCost: Amount;
  closedQty: Amount;
  closedProceeds: Amount;
  realized: Amount;
  commission: Amount;
}

/** Follows fills per symbol and returns each round trip when the position goes back to flat. */
export class RoundTripTracker {
  private readonly open = new Map<Symbol, OpenTrip>();

  /** Records a fill already applied to the position; returns the trip it closed, if any. */
  onFill(fill: Fill, change: PositionChange): RoundTrip | undefined {
    let trip = this.open.get(fill.symbol);
    let closed: RoundTrip | undefined;
    if (trip !== undefined && change.closedQty > ZERO) {
      const share = change.openedQty > ZERO ? divAmount(mulAmount(fill.commission, change.closedQty), fill.qty) : fill.commission;
      trip.closedQty += change.closedQty;
      trip.closedProceeds += mulAmount(change.closedQty, fill.price);
      trip.realized += change.realized;
      trip.commission += share;
      if (change.position.qty === ZERO || change.openedQty > ZERO) {
        closed = finish(fill.symbol, trip, fill.ts);
        this.open.delete(fill.symbol);
        trip = undefined;
      }
    }
    if (change.openedQty > ZERO) {
      const commission = change.closedQty > ZERO ? fill.commission - divAmount(mulAmount(fill.commission, change.closedQty), fill.qty) : fill.commission;
      if (trip === undefined) {
        trip = {
          side: change.position.qty > ZERO ? 'LONG' : 'SHORT',
          entryTs: fill.ts, openedQty: ZERO, openedCost: ZERO, closedQty: ZERO, closedProceeds: ZERO, realized: ZERO, commission: ZERO,
        };
        this.open.set(fill.symbol, trip);
      }
      trip.openedQty += change.openedQty;
      trip.openedCost += mulAmount(change.openedQty, fill.price);
      trip.commission += commission;
    }
    return closed;
  }

  /** Returns the symbols with a trip still open. */
  openSymbols(): readonly Symbol[] {
    return [...this.open.keys()];
  }
}

function finish(symbol: Symbol, trip: OpenTrip, exitTs: EpochMs): RoundTrip {
  return {
    symbol,
    side: trip.side,
    qty: trip.openedQty,
    entryTs: trip.entryTs,
    exitTs,
    entryPrice: trip.openedQty === ZERO ? ZERO : divAmount(trip.openedCost, trip.openedQty),
    exitPrice: trip.closedQty === ZERO ? ZERO : divAmount(trip.closedProceeds, trip.closedQty),
    pnl: trip.realized - trip.commission,
    commission: trip.commission,
  };
}

