import { defaultConfig, parseCommission } from '../../src/config/index.js';
import type { BacktestSettings } from '../../src/modes/index.js';
import type { StrategyLog } from '../../src/strategy/index.js';

/** A log that keeps its lines, so tests can assert on them and nothing reaches the console. */
export function memoryLog(): StrategyLog & { readonly lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m) => lines.push(`error ${m}`),
  };
}

/** Returns backtest settings over the bundled YHOO data with the default risk config; override anything. */
export function yhooSettings(overrides: Partial<BacktestSettings> = {}): BacktestSettings {
  const config = defaultConfig();
  return {
    strategyFile: 'strategies/sma-cross.ts',
    dataFiles: ['data/yhoo-1996-2014.csv'],
    cash: 100_000,
    commission: parseCommission('0.005/share'),
    fill: 'next-open',
    slippageBps: 0,
    seed: 1,
    adjusted: false,
    params: {},
    risk: config.risk,
    typecheck: false,
    log: memoryLog(),
    ...overrides,
  };
}
