import { map, filter, take } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { isRunnerError, type CalendarEvent, type OrderEvent } from '../../../src/core/index.js';
import { defaultConfig } from '../../../src/config/index.js';
import { runBacktest } from '../../../src/modes/index.js';
import { defineStrategy, type OrderRequest } from '../../../src/strategy/index.js';
import { yhooSettings } from '../../support/backtest-settings.js';

const window = { from: '2014-01-02', to: '2014-03-31' };

describe('engine through the backtest mode', () => {
  it('delivers gate denials to onOrder with their code, and never sends the order', async () => {
    const seen: OrderEvent[] = [];
    const strategy = defineStrategy({
      name: 'too-big',
      params: { qty: 50_000 },
      onBar(bar, ctx) {
        if (seen.length === 0) ctx.buy(bar.symbol, ctx.params.qty);
      },
      onOrder(event) {
        seen.push(event);
      },
    });
    const { result } = await runBacktest(yhooSettings({ strategy, ...window }));
    expect(seen).toHaveLength(1);
    expect(seen[0]?.type).toBe('OrderDenied');
    expect(seen[0]?.type === 'OrderDenied' && seen[0].reason.code).toBe('INSUFFICIENT_BUYING_POWER');
    expect(result.fills).toBe(0);
    expect([...result.orders].map((o) => o.status)).toEqual(['DENIED']);
  });

  it('applies the configured risk limits (max order quantity) before buying power', async () => {
    const codes: string[] = [];
    const strategy = defineStrategy({
      name: 'limits',
      params: {},
      onStart(ctx) {
        ctx.setAlert('go', ctx.now());
      },
      onBar(bar, ctx) {
        if (codes.length === 0) ctx.buy(bar.symbol, 200);
      },
      onOrder(event) {
        if (event.type === 'OrderDenied') codes.push(event.reason.code);
      },
    });
    const risk = { ...defaultConfig().risk, maxOrderQty: 100 };
    await runBacktest(yhooSettings({ strategy, risk, ...window }));
    expect(codes[0]).toBe('MAX_ORDER_QTY_EXCEEDED');
  });

  it('books a fill before the strategy sees the bar it filled on', async () => {
    const positionsAtBar: number[] = [];
    const strategy = defineStrategy({
      name: 'watch',
      params: {},
      onBar(bar, ctx) {
        positionsAtBar.push(ctx.portfolio.position(bar.symbol));
        if (positionsAtBar.length === 1) ctx.buy(bar.symbol, 10);
      },
    });
    await runBacktest(yhooSettings({ strategy, ...window }));
    // Decided on bar 1's close, filled at bar 2's open: bar 2's handler already sees the position.
    expect(positionsAtBar.slice(0, 3)).toEqual([0, 10, 10]);
  });

  it('runs the stream form on the same core, with operators on virtual time', async () => {
    const strategy = defineStrategy({
      name: 'stream-form',
      params: { qty: 5 },
      streams: (inputs$, ctx) =>
        inputs$.pipe(
          filter((i) => i.kind === 'bar'),
          take(1),
          map((bar): OrderRequest => ({ symbol: bar.symbol, side: 'BUY', qty: ctx.params.qty, tag: 'stream' })),
        ),
    });
    const { result } = await runBacktest(yhooSettings({ strategy, ...window }));
    expect(result.orders).toHaveLength(1);
    expect([...result.orders][0]).toMatchObject({ status: 'FILLED', tag: 'stream' });
    expect(result.fills).toBe(1);
  });

  it('stops with STRATEGY_ERR_HANDLER naming the strategy, handler and time when onBar throws', async () => {
    const strategy = defineStrategy({
      name: 'thrower',
      params: {},
      onBar() {
        throw new Error('boom');
      },
    });
    const error = await runBacktest(yhooSettings({ strategy, ...window })).then(() => undefined, (e: unknown) => e);
    expect(isRunnerError(error, 'STRATEGY_ERR_HANDLER')).toBe(true);
    expect((error as Error).message).toBe('strategy "thrower" onBar threw at 2014-01-02T21:00:00.000Z: boom');
  });

  it('emits session open and close events in time order around daily bars', async () => {
    const log: string[] = [];
    const strategy = defineStrategy({
      name: 'sessions',
      params: {},
      onCalendar(event: CalendarEvent, ctx) {
        log.push(`${event.type}@${new Date(ctx.now()).toISOString()}`);
      },
      onBar(bar) {
        log.push(`bar@${new Date(bar.tsEnd).toISOString()}`);
      },
    });
    await runBacktest(yhooSettings({ strategy, from: '2014-01-02', to: '2014-01-03' }));
    expect(log).toEqual([
      'SessionOpened@2014-01-02T14:30:00.000Z',
      'bar@2014-01-02T21:00:00.000Z',
      'SessionClosed@2014-01-02T21:00:00.000Z',
      'SessionOpened@2014-01-03T14:30:00.000Z',
      'bar@2014-01-03T21:00:00.000Z',
      'SessionClosed@2014-01-03T21:00:00.000Z',
    ]);
  });

  it('fires strategy timers at their virtual times', async () => {
    const fired: string[] = [];
    const strategy = defineStrategy({
      name: 'timers',
      params: {},
      onStart(ctx) {
        ctx.setAlert('wake', Date.UTC(2014, 0, 3, 15, 0));
      },
      onTimer(event, ctx) {
        fired.push(`${event.name}@${new Date(ctx.now()).toISOString()}`);
      },
    });
    await runBacktest(yhooSettings({ strategy, from: '2014-01-02', to: '2014-01-06' }));
    expect(fired).toEqual(['wake@2014-01-03T15:00:00.000Z']);
  });

  it('refuses an unknown parameter override, naming the known ones', async () => {
    const error = await runBacktest(yhooSettings({ params: { fastt: 3 }, ...window })).then(() => undefined, (e: unknown) => e);
    expect(isRunnerError(error, 'STRATEGY_ERR_PARAM')).toBe(true);
    expect((error as Error).message).toContain('unknown parameter "fastt"; this strategy\'s parameters are: symbol, fast, slow, qty');
  });

  it('shorts with ctx.sell from flat and closes with ctx.close', async () => {
    const positions: number[] = [];
    const strategy = defineStrategy({
      name: 'short',
      params: {},
      onBar(bar, ctx) {
        const n = positions.push(ctx.portfolio.position(bar.symbol));
        if (n === 1) ctx.sell(bar.symbol, 20);
        if (n === 5) ctx.close(bar.symbol);
      },
    });
    const { result } = await runBacktest(yhooSettings({ strategy, ...window }));
    expect(positions.slice(0, 7)).toEqual([0, -20, -20, -20, -20, 0, 0]);
    expect(result.trades).toHaveLength(1);
    expect([...result.trades][0]?.side).toBe('SHORT');
  });
});
