import { describe, expect, it } from 'vitest';
import { amt, bar, intent } from '../../support/builders.js';
import { percentFee, perOrderFee, perShareFee } from '../../../src/venue/index.js';
import { harness } from './venue-harness.js';

const D1 = bar({ day: '2024-01-02', o: 50, h: 51, l: 49, c: 50 });
const vol = (day: string, v: number): ReturnType<typeof bar> => bar({ day, o: 50, h: 51, l: 49, c: 50, v });
const NEXT = ['2024-01-03', '2024-01-04', '2024-01-05'] as const;

describe('volume-limited partial fills', () => {
  it('split 120 into 50, 50, 20 at 10% of 500 per bar', () => {
    const h = harness({ maxParticipation: 0.1 });
    h.decide(D1, intent({ qty: 120 }));
    for (const day of NEXT) h.feed(vol(day, 500));
    expect(h.fills().map((f) => [f.fill.qty, f.filledQty, f.leavesQty, f.status])).toEqual([
      [amt('50'), amt('50'), amt('70'), 'PARTIALLY_FILLED'],
      [amt('50'), amt('100'), amt('20'), 'PARTIALLY_FILLED'],
      [amt('20'), amt('120'), 0n, 'FILLED'],
    ]);
    expect(new Set(h.fills().map((f) => f.fill.execId)).size).toBe(3);
  });

  it('report a partially filled order as still open with its filled quantity and average price', () => {
    const h = harness({ maxParticipation: 0.1 });
    h.decide(D1, intent({ qty: 120 }));
    h.feed(vol(NEXT[0], 500));
    h.feed(bar({ day: NEXT[1], o: 52, h: 53, l: 51, c: 52, v: 500 }));
    expect(h.venue.openOrders()).toMatchObject([{ status: 'PARTIALLY_FILLED', filledQty: amt('100'), avgFillPrice: amt('51') }]);
    h.feed(vol(NEXT[2], 500));
    expect(h.venue.openOrders()).toEqual([]);
  });

  it('take nothing from a bar with zero volume', () => {
    const h = harness({ maxParticipation: 0.1 });
    h.decide(D1, intent({ qty: 10 }));
    h.feed(vol(NEXT[0], 0));
    expect(h.fills()).toEqual([]);
    expect(h.venue.openOrders()).toHaveLength(1);
  });

  it('round the allowed volume down to whole units exactly (29% of 100 is 29, not 28)', () => {
    const h = harness({ maxParticipation: 0.29 });
    h.decide(D1, intent({ qty: 100 }));
    h.feed(vol(NEXT[0], 100));
    expect(h.fills()[0]?.fill.qty).toBe(amt('29'));
  });

  it('floor a fractional allowance: 10% of 505 is 50', () => {
    const h = harness({ maxParticipation: 0.1 });
    h.decide(D1, intent({ qty: 100 }));
    h.feed(vol(NEXT[0], 505));
    expect(h.fills()[0]?.fill.qty).toBe(amt('50'));
  });

  it('fill everything at once when no participation cap is set', () => {
    const h = harness();
    h.decide(D1, intent({ qty: 1_000_000 }));
    h.feed(vol(NEXT[0], 10));
    expect(h.fills()).toMatchObject([{ status: 'FILLED', filledQty: amt('1000000') }]);
  });
});

describe('commission models on venue fills', () => {
  it('percentFee(0.001) on 100 @ 50 is 5', () => {
    const h = harness({ fees: percentFee(0.001) });
    h.decide(D1, intent({ qty: 100 }));
    h.feed(vol(NEXT[0], 1_000_000));
    expect(h.fills()[0]?.fill.commission).toBe(amt('5'));
  });

  it('perShareFee(0.005) on 100 shares is 0.5', () => {
    const h = harness({ fees: perShareFee(amt('0.005')) });
    h.decide(D1, intent({ qty: 100 }));
    h.feed(vol(NEXT[0], 1_000_000));
    expect(h.fills()[0]?.fill.commission).toBe(amt('0.5'));
  });

  it('perOrderFee(1) is charged once across partial fills', () => {
    const h = harness({ fees: perOrderFee(amt('1')), maxParticipation: 0.1 });
    h.decide(D1, intent({ qty: 120 }));
    for (const day of NEXT) h.feed(vol(day, 500));
    expect(h.fills().map((f) => f.fill.commission)).toEqual([amt('1'), 0n, 0n]);
  });

  it('percent and per-share fees are charged on each partial fill', () => {
    const pct = harness({ fees: percentFee(0.001), maxParticipation: 0.1 });
    pct.decide(D1, intent({ qty: 120 }));
    for (const day of NEXT) pct.feed(vol(day, 500));
    expect(pct.fills().map((f) => f.fill.commission)).toEqual([amt('2.5'), amt('2.5'), amt('1')]);
    const share = harness({ fees: perShareFee(amt('0.005')), maxParticipation: 0.1 });
    share.decide(D1, intent({ qty: 120 }));
    for (const day of NEXT) share.feed(vol(day, 500));
    expect(share.fills().map((f) => f.fill.commission)).toEqual([amt('0.25'), amt('0.25'), amt('0.1')]);
  });
});

describe('fee models directly', () => {
  const p = { qty: amt('100'), price: amt('50'), firstFill: true };

  it('compute exact amounts', () => {
    expect(percentFee(0.001).commission(p)).toBe(amt('5'));
    expect(perShareFee(amt('0.005')).commission(p)).toBe(amt('0.5'));
    expect(perOrderFee(amt('1')).commission(p)).toBe(amt('1'));
    expect(perOrderFee(amt('1')).commission({ ...p, firstFill: false })).toBe(0n);
  });

  it('round a sub-1e-8 percent fee half-even', () => {
    // 1 share at 0.00000001 × 0.5 = 0.000000005 → ties to even (0).
    expect(percentFee(0.5).commission({ qty: amt('1'), price: amt('0.00000001'), firstFill: true })).toBe(0n);
    expect(percentFee(0.5).commission({ qty: amt('1'), price: amt('0.00000003'), firstFill: true })).toBe(2n);
  });
});
