import { describe, expect, it } from 'vitest';
import { canTransition, isOpen, isTerminal, OrderStatus } from '../../../src/core/index.js';

const ALL = Object.values(OrderStatus);

/** The transitions the order life cycle allows; everything else is forbidden. */
const ALLOWED: ReadonlyArray<readonly [OrderStatus, OrderStatus]> = [
  ['PENDING_NEW', 'NEW'], ['PENDING_NEW', 'PARTIALLY_FILLED'], ['PENDING_NEW', 'FILLED'],
  ['PENDING_NEW', 'CANCELED'], ['PENDING_NEW', 'REJECTED'], ['PENDING_NEW', 'EXPIRED'],
  ['NEW', 'PARTIALLY_FILLED'], ['NEW', 'FILLED'], ['NEW', 'CANCELED'], ['NEW', 'EXPIRED'], ['NEW', 'REPLACED'],
  ['PARTIALLY_FILLED', 'PARTIALLY_FILLED'], ['PARTIALLY_FILLED', 'FILLED'], ['PARTIALLY_FILLED', 'CANCELED'],
  ['PARTIALLY_FILLED', 'EXPIRED'], ['PARTIALLY_FILLED', 'REPLACED'],
];
const key = (from: OrderStatus, to: OrderStatus): string => `${from}->${to}`;
const allowedKeys = new Set(ALLOWED.map(([f, t]) => key(f, t)));
const pairs = ALL.flatMap((from) => ALL.map((to) => [from, to] as const));

describe('order state machine', () => {
  it.each(ALLOWED)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each(pairs.filter(([f, t]) => !allowedKeys.has(key(f, t))))('forbids %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it('has exactly the terminal states FILLED, CANCELED, REJECTED, EXPIRED, REPLACED', () => {
    expect(ALL.filter(isTerminal).sort()).toEqual(['CANCELED', 'EXPIRED', 'FILLED', 'REJECTED', 'REPLACED']);
  });

  it('counts exactly the non-terminal states as open', () => {
    for (const s of ALL) expect(isOpen(s)).toBe(!isTerminal(s));
  });

  it('never lets an order go back to PENDING_NEW or NEW', () => {
    for (const from of ALL) {
      expect(canTransition(from, 'PENDING_NEW')).toBe(false);
      if (from !== 'PENDING_NEW') expect(canTransition(from, 'NEW')).toBe(false);
    }
  });

  it('lets only PENDING_NEW orders be rejected', () => {
    expect(ALL.filter((s) => canTransition(s, 'REJECTED'))).toEqual(['PENDING_NEW']);
  });
});
