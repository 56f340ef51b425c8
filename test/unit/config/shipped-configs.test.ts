import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/index.js';

const dir = path.resolve('config');

describe('the shipped config profiles', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

  it('are all there (backtest, paper on the embedded simulator, paper on Aries, live)', () => {
    expect(files.sort()).toEqual(['backtest.yaml', 'live.yaml', 'paper-aries.yaml', 'paper-embedded.yaml']);
  });

  it.each(files)('%s validates and names an existing strategy file', async (file) => {
    const config = await loadConfig(path.join(dir, file));
    expect(config.strategy.file).toMatch(/strategies[\\/]sma-cross\.ts$/);
  });
});
