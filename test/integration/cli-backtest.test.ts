import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.js';

const run = promisify(execFile);
const BIN = path.resolve('bin/aries-runner.js');

interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function cli(args: readonly string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, CI: 'true' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

function tmp(): string {
  return tempDir('aries-cli-');
}

const FILES = ['report.json', 'trades.csv', 'orders.csv', 'equity.csv'];

describe('aries-runner backtest (CLI)', () => {
  it('explains itself with --help', async () => {
    const r = await cli(['backtest', '--help']);
    expect(r.code).toBe(0);
    for (const flag of ['--data', '--from', '--to', '--cash', '--commission', '--fill', '--param', '--seed', '--out', '--config']) {
      expect(r.stdout).toContain(flag);
    }
  });

  it('runs the sample config, prints the summary and writes byte-identical files on a second run', async () => {
    const [a, b] = [tmp(), tmp()];
    const first = await cli(['backtest', '--config', 'config/backtest.yaml', '--out', a, '--no-typecheck']);
    const second = await cli(['backtest', '--config', 'config/backtest.yaml', '--out', b, '--no-typecheck']);
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    expect(first.stdout).toContain('Order list hash  3f07fadc5fec4657377f7a6b1f1becaef866978937e795cb3a2508f241f6d5d6');
    expect(first.stdout).toContain(`Report: ${path.relative(process.cwd(), path.join(a, 'report.json'))}`);
    for (const f of FILES) expect(readFileSync(path.join(b, f))).toEqual(readFileSync(path.join(a, f)));
    const report = JSON.parse(readFileSync(path.join(a, 'report.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual([
      'strategy', 'params', 'symbols', 'from', 'to', 'bars', 'startingCash', 'finalEquity', 'totalReturn', 'cagr', 'volatility',
      'sharpe', 'sortino', 'maxDrawdown', 'maxDrawdownStart', 'maxDrawdownEnd', 'calmar', 'trades', 'winRate', 'profitFactor',
      'exposure', 'orders', 'fills', 'commission', 'orderListHash', 'seed',
    ]);
  });

  it('lets flags override the config (params, dates, commission, fill)', async () => {
    const out = tmp();
    const r = await cli([
      'backtest', '--config', 'config/backtest.yaml', '--out', out, '--no-typecheck',
      '--param', 'fast=5', '--param', 'slow=20', '--from', '2010-01-01', '--to', '2012-12-31', '--commission', '1/order', '--fill', 'close',
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as Record<string, unknown>;
    expect(report['params']).toEqual({ fast: 5, qty: 100, slow: 20, symbol: 'YHOO' });
    expect(report['from']).toBe('2010-01-04');
    expect(report['to']).toBe('2012-12-31');
    expect(report['commission']).toBe(`${report['fills']}.00`);
  });

  it('stops before trading on a bad data row, naming file and line (exit 2)', async () => {
    const dir = tmp();
    const file = path.join(dir, 'bad-2014.csv');
    writeFileSync(file, 'Date,Open,High,Low,Close,Adj Close,Volume\n2014-01-02,10,11,9,10.5,10.5,100\n2014-01-03,10,abc,9,10,10,100\n');
    const r = await cli(['backtest', 'strategies/sma-cross.ts', '--data', file, '--out', path.join(dir, 'out'), '--no-typecheck']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('DATA_ERR_INVALID_ROW');
    expect(r.stderr).toContain(`${file}:3:`);
  });

  it('reports a bad config value with file:line:col (exit 2)', async () => {
    const dir = tmp();
    const file = path.join(dir, 'bad.yaml');
    writeFileSync(file, 'backtest:\n  cash: 1000\nrisk:\n  maxOrderQty: -5\n');
    const r = await cli(['backtest', 'strategies/sma-cross.ts', '--config', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:4:16`);
  });

  it('reports a strategy syntax error with file:line:col (exit 2)', async () => {
    const r = await cli(['backtest', 'test/fixtures/strategies/syntax-error.ts', '--data', 'data/yhoo-1996-2014.csv', '--out', tmp(), '--no-typecheck']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/syntax-error\.ts:8:\d+/);
  });

  it('refuses an unknown flag with usage help (exit 2)', async () => {
    const r = await cli(['backtest', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--bogus'");
  });
});
