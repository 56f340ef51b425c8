import { builtinModules } from 'node:module';
import { posix } from 'node:path';
import { lineAt, stripComments, stripCommentsAndStrings } from './source-text.js';

/** A source file by its repository-relative POSIX path. */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

/** What an import specifier points at. */
export type ImportTarget =
  | { readonly kind: 'relative'; readonly resolved: string }
  | { readonly kind: 'node'; readonly name: string }
  | { readonly kind: 'package'; readonly name: string };

/** One import (static, re-export, side-effect or dynamic) found in a file. */
export interface ImportRef {
  readonly specifier: string;
  readonly line: number;
  readonly target: ImportTarget;
  /** Whether it is `import type` / `export type … from`, which TypeScript erases. */
  readonly typeOnly: boolean;
}

/** A source file with its comments stripped and its imports extracted. */
export interface ParsedFile extends SourceFile {
  /** Comments blanked; strings kept. */
  readonly code: string;
  /** Comments and literal contents blanked. */
  readonly bare: string;
  readonly imports: readonly ImportRef[];
}

/** A rule violation, printed as `file:line: message`. */
export interface Offender {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

const IMPORT_PATTERNS = [
  /(?<![\w$.])(?:import|export)\b[^;'"`()=]*?\bfrom\s*(['"])([^'"\n]+)\1/g,
  /(?<![\w$.])import\s*(['"])([^'"\n]+)\1/g,
  /(?<![\w$.])import\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g,
];

const BUILTINS = new Set(builtinModules);

/** Returns what `specifier`, imported from the file at `fromPath`, points at. */
export function classifySpecifier(fromPath: string, specifier: string): ImportTarget {
  if (specifier.startsWith('.')) {
    return { kind: 'relative', resolved: posix.normalize(posix.join(posix.dirname(fromPath), specifier)) };
  }
  const first = specifier.split('/')[0] ?? specifier;
  if (specifier.startsWith('node:') || BUILTINS.has(first)) return { kind: 'node', name: specifier };
  const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : first;
  return { kind: 'package', name };
}

/** Returns every import in the (comment-stripped) code, in source order. */
export function extractImports(path: string, code: string): ImportRef[] {
  const found: { index: number; specifier: string; typeOnly: boolean }[] = [];
  for (const pattern of IMPORT_PATTERNS) {
    for (const m of code.matchAll(pattern)) {
      const specifier = m[2];
      if (specifier === undefined || found.some((f) => f.index === m.index)) continue;
      found.push({ index: m.index, specifier, typeOnly: /^(?:import|export)\s+type\s/.test(m[0]) });
    }
  }
  found.sort((a, b) => a.index - b.index);
  return found.map((f) => ({
    specifier: f.specifier,
    line: lineAt(code, f.index),
    target: classifySpecifier(path, f.specifier),
    typeOnly: f.typeOnly,
  }));
}

/** Returns the file parsed for the rule checkers. */
export function parseFile(file: SourceFile): ParsedFile {
  const code = stripComments(file.text);
  return { ...file, code, bare: stripCommentsAndStrings(file.text), imports: extractImports(file.path, code) };
}

/** Returns offenders as readable lines for an assertion message. */
export function formatOffenders(offenders: readonly Offender[]): string {
  return offenders.map((o) => `${o.file}:${o.line}: ${o.message}`).join('\n');
}
