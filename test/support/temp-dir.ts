import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach } from 'vitest';

/**
 * Private temporary folders that a test file never leaves behind in the OS temp dir.
 *
 * Importing this module registers file-level hooks (vitest evaluates it once per test file), so it must be
 * imported statically at the top of a test file or of a helper that the test file imports.
 * A folder made inside a test (or in a `beforeEach`) is removed after that test; one made at file level or in
 * a `beforeAll` is removed after the file's last test. Give each caller its own prefix so a leak names its test.
 * Assumes tests of a file run one at a time (no `describe.concurrent`).
 */
const perTest: string[] = [];
const perFile: string[] = [];
let inTest = false;

beforeEach(() => {
  inTest = true;
});

afterEach(() => {
  inTest = false;
  removeAll(perTest);
});

afterAll(() => {
  removeAll(perTest);
  removeAll(perFile);
});

function removeAll(dirs: string[]): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Returns a new empty folder under the OS temp dir whose name starts with `prefix`; it is removed for you. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  (inTest ? perTest : perFile).push(dir);
  return dir;
}

/** Returns the path of `name` inside a new {@link tempDir} (the file itself is not created). */
export function tempFile(prefix: string, name: string): string {
  return path.join(tempDir(prefix), name);
}
