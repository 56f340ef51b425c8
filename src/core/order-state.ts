import { OrderStatus } from './order.js';

const ALLOWED: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  PENDING_NEW: ['NEW', 'PARTIALLY_FILLED', 'FILLED', 'CANCELED', 'REJECTED', 'EXPIRED'],
  NEW: ['PARTIALLY_FILLED', 'FILLED', 'CANCELED', 'EXPIRED', 'REPLACED'],
  PARTIALLY_FILLED: ['PARTIALLY_FILLED', 'FILLED', 'CANCELED', 'EXPIRED', 'REPLACED'],
  FILLED: [],
  CANCELED: [],
  REJECTED: [],
  EXPIRED: [],
  REPLACED: [],
};

/** Returns whether an order in `from` may move to `to`. */
export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ALLOWED[from].includes(to);
}

/** Returns whether no further event can change an order in this state. */
export function isTerminal(status: OrderStatus): boolean {
  return ALLOWED[status].length === 0;
}

/** Returns whether an order in this state is still working at the venue. */
export function isOpen(status: OrderStatus): boolean {
  return status === OrderStatus.PENDING_NEW || status === OrderStatus.NEW || status === OrderStatus.PARTIALLY_FILLED;
}
