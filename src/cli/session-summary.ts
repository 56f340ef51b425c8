import type { TradingSessionSummary } from '../modes/index.js';

/** Returns the console summary of a paper or live session. */
export function formatSessionSummary(s: TradingSessionSummary): string {
  const realised = s.trades.reduce((sum, t) => sum + Number(t.pnl) / 1e8, 0);
  const wins = s.trades.filter((t) => t.pnl > 0n).length;
  const rows: [string, string][] = [
    ['Mode', s.mode],
    ['Strategy', s.strategy],
    ['Account', s.accountId],
    ['Bars', String(s.bars)],
    ['Orders', `${s.orders} (${s.denied} denied by the gate)`],
    ['Fills', String(s.fills)],
    ['Round trips', `${s.trades.length} (${wins} won)`],
    ['Realised PnL', realised.toFixed(2)],
    ['Starting cash', s.startingCash.toFixed(2)],
    ['Final equity', s.finalEquity.toFixed(2)],
    ['Journal', s.journalPath],
  ];
  const width = Math.max(...rows.map(([k]) => k.length)) + 2;
  return rows.map(([k, v]) => `${k.padEnd(width)}${v}`).join('\n');
}
