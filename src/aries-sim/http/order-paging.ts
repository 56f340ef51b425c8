import { orderV2, type SimOrder } from '../state/sim-order.js';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 500;

/**
 * Returns one page `{orders, nextCursor}` (aries-api.md §4.5). The cursor is the 1-based position
 * of the next row; `0` (or none) starts at the beginning and a `nextCursor` of `0` means no more.
 */
export function pageOrders(rows: readonly SimOrder[], q: URLSearchParams, order: 'asc' | 'desc'): { orders: unknown[]; nextCursor: number } {
  const sorted = order === 'asc' ? [...rows] : [...rows].reverse();
  const cursor = Number(q.get('cursor') ?? '0');
  const start = Number.isInteger(cursor) && cursor > 0 ? cursor - 1 : 0;
  const rawLimit = Number(q.get('limit') ?? String(DEFAULT_LIMIT));
  const limit = Number.isInteger(rawLimit) && rawLimit > 0 ? Math.min(rawLimit, MAX_LIMIT) : DEFAULT_LIMIT;
  const page = sorted.slice(start, start + limit);
  const next = start + limit < sorted.length ? start + limit + 1 : 0;
  return { orders: page.map(orderV2), nextCursor: next };
}
