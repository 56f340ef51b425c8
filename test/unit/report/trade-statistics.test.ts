import { describe, expect, it } from 'vitest';
import { tradeStatistics } from '../../../src/report/index.js';
import { trip } from './builders.js';

describe('tradeStatistics', () => {
  it('computes win rate and profit factor', () => {
    // pnl +5, −2, +3, 0: wins 2 of 4 → 0.5; gross profit 8, gross loss 2 → 4.
    const s = tradeStatistics([trip('5'), trip('-2'), trip('3'), trip('0')]);
    expect(s).toEqual({ trades: 4, winRate: 0.5, profitFactor: 4 });
  });

  it('sums exact decimals before dividing', () => {
    // 0.1 + 0.2 = 0.3 exactly as Amounts; 0.3 / 0.1 = 3 (floats would give 3.0000000000000004).
    expect(tradeStatistics([trip('0.1'), trip('0.2'), trip('-0.1')]).profitFactor).toBe(3);
  });

  it('returns a null profit factor when nothing lost', () => {
    expect(tradeStatistics([trip('5'), trip('1')])).toEqual({ trades: 2, winRate: 1, profitFactor: null });
  });

  it('returns a null win rate without trades', () => {
    expect(tradeStatistics([])).toEqual({ trades: 0, winRate: null, profitFactor: null });
  });

  it('returns a zero profit factor when every trade lost', () => {
    expect(tradeStatistics([trip('-1')])).toEqual({ trades: 1, winRate: 0, profitFactor: 0 });
  });
});
