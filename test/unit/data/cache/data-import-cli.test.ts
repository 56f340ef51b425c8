import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../../src/cli/main.js';
import { openBarCache } from '../../../../src/data/index.js';
import { collect, fixture } from '../fixtures.js';
import { tempDir } from './cache-support.js';

describe('aries-runner data import', () => {
  it('writes one checksummed cache file per CSV into --out', async () => {
    const out = path.join(tempDir(), 'cache');
    const code = await main(['data', 'import', 'data/yhoo-1996-2014.csv', fixture('generic-ok.csv'), '--out', out]);
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['GENERIC-1m.arbc', 'YHOO-1d.arbc']);
    const yhoo = await openBarCache({ path: path.join(out, 'YHOO-1d.arbc') });
    expect((await collect(yhoo.bars())).length).toBe(4713);
  });

  it('exits 2 on a bad row and leaves no cache file behind', async () => {
    const dir = tempDir();
    const csv = path.join(dir, 'bad.csv');
    writeFileSync(csv, 'timestamp,open,high,low,close,volume\n2024-01-02T14:30:00Z,10,11,9,10,1\n2024-01-02T14:31:00Z,10,9,11,10,1\n');
    const out = path.join(dir, 'cache');
    expect(await main(['data', 'import', csv, '--out', out])).toBe(2);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it('refuses --symbol with several files', async () => {
    expect(await main(['data', 'import', 'a.csv', 'b.csv', '--symbol', 'X', '--out', tempDir()])).toBe(2);
  });
});
