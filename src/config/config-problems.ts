import { isMap, isScalar, visit } from 'yaml';
import type { Document, LineCounter, YAMLError } from 'yaml';
import type { z } from 'zod';

/** One located problem in a config file. */
export interface ConfigProblem {
  /** 1-based line of the offending node. */
  readonly line: number;
  /** 1-based column of the offending node. */
  readonly col: number;
  /** The field path (`risk.maxOrderQty`, `backtest.data[0]`), or what kind of YAML problem it is. */
  readonly path: string;
  readonly message: string;
}

/** Returns a field path as `backtest.data[0]`, or `(root)` for the document itself. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

/** Returns the problems for YAML parse errors (syntax, duplicate keys), located by the parser. */
export function yamlProblems(errors: readonly YAMLError[], lines: LineCounter): ConfigProblem[] {
  return errors.map((err) => {
    const pos = err.linePos?.[0] ?? lines.linePos(err.pos[0]);
    // yaml appends " at line L, column C:" and a source excerpt; the location is printed separately.
    const first = (err.message.split('\n')[0] ?? err.message).replace(/ at line \d+, column \d+:?$/, '');
    return { line: pos.line, col: pos.col, path: `yaml ${err.code}`, message: first };
  });
}

/** Returns one problem per zod issue (one per key for unknown keys), at the offending node. */
export function zodProblems(issues: readonly z.core.$ZodIssue[], doc: Document, lines: LineCounter): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const offset = keyOffset(doc, issue.path, key) ?? nodeOffset(doc, issue.path);
        problems.push(located(offset, lines, [...issue.path, key], 'unknown key'));
      }
    } else {
      problems.push(located(nodeOffset(doc, issue.path), lines, issue.path, issue.message));
    }
  }
  return problems;
}

/** Returns the problem for a document that failed to expand (an alias bomb), at its first alias. */
export function aliasProblem(doc: Document, lines: LineCounter, message: string): ConfigProblem {
  let offset = 0;
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  const { line, col } = lines.linePos(offset);
  return { line, col, path: 'yaml aliases', message };
}

/** Returns the problems sorted by position, one `<file>:<line>:<col>: <path>: <message>` per line. */
export function formatProblems(fileLabel: string, problems: readonly ConfigProblem[]): string {
  const sorted = [...problems].sort((a, b) => a.line - b.line || a.col - b.col);
  const lines = sorted.map((p) => `${fileLabel}:${p.line}:${p.col}: ${p.path}: ${p.message}`);
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return `invalid config ${fileLabel} (${count}):\n${lines.join('\n')}`;
}

function located(offset: number, lines: LineCounter, path: readonly PropertyKey[], message: string): ConfigProblem {
  const { line, col } = lines.linePos(offset);
  return { line, col, path: formatPath(path), message };
}

// Walks up the path until a node exists: a missing field is reported at its parent mapping.
function nodeOffset(doc: Document, path: readonly PropertyKey[]): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node: unknown = doc.getIn(path.slice(0, depth), true);
    const start = rangeStart(node);
    if (start !== undefined) return start;
  }
  return 0;
}

function keyOffset(doc: Document, path: readonly PropertyKey[], key: string): number | undefined {
  const map: unknown = doc.getIn(path, true);
  if (!isMap(map)) return undefined;
  const pair = map.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
  return rangeStart(pair?.key);
}

function rangeStart(node: unknown): number | undefined {
  if (typeof node !== 'object' || node === null || !('range' in node)) return undefined;
  const range: unknown = node.range;
  return Array.isArray(range) && typeof range[0] === 'number' ? range[0] : undefined;
}
