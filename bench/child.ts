import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

/** What one engine run in a child process reported. */
export interface ChildRun {
  readonly bars: number;
  readonly ms: number;
  readonly fills: number;
  readonly maxRssMb: number;
  /** RSS once the modules were loaded, before the run. */
  readonly startRssMb: number;
}

const run = promisify(execFile);

/** Returns the result of `bench/engine-child.ts` over `files` in a fresh Node process (its own peak RSS). */
export async function engineInChild(files: readonly string[]): Promise<ChildRun> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bench/engine-child.ts', ...files], { maxBuffer: 1 << 20 });
  const parsed: unknown = JSON.parse(stdout.trim().split('\n').pop() ?? '{}');
  return parsed as ChildRun;
}

/**
 * Runs `bench/engine-child.ts` compiled to JavaScript (a precompiled build: no tsx in the process)
 * with extra Node `flags`, over `files`. The build goes to a temporary folder inside the repository
 * (so its imports resolve against `node_modules`) and is removed afterwards.
 */
export async function builtEngineInChild(files: readonly string[], flags: readonly string[]): Promise<ChildRun> {
  const repo = process.cwd();
  const out = mkdtempSync(path.join(repo, 'bench', '.build-'));
  try {
    const tsconfig = path.join(out, 'tsconfig.json');
    writeFileSync(tsconfig, JSON.stringify({
      extends: path.join(repo, 'tsconfig.json'),
      compilerOptions: { noEmit: false, outDir: path.join(out, 'js'), rootDir: repo, declaration: false, sourceMap: false },
      files: [path.join(repo, 'bench', 'engine-child.ts')], include: [],
    }));
    await run(process.execPath, [path.join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', tsconfig], { maxBuffer: 1 << 24 });
    const { stdout } = await run(process.execPath, [...flags, path.join(out, 'js', 'bench', 'engine-child.js'), ...files], { maxBuffer: 1 << 20 });
    const parsed: unknown = JSON.parse(stdout.trim().split('\n').pop() ?? '{}');
    return parsed as ChildRun;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
