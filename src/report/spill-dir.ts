import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const live = new Set<string>();
let exitHook = false;

/**
 * Returns a new private temporary folder for a log that spills to disk; it is removed by
 * {@link removeSpillDir} or, failing that, when the process exits, so temporary files never
 * outlive the run even when nobody disposes the log.
 */
export function createSpillDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  live.add(dir);
  if (!exitHook) {
    exitHook = true;
    process.once('exit', () => {
      for (const d of live) rmSync(d, { recursive: true, force: true });
    });
  }
  return dir;
}

/** Removes a folder made by {@link createSpillDir}. */
export function removeSpillDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  live.delete(dir);
}
