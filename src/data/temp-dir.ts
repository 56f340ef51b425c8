import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The one helper for the runner's temporary folders: validated bars, spilled report logs, the
// embedded simulator's login state.
const live = new Set<string>();
let exitHook = false;

/**
 * Returns a new private temporary folder (under `parent`, default the OS temp folder). It is
 * removed by {@link removeTempDir} or, failing that, when the process exits, so its files never
 * outlive the run even when nobody disposes of them (an error, `process.exit` on a signal).
 */
export function createTempDir(prefix: string, parent: string = tmpdir()): string {
  const dir = mkdtempSync(join(parent, prefix));
  live.add(dir);
  if (!exitHook) {
    exitHook = true;
    process.once('exit', () => {
      for (const d of live) rmSync(d, { recursive: true, force: true });
    });
  }
  return dir;
}

/** Removes a folder made by {@link createTempDir} and everything in it. */
export async function removeTempDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  live.delete(dir);
}

/** Removes a folder made by {@link createTempDir} at once (for synchronous `dispose` methods). */
export function removeTempDirSync(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  live.delete(dir);
}
