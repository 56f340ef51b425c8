import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRunnerError } from '../../../src/core/index.js';
import { defaultConfig, loadConfig, parseConfigText } from '../../../src/config/index.js';
import { tempDir } from '../../support/temp-dir.js';

const BASE = resolve('/cfg/base');

function problemsOf(text: string): string {
  try {
    parseConfigText(text, 'run.yaml', BASE);
  } catch (err) {
    if (isRunnerError(err, 'CONFIG_ERR_INVALID')) return err.message;
    throw err;
  }
  throw new Error('expected CONFIG_ERR_INVALID');
}

describe('parseConfigText', () => {
  it('applies every default to an empty document', () => {
    const config = parseConfigText('', 'run.yaml', BASE);
    expect(config).toEqual(defaultConfig());
    expect(config.backtest).toEqual({
      data: [],
      cash: 100_000,
      commission: '0',
      fill: 'next-open',
      slippageBps: 0,
      seed: 1,
      out: 'out/backtest',
      adjusted: false,
    });
    expect(config.risk).toEqual({
      buyingPowerCheck: true,
      marketHoursCheck: true,
      tradingRatePerMinute: 50,
      preview: true,
    });
    expect(config.strategy).toEqual({ params: {} });
  });

  it('reads a full config, keeps dates as strings and resolves paths against the base dir', () => {
    const text = [
      'strategy:',
      '  file: strategies/sma-cross.ts',
      '  params: { symbol: YHOO, fast: 10, long: true }',
      'backtest:',
      '  data: [data/yhoo.csv, /abs/other.csv]',
      '  from: 2000-01-01',
      '  to: 2010-12-31',
      '  commission: 0.005/share',
      '  fill: close',
      '  out: out/run1',
      'risk:',
      '  maxOrderQty: 10000',
      '  allowedSymbols: [YHOO]',
    ].join('\n');
    const config = parseConfigText(text, 'run.yaml', BASE);
    expect(config.strategy).toEqual({
      file: resolve(BASE, 'strategies/sma-cross.ts'),
      params: { symbol: 'YHOO', fast: 10, long: true },
    });
    expect(config.backtest.data).toEqual([resolve(BASE, 'data/yhoo.csv'), resolve('/abs/other.csv')]);
    expect(config.backtest.from).toBe('2000-01-01');
    expect(config.backtest.to).toBe('2010-12-31');
    expect(config.backtest.fill).toBe('close');
    expect(config.backtest.out).toBe('out/run1');
    expect(config.risk.maxOrderQty).toBe(10000);
    expect(config.risk.allowedSymbols).toEqual(['YHOO']);
    expect(config.risk.maxOrderNotional).toBeUndefined();
  });

  it('points a wrong type at the value node', () => {
    expect(problemsOf('backtest:\n  cash: lots\n')).toContain(
      'run.yaml:2:9: backtest.cash: Invalid input: expected number, received string',
    );
  });

  it('rejects a negative and a zero risk limit, each at its own line', () => {
    const message = problemsOf('risk:\n  maxOrderQty: -5\n  maxPositionQty: 0\n');
    expect(message).toContain('run.yaml:2:16: risk.maxOrderQty: must be a positive number');
    expect(message).toContain('run.yaml:3:19: risk.maxPositionQty: must be a positive number');
    expect(message).toContain('(2 problems)');
  });

  it('points an unknown key at depth at the key itself', () => {
    const message = problemsOf('risk:\n  preview: true\n  maxOrderQtty: 5\n');
    expect(message).toContain('run.yaml:3:3: risk.maxOrderQtty: unknown key');
  });

  it('reports an unknown top-level section', () => {
    expect(problemsOf('backtest: {}\nlive:\n  x: 1\n')).toContain('run.yaml:2:1: live: unknown key');
  });

  it('reports a duplicate key at the second occurrence', () => {
    const message = problemsOf('backtest:\n  cash: 1\n  cash: 2\n');
    expect(message).toMatch(/^run\.yaml:3:3: yaml DUPLICATE_KEY: Map keys must be unique$/m);
  });

  it('reports a YAML syntax error with line and column', () => {
    const message = problemsOf('backtest:\n  data: [a.csv, b.csv\nrisk: {}\n');
    expect(message).toMatch(/^run\.yaml:3:1: yaml [A-Z_]+: /m);
  });

  it('rejects an alias bomb instead of expanding it', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    let prev = 'a';
    for (const name of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']) {
      lines.push(`${name}: &${name} [${Array.from({ length: 9 }, () => `*${prev}`).join(', ')}]`);
      prev = name;
    }
    const message = problemsOf(`strategy:\n  params:\n    ${lines.join('\n    ')}\n`);
    expect(message).toContain('run.yaml:4:12: yaml aliases: Excessive alias count');
  });

  it('falls back to the parent node for a wrong-typed section', () => {
    expect(problemsOf('backtest: [1, 2]\n')).toContain('run.yaml:1:11: backtest: Invalid input: expected object');
  });

  it('rejects a document that is not a mapping at the root', () => {
    expect(problemsOf('- a\n- b\n')).toContain('run.yaml:1:1: (root): Invalid input: expected object');
  });

  it('rejects impossible dates, reversed ranges and bad commission with line:col', () => {
    const message = problemsOf(
      'backtest:\n  from: 2001-02-29\n  to: 2000-01-01\n  commission: 5\n  seed: 1.5\n  fill: open\n',
    );
    expect(message).toContain('run.yaml:2:9: backtest.from: expected a date YYYY-MM-DD');
    expect(message).toContain("run.yaml:4:15: backtest.commission: invalid commission \"5\"; expected one of '0.1%'");
    expect(message).toContain('run.yaml:5:9: backtest.seed:');
    expect(message).toContain('run.yaml:6:9: backtest.fill:');
  });

  it('accepts a numeric zero commission', () => {
    expect(parseConfigText('backtest:\n  commission: 0\n', 'run.yaml', BASE).backtest.commission).toBe('0');
  });

  it('rejects a reversed date range at `to`', () => {
    expect(problemsOf('backtest:\n  from: 2005-01-01\n  to: 2000-01-01\n')).toContain(
      'run.yaml:3:7: backtest.to: is before from (2005-01-01)',
    );
  });

  it('rejects a symbol override with several data files', () => {
    expect(problemsOf('backtest:\n  data: [a.csv, b.csv]\n  symbol: X\n')).toContain(
      'run.yaml:3:11: backtest.symbol: only allowed with a single data file',
    );
  });

  it('rejects a non-integer trading rate and a param that is not a scalar', () => {
    const message = problemsOf('risk:\n  tradingRatePerMinute: 2.5\nstrategy:\n  params:\n    fast: [1]\n');
    expect(message).toContain('run.yaml:2:25: risk.tradingRatePerMinute:');
    expect(message).toContain('run.yaml:5:11: strategy.params.fast:');
  });
});

describe('loadConfig', () => {
  it('resolves data paths against the config file directory and labels errors with the path', async () => {
    const dir = tempDir('cfg-');
    const file = join(dir, 'backtest.yaml');
    await writeFile(file, 'backtest:\n  data: [../data/x.csv]\n');
    const config = await loadConfig(file);
    expect(config.backtest.data).toEqual([resolve(dir, '../data/x.csv')]);
    expect(config.backtest.out).toBe('out/backtest');
    await writeFile(file, 'risk:\n  maxOrderNotional: -1\n');
    await expect(loadConfig(file)).rejects.toThrow(`${file}:2:21: risk.maxOrderNotional`);
  });

  it('throws CONFIG_ERR_NOT_FOUND for a missing file', async () => {
    const missing = join(tempDir('cfg-'), 'no-such-dir', 'x.yaml');
    await expect(loadConfig(missing)).rejects.toSatisfy((err: unknown) => isRunnerError(err, 'CONFIG_ERR_NOT_FOUND'));
  });
});
