import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.js';

const run = promisify(execFile);
const REPO = path.resolve(import.meta.dirname, '..', '..');
// One level below the repository, like dist/: the compiled files resolve its node_modules, and the
// strategy loader finds the package root two folders up from <build>/strategy.
const build = mkdtempSync(path.join(REPO, 'test-output-build-'));
afterAll(() => rmSync(build, { recursive: true, force: true }));

describe('the precompiled CLI (npm run build, then node dist/cli/main.js)', () => {
  it('builds and runs a backtest with the same result as the tsx entry point', async () => {
    const tsconfig = path.join(build, 'tsconfig.json');
    writeFileSync(tsconfig, JSON.stringify({ extends: path.join(REPO, 'tsconfig.build.json'), compilerOptions: { outDir: build, rootDir: path.join(REPO, 'src') }, include: [path.join(REPO, 'src')] }));
    await run(process.execPath, [path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', tsconfig], { cwd: REPO, maxBuffer: 1 << 24 });
    copyFileSync(path.join(REPO, 'src', 'strategy', 'resolve-hook.mjs'), path.join(build, 'strategy', 'resolve-hook.mjs'));
    const out = tempDir('aries-precompiled-');
    const { stdout } = await run(
      process.execPath,
      [path.join(build, 'cli', 'main.js'), 'backtest', '--config', 'config/backtest.yaml', '--out', out],
      { cwd: REPO, maxBuffer: 1 << 22 },
    );
    // The pinned golden figure of the sample backtest (test/golden): a type-checked strategy file loads from the build too.
    expect(stdout).toMatch(/^Final equity\s+105663\.6886$/m);
  }, 120_000);
});
