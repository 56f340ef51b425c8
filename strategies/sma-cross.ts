import { SMA } from 'trading-signals';
import { defineStrategy } from 'aries-runner';

/**
 * Moving-average crossover: long when the fast SMA of closes is above the slow one, flat
 * otherwise. Orders are decided on a bar's close and fill at the next bar's open by default.
 */
export default defineStrategy({
  name: 'sma-cross',
  description: 'Long when SMA(fast) > SMA(slow) of closes, flat otherwise.',
  params: { symbol: 'YHOO', fast: 10, slow: 30, qty: 100 },
  subscriptions: (p) => [{ kind: 'bars', symbol: p.symbol }],
  onStart(ctx) {
    if (ctx.params.fast >= ctx.params.slow) ctx.log.warn('fast period is not shorter than slow period');
    state.fast = new SMA(ctx.params.fast);
    state.slow = new SMA(ctx.params.slow);
  },
  onBar(bar, ctx) {
    if (bar.symbol !== ctx.params.symbol) return;
    const fast = state.fast.add(bar.close);
    const slow = state.slow.add(bar.close);
    if (fast === null || slow === null) return;
    const position = ctx.portfolio.position(bar.symbol);
    const pending = ctx.openOrders(bar.symbol).length > 0;
    if (pending) return;
    if (fast > slow && position <= 0) ctx.buy(bar.symbol, ctx.params.qty, { tag: 'cross-up' });
    else if (fast < slow && position > 0) ctx.close(bar.symbol, { tag: 'cross-down' });
  },
});

const state = { fast: new SMA(10), slow: new SMA(30) };
