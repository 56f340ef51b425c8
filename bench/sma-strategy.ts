import { defaultConfig, parseCommission } from '../src/config/index.js';
import type { BacktestSettings } from '../src/modes/index.js';
import { defineStrategy } from '../src/strategy/index.js';
import { RollingMean } from './rolling-mean.js';

/** Each symbol's two averages. */
const averages = new Map<string, { readonly fast: RollingMean; readonly slow: RollingMean }>();

/** The benchmark strategy: SMA(10/30) crossover per symbol, 100 shares, one order at a time per symbol. */
export const smaCross = defineStrategy({
  name: 'bench-sma-cross',
  params: { fast: 10, slow: 30, qty: 100 },
  onStart() {
    averages.clear();
  },
  onBar(bar, ctx) {
    let state = averages.get(bar.symbol);
    if (state === undefined) {
      state = { fast: new RollingMean(ctx.params.fast), slow: new RollingMean(ctx.params.slow) };
      averages.set(bar.symbol, state);
    }
    const f = state.fast.add(bar.close);
    const s = state.slow.add(bar.close);
    if (f === null || s === null || ctx.openOrders(bar.symbol).length > 0) return;
    const position = ctx.portfolio.position(bar.symbol);
    if (f > s && position <= 0) ctx.buy(bar.symbol, ctx.params.qty);
    else if (f < s && position > 0) ctx.close(bar.symbol);
  },
});

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Returns the backtest settings every engine benchmark uses, over `dataFiles`. */
export function benchSettings(dataFiles: readonly string[]): BacktestSettings {
  const risk = { ...defaultConfig().risk, marketHoursCheck: true };
  return {
    strategyFile: 'bench', strategy: smaCross, dataFiles, cash: 10_000_000, commission: parseCommission('0.005/share'),
    fill: 'next-open', slippageBps: 0, seed: 1, adjusted: false, params: {}, risk, typecheck: false, log: silent,
  };
}
