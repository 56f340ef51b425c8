import type { Offender, ParsedFile } from './imports.js';
import { lineAt } from './source-text.js';
import { srcFolderOf } from './layer-rules.js';

/** A banned code pattern with the name printed for offenders. */
export interface BannedPattern {
  readonly name: string;
  readonly pattern: RegExp;
}

/** Wall-clock and randomness calls that break reproducible backtests. */
export const WALL_CLOCK_PATTERNS: readonly BannedPattern[] = [
  { name: 'Date.now()', pattern: /(?<![\w$])Date\s*\.\s*now\s*\(/g },
  { name: 'new Date()', pattern: /(?<![\w$])new\s+Date\s*\(\s*\)/g },
  { name: 'Math.random()', pattern: /(?<![\w$])Math\s*\.\s*random\s*\(/g },
  { name: 'setTimeout()', pattern: /(?<![\w$])setTimeout\s*\(/g },
  { name: 'setInterval()', pattern: /(?<![\w$])setInterval\s*\(/g },
  { name: 'performance.now()', pattern: /(?<![\w$])performance\s*\.\s*now\s*\(/g },
  { name: 'randomUUID()', pattern: /(?<![\w$])randomUUID\s*\(/g },
];

/** Spellings of the `any` type. */
export const ANY_PATTERNS: readonly BannedPattern[] = [
  { name: ': any', pattern: /:\s*any(?![\w$])/g },
  { name: 'as any', pattern: /(?<![\w$])as\s+any(?![\w$])/g },
  { name: '<any>', pattern: /<\s*any\s*[>,]/g },
  { name: ', any>', pattern: /,\s*any\s*>/g },
  { name: 'any[]', pattern: /(?<![\w$])any\s*\[\s*\]/g },
  { name: '| any', pattern: /(?<![|&])[|&]\s*any(?![\w$])/g },
  { name: '=> any', pattern: /=>\s*any(?![\w$])/g },
  { name: 'type = any', pattern: /(?<![\w$])type\s+[\w$]+\s*(?:<[^>]*>)?\s*=\s*any(?![\w$])/g },
];

function findPatterns(file: ParsedFile, code: string, patterns: readonly BannedPattern[], why: string): Offender[] {
  const offenders: Offender[] = [];
  for (const { name, pattern } of patterns) {
    for (const m of code.matchAll(pattern)) {
      offenders.push({ file: file.path, line: lineAt(code, m.index), message: `${name} ${why}` });
    }
  }
  return offenders.sort((a, b) => a.line - b.line);
}

/**
 * Rule 4: wall-clock time and randomness only in the allowed src folders. Files outside src
 * (strategies) are never allowed them. Comments and string contents are ignored.
 */
export function checkWallClock(files: readonly ParsedFile[], allowedFolders: readonly string[]): Offender[] {
  const why = `outside ${allowedFolders.join(', ')} (use the Clock / seeded Rng)`;
  return files
    .filter((file) => !allowedFolders.includes(srcFolderOf(file.path) ?? ''))
    .flatMap((file) => findPatterns(file, file.bare, WALL_CLOCK_PATTERNS, why));
}

/** Rule 5: no `any` type; comments and string contents are ignored. */
export function checkNoAny(files: readonly ParsedFile[]): Offender[] {
  return files.flatMap((file) => findPatterns(file, file.bare, ANY_PATTERNS, '(use unknown and narrow it)'));
}
