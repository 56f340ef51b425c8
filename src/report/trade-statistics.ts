import type { Amount } from '../core/index.js';
import type { RoundTrip } from './report-input.js';

/** Win/loss figures of a list of round trips. */
export interface TradeStatistics {
  readonly trades: number;
  /** Wins (pnl > 0) over all round trips; `null` without trades. */
  readonly winRate: number | null;
  /** Gross profit over |gross loss|; `null` without losing trades. */
  readonly profitFactor: number | null;
}

/**
 * Returns the trade count, win rate and profit factor of `trades` (walked once, so a list kept
 * on disk is streamed). Profits and losses are summed exactly as Amounts and only the final
 * ratio is a float. A break-even trade (pnl = 0) counts as a trade but neither a win nor a loss.
 */
export function tradeStatistics(trades: Iterable<RoundTrip>): TradeStatistics {
  let count = 0;
  let wins = 0;
  let grossProfit: Amount = 0n;
  let grossLoss: Amount = 0n;
  for (const trade of trades) {
    count += 1;
    if (trade.pnl > 0n) {
      wins += 1;
      grossProfit += trade.pnl;
    } else if (trade.pnl < 0n) {
      grossLoss -= trade.pnl;
    }
  }
  return {
    trades: count,
    winRate: count > 0 ? wins / count : null,
    // Dividing the scaled integers lets the 10^8 scale cancel without a rounding step of its own.
    profitFactor: grossLoss > 0n ? Number(grossProfit) / Number(grossLoss) : null,
  };
}
