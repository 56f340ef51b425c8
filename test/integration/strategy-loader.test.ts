import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRunnerError } from '../../src/core/index.js';
import { loadStrategy } from '../../src/strategy/index.js';
import { tempDir } from '../support/temp-dir.js';

const FIXTURES = path.resolve('test/fixtures/strategies');

async function loadError(file: string, typecheck = true): Promise<unknown> {
  return loadStrategy(file, { typecheck }).then(() => undefined, (e: unknown) => e);
}

describe('loadStrategy', () => {
  it('loads the sample strategy with its params and handlers', async () => {
    const s = await loadStrategy('strategies/sma-cross.ts');
    expect(s.name).toBe('sma-cross');
    expect(s.params).toEqual({ symbol: 'YHOO', fast: 10, slow: 30, qty: 100 });
    expect(typeof s.onBar).toBe('function');
  });

  it('names file:line:col for a syntax error', async () => {
    const error = await loadError(path.join(FIXTURES, 'syntax-error.ts'), false);
    expect(isRunnerError(error, 'STRATEGY_ERR_LOAD')).toBe(true);
    expect(String((error as Error).message)).toMatch(/syntax-error\.ts:8:\d+/);
  });

  it('names file:line:col for a type error', async () => {
    const error = await loadError(path.join(FIXTURES, 'type-error.ts'));
    expect(isRunnerError(error, 'STRATEGY_ERR_TYPE')).toBe(true);
    expect((error as Error).message).toMatch(/type-error\.ts:7:11: Type 'number' is not assignable to type 'string'/);
  });

  it('refuses a default export that is not a strategy', async () => {
    const error = await loadError(path.join(FIXTURES, 'not-a-strategy.ts'), false);
    expect(isRunnerError(error, 'STRATEGY_ERR_SHAPE')).toBe(true);
    expect((error as Error).message).toContain('not-a-strategy.ts');
  });

  it('reports a missing file', async () => {
    const error = await loadError('does/not/exist.ts');
    expect(isRunnerError(error, 'STRATEGY_ERR_NOT_FOUND')).toBe(true);
  });

  it('loads a strategy outside the project that imports aries-runner and trading-signals', async () => {
    const dir = tempDir('aries-strategy-');
    const file = path.join(dir, 'outside.mts');
    writeFileSync(file, [
      "import { defineStrategy } from 'aries-runner';",
      "import { EMA } from 'trading-signals';",
      'const ema = new EMA(3);',
      "export default defineStrategy({ name: 'outside', params: { n: 3 }, onBar(bar) { ema.add(bar.close); } });",
      '',
    ].join('\n'));
    const s = await loadStrategy(file);
    expect(s.name).toBe('outside');
  });
});
