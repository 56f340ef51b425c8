import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceFile } from './imports.js';

/**
 * Returns the `.ts` files under `dir` (relative to `root`), sorted, with POSIX paths relative to
 * `root`. A missing folder yields no files rather than an error, since folders appear over time.
 */
export function readTsFiles(root: string, dir: string, recursive: boolean): SourceFile[] {
  let entries;
  try {
    entries = readdirSync(join(root, dir), { withFileTypes: true });
  } catch (err) {
    if (typeof err === 'object' && err !== null && 'code' in err && err.code === 'ENOENT') return [];
    throw err;
  }
  const files: SourceFile[] = [];
  for (const entry of entries) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory() && recursive) files.push(...readTsFiles(root, path, true));
    else if (entry.isFile() && entry.name.endsWith('.ts')) files.push({ path, text: readFileSync(join(root, path), 'utf8') });
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}
