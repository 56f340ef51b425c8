import { describe, expect, it } from 'vitest';
import { checkNoAny, checkWallClock } from './code-rules.js';
import { checkCycles } from './cycle-rules.js';
import { classifySpecifier, extractImports, formatOffenders, parseFile } from './imports.js';
import type { ParsedFile } from './imports.js';
import { checkIndexImports, checkLayers, checkRestrictedPackages, checkStrategyImports } from './layer-rules.js';
import type { LayerTable } from './layer-rules.js';
import { stripComments, stripCommentsAndStrings } from './source-text.js';

// Self-tests: the checkers must flag known violations, so the real scan cannot pass by seeing nothing.
const file = (path: string, text: string): ParsedFile => parseFile({ path, text });

const TABLE: LayerTable = {
  core: { folders: [], packages: [] },
  time: { folders: ['core'], packages: ['luxon', 'node:*'] },
  engine: { folders: ['core', 'time'], packages: ['rxjs'] },
  modes: { folders: '*', exceptFolders: ['cli'], packages: '*' },
};

describe('source text stripping', () => {
  it('blanks comments but keeps strings, lines and columns', () => {
    const text = "a(); // Date.now()\n/* x\n y */ b('// not a comment');";
    const out = stripComments(text);
    expect(out).toBe(`a(); ${' '.repeat('// Date.now()'.length)}\n${' '.repeat(4)}\n${' '.repeat(5)} b('// not a comment');`);
    expect(out).toHaveLength(text.length);
  });

  it('blanks string, template and regex contents but keeps template expressions', () => {
    const text = "const s = 'as any'; const t = `x ${Date.now()} y`; const r = /'\"[/]/g;";
    expect(stripCommentsAndStrings(text)).toBe(
      "const s = '      '; const t = `  ${Date.now()}  `; const r = /     /g;",
    );
  });

  it('keeps division apart from regex literals', () => {
    expect(stripCommentsAndStrings('const x = a / b / c; // c')).toBe('const x = a / b / c;     ');
  });
});

describe('import extraction', () => {
  it('finds static, type, re-export, side-effect and dynamic imports with lines', () => {
    const code = [
      "import type { A } from './a.js';",
      'import {',
      '  b,',
      "} from 'rxjs/operators';",
      "export * from '../core/index.js';",
      "import 'node:fs';",
      "const m = await import('@scope/pkg/deep');",
      "// import x from 'ignored';",
    ].join('\n');
    const refs = extractImports('src/engine/x.ts', stripComments(code));
    expect(refs.map((r) => [r.line, r.specifier])).toEqual([
      [1, './a.js'],
      [2, 'rxjs/operators'],
      [5, '../core/index.js'],
      [6, 'node:fs'],
      [7, '@scope/pkg/deep'],
    ]);
    expect(refs.map((r) => r.target)).toEqual([
      { kind: 'relative', resolved: 'src/engine/a.js' },
      { kind: 'package', name: 'rxjs' },
      { kind: 'relative', resolved: 'src/core/index.js' },
      { kind: 'node', name: 'node:fs' },
      { kind: 'package', name: '@scope/pkg' },
    ]);
  });

  it('treats bare builtin names as node builtins', () => {
    expect(classifySpecifier('src/x/y.ts', 'fs/promises')).toEqual({ kind: 'node', name: 'fs/promises' });
  });
});

describe('rule checkers', () => {
  it('rule 1 flags a forbidden folder, a forbidden package, a builtin in core and an unknown folder', () => {
    const offenders = checkLayers(
      [
        file('src/core/a.ts', "import { readFile } from 'node:fs';\nimport { b } from './b.js';"),
        file('src/engine/e.ts', "import { x } from '../modes/index.js';\nimport { DateTime } from 'luxon';"),
        file('src/time/t.ts', "import { DateTime } from 'luxon';\nimport { c } from '../core/index.js';"),
        file('src/modes/m.ts', "import { c } from '../cli/index.js';"),
        file('src/aries/x.ts', 'export const x = 1;'),
      ],
      TABLE,
    );
    expect(formatOffenders(offenders).split('\n')).toEqual([
      "src/core/a.ts:1: core may not import package 'node:fs'",
      "src/engine/e.ts:1: engine may not import modes ('../modes/index.js')",
      "src/engine/e.ts:2: engine may not import package 'luxon'",
      "src/modes/m.ts:1: modes may not import cli ('../cli/index.js')",
      "src/aries/x.ts:1: src folder 'aries' is not in the layer table",
    ]);
  });

  it('rule 2 flags a deep cross-folder import but not an index or same-folder import', () => {
    const offenders = checkIndexImports([
      file('src/engine/e.ts', "import { a } from '../core/amount.js';\nimport { b } from '../core/index.js';"),
      file('src/engine/f.ts', "import { e } from './e.js';\nimport { g } from './sub/g.js';"),
    ]);
    expect(offenders).toEqual([
      { file: 'src/engine/e.ts', line: 1, message: "deep import '../core/amount.js' into core; import from its index.js instead" },
    ]);
  });

  it('rule 3 flags ws outside the allowed folders', () => {
    const files = [file('src/engine/e.ts', "import WebSocket from 'ws';"), file('src/aries/a.ts', "import { fetch } from 'undici';")];
    const offenders = checkRestrictedPackages(files, { ws: ['aries'], undici: ['aries'] });
    expect(offenders.map((o) => `${o.file}:${o.line}`)).toEqual(['src/engine/e.ts:1']);
  });

  it('rule 4 flags wall-clock calls outside allowed folders, ignoring comments and strings', () => {
    const text = [
      'const t = Date.now();',
      '// Math.random() in a comment',
      "const s = 'setTimeout(';",
      'const d = new Date();',
      'const e = new Date(0);',
      'const u = crypto.randomUUID();',
    ].join('\n');
    const offenders = checkWallClock([file('src/engine/e.ts', text), file('src/time/clock.ts', text)], ['time']);
    expect(offenders.map((o) => `${o.file}:${o.line}: ${o.message.split(' ')[0] ?? ''}`)).toEqual([
      'src/engine/e.ts:1: Date.now()',
      'src/engine/e.ts:4: new',
      'src/engine/e.ts:6: randomUUID()',
    ]);
  });

  it('rule 5 flags each spelling of any but not words containing it or strings', () => {
    const text = [
      'let a: any = 1;',
      'const b = x as any;',
      'const c = <any>y;',
      'let d: any[] = [];',
      'let e: Record<string, any>;',
      "const f = 'x: any'; // y as any",
      'const company: Anything = anyway;',
    ].join('\n');
    const lines = checkNoAny([file('src/engine/e.ts', text)]).map((o) => o.line);
    expect([...new Set(lines)]).toEqual([1, 2, 3, 4, 5]);
  });

  it('rule 6 reports one readable cycle path and ignores acyclic graphs', () => {
    const offenders = checkCycles([
      file('src/a/x.ts', "import { y } from './y.js';"),
      file('src/a/y.ts', "import { z } from '../b/z.js';"),
      file('src/b/z.ts', "import { x } from '../a/x.js';"),
      file('src/b/w.ts', "import { z } from './z.js';"),
    ]);
    expect(offenders.map((o) => o.message)).toEqual(['import cycle: src/a/x.ts → src/a/y.ts → src/b/z.ts → src/a/x.ts']);
    expect(checkCycles([file('src/a/x.ts', "import { y } from './y.js';"), file('src/a/y.ts', '')])).toEqual([]);
  });

  it('rule 6 can leave out type-only imports, which are erased at runtime', () => {
    const files = [
      file('src/a/x.ts', "import type { Y } from './y.js';"),
      file('src/a/y.ts', "import { x } from './x.js';"),
    ];
    expect(checkCycles(files, { includeTypeOnly: true })).toHaveLength(1);
    expect(checkCycles(files, { includeTypeOnly: false })).toEqual([]);
  });

  it('rule 7 flags relative imports into src and unlisted packages in strategies', () => {
    const text = [
      "import { sma } from 'aries-runner';",
      "import { map } from 'rxjs';",
      "import { Bar } from '../src/core/index.js';",
      "import { readFile } from 'node:fs';",
      "import { helper } from './helpers.js';",
      "import lodash from 'lodash';",
    ].join('\n');
    const offenders = checkStrategyImports([file('strategies/s.ts', text)], ['aries-runner', 'rxjs', 'trading-signals']);
    expect(offenders.map((o) => o.line)).toEqual([3, 4, 6]);
  });
});
