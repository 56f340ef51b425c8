import { OrderStatus } from '../../core/index.js';

/**
 * Aries order statuses (aries-api.md §5.4 and the SDK's `OrdStatus`) mapped to core statuses.
 * Statuses missing here (`PENDING_CANCEL`, `PENDING_REPLACE`, `DONE_FOR_DAY`, `STOPPED`,
 * `SUSPENDED`, `CALCULATED`, anything new) are transient or unknown: they change nothing and
 * count as non-terminal, as §5.4 asks.
 */
export const ARIES_STATUS_MAP: Readonly<Record<string, OrderStatus>> = {
  PENDING_NEW: OrderStatus.PENDING_NEW,
  NEW: OrderStatus.NEW,
  WORKING: OrderStatus.NEW,
  ACCEPTED_FOR_BID: OrderStatus.NEW,
  PARTIALLY_FILLED: OrderStatus.PARTIALLY_FILLED,
  FILLED: OrderStatus.FILLED,
  CANCELED: OrderStatus.CANCELED,
  CANCELLED: OrderStatus.CANCELED,
  REJECTED: OrderStatus.REJECTED,
  EXPIRED: OrderStatus.EXPIRED,
  REPLACED: OrderStatus.REPLACED,
  // The old record of a replaced order; the new clOrdId carries on.
  SUPERSEDED: OrderStatus.REPLACED,
};

const TERMINAL = new Set(['FILLED', 'CANCELED', 'CANCELLED', 'REJECTED', 'EXPIRED', 'REPLACED', 'SUPERSEDED']);

/**
 * Returns the core status for an Aries status (case-insensitive), or `undefined` when the status
 * is transient or unknown and the order's current state should be kept.
 */
export function mapOrderStatus(raw: string | undefined): OrderStatus | undefined {
  if (raw === undefined) return undefined;
  return ARIES_STATUS_MAP[raw.trim().toUpperCase()];
}

/** Returns whether an Aries status ends the order's life (unknown statuses do not). */
export function isTerminalAriesStatus(raw: string | undefined): boolean {
  return raw !== undefined && TERMINAL.has(raw.trim().toUpperCase());
}
