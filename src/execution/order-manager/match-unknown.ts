import type { EpochMs, OrderIntent } from '../../core/index.js';
import type { VenueOrderCandidate } from './venue-order-snapshot.js';

/** What listing the venue's orders says about a place whose outcome was lost. */
export type UnknownMatch =
  | { readonly kind: 'found'; readonly candidate: VenueOrderCandidate }
  | { readonly kind: 'none' }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly VenueOrderCandidate[] };

/** The time window a matching order must have been created in. */
export interface MatchWindow {
  readonly fromMs: EpochMs;
  readonly toMs: EpochMs;
}

function sameTerms(intent: OrderIntent, c: VenueOrderCandidate): boolean {
  return (
    c.symbol === intent.symbol && c.side === intent.side && c.qty === intent.qty &&
    (c.type === undefined || c.type === intent.type) &&
    c.limitPrice === intent.limitPrice && c.stopPrice === intent.stopPrice
  );
}

/**
 * Returns the venue order that is the lost place of `intent`: same symbol, side, quantity, type
 * and prices, created inside the window, not a replacement, and not already owned
 * (`isClaimed`). More than one match is ambiguous: the caller halts rather than guess, since
 * Aries has no client order id to tell them apart.
 */
export function matchUnknownOrder(
  intent: OrderIntent, candidates: readonly VenueOrderCandidate[], window: MatchWindow, isClaimed: (c: VenueOrderCandidate) => boolean,
): UnknownMatch {
  const seen = new Set<string>();
  const hits = candidates.filter((c) => {
    if (seen.has(c.venueOrderId)) return false;
    seen.add(c.venueOrderId);
    const inWindow = c.tsCreated === undefined || (c.tsCreated >= window.fromMs && c.tsCreated <= window.toMs);
    return c.origVenueOrderId === undefined && inWindow && !isClaimed(c) && sameTerms(intent, c);
  });
  const [first, second] = hits;
  if (first === undefined) return { kind: 'none' };
  if (second !== undefined) return { kind: 'ambiguous', candidates: hits };
  return { kind: 'found', candidate: first };
}
