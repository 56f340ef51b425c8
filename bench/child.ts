import { execFile } from 'node:child_process';
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
