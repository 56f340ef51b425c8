import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountFromNumber, amountToNumber, toSymbol, type Symbol } from '../../../src/core/index.js';
import { Ledger, marketValue } from '../../../src/portfolio/index.js';
import { amt, fill } from '../../support/builders.js';

const SYMBOLS = ['T', 'U', 'V'] as const;

/** One step of a random account history. */
type Step =
  | { readonly kind: 'fill'; readonly symbol: string; readonly side: 'BUY' | 'SELL'; readonly qty: number; readonly price: number }
  | { readonly kind: 'mark'; readonly symbol: string; readonly price: number };

const price = fc.oneof(
  fc.integer({ min: 1, max: 5_000_000 }).map((c) => c / 100),
  fc.double({ min: 0.0001, max: 3_000_000, noNaN: true }),
);
const qty = fc.oneof(fc.integer({ min: 1, max: 2_000 }), fc.integer({ min: 1, max: 5_000_000 }).map((q) => q / 1000), fc.constant(2e9));
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('fill' as const), symbol: fc.constantFrom(...SYMBOLS), side: fc.constantFrom('BUY' as const, 'SELL' as const), qty, price }),
  fc.record({ kind: fc.constant('mark' as const), symbol: fc.constantFrom(...SYMBOLS), price }),
);

describe('Ledger marks and the equity number', () => {
  it('equal an eager exact revaluation after any history, and equityNumber equals amountToNumber(equity)', () => {
    fc.assert(fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
      const ledger = new Ledger(amt('100000'));
      const marks = new Map<Symbol, number>();
      for (const s of steps) {
        const symbol = toSymbol(s.symbol);
        if (s.kind === 'fill') {
          ledger.applyFill(fill({ symbol: s.symbol, side: s.side, qty: s.qty, price: s.price }));
          marks.set(symbol, s.price);
        } else {
          ledger.mark(symbol, s.price);
          if (ledger.position(symbol) !== undefined) marks.set(symbol, s.price);
        }
        // The reference: every open position valued exactly at its last fill or mark price.
        let net = 0n;
        let gross = 0n;
        for (const p of ledger.positions()) {
          const v = marketValue(p.qty, amountFromNumber(marks.get(p.symbol) ?? 0));
          net += v;
          gross += v < 0n ? -v : v;
        }
        expect(ledger.equityNumber()).toBe(amountToNumber(ledger.cash + net));
        expect(ledger.equity).toBe(ledger.cash + net);
        expect(ledger.grossExposure).toBe(gross);
        expect(ledger.isExposed()).toBe(ledger.positions().length > 0);
        for (const name of SYMBOLS) {
          const sym = toSymbol(name);
          expect(ledger.positionQty(sym)).toBe(amountToNumber(ledger.position(sym)?.qty ?? 0n));
        }
      }
    }), { numRuns: 400 });
  });

  it('falls back to the exact figure when a value passes 2^53 · 1e-8', () => {
    const ledger = new Ledger(amt('1'));
    ledger.applyFill(fill({ side: 'BUY', qty: 2e9, price: 1000 }));
    ledger.mark(toSymbol('T'), 1000.5);
    expect(ledger.equityNumber()).toBe(amountToNumber(ledger.equity));
    expect(ledger.equity).toBe(amt('1000000001'));
  });

  it('stays exact when the running sum leaves the safe-integer range and comes back', () => {
    // Each position is worth $60M (6e15 in 1e-8 units, safe); together they pass 2^53.
    const ledger = new Ledger(amt('0'));
    ledger.applyFill(fill({ symbol: 'T', side: 'BUY', qty: 600_000, price: 100 }));
    ledger.applyFill(fill({ symbol: 'U', side: 'BUY', qty: 600_000, price: 100 }));
    ledger.mark(toSymbol('T'), 100.25);
    expect(ledger.equity).toBe(amt('150000'));
    expect(ledger.grossExposure).toBe(amt('120150000'));
    expect(ledger.equityNumber()).toBe(amountToNumber(ledger.equity));
    ledger.applyFill(fill({ symbol: 'U', side: 'SELL', qty: 600_000, price: 101 }));
    ledger.mark(toSymbol('T'), 99.5);
    expect(ledger.equity).toBe(amt('300000'));
    expect(ledger.grossExposure).toBe(amt('59700000'));
    expect(ledger.equityNumber()).toBe(300_000);
  });
});
