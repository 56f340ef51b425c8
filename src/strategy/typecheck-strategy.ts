import path from 'node:path';
import type ts from 'typescript';

/**
 * Type-checks a strategy file with the project's strict settings and returns its problems as
 * `file:line:col: message` lines (empty when clean). Only problems in the strategy's own files
 * are reported; the framework is checked by its own build.
 */
export async function typecheckStrategy(file: string, packageRoot: string): Promise<readonly string[]> {
  // Loaded on demand: the compiler adds ~140 MB to the process, which a run with typecheck off never pays.
  const { default: ts } = await import('typescript');
  const options: ts.CompilerOptions = {
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    noImplicitOverride: true,
    target: ts.ScriptTarget.ES2023,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2023.d.ts'],
    types: ['node'],
    typeRoots: [path.join(packageRoot, 'node_modules', '@types')],
    skipLibCheck: true,
    noEmit: true,
    paths: {
      'aries-runner': [path.join(packageRoot, 'src', 'index.ts')],
      rxjs: [path.join(packageRoot, 'node_modules', 'rxjs', 'dist', 'types', 'index.d.ts')],
      'rxjs/operators': [path.join(packageRoot, 'node_modules', 'rxjs', 'dist', 'types', 'operators', 'index.d.ts')],
      'trading-signals': [path.join(packageRoot, 'node_modules', 'trading-signals', 'dist', 'index.d.ts')],
    },
  };
  const program = ts.createProgram([file], options);
  const srcDir = path.join(packageRoot, 'src') + path.sep;
  const nodeModules = `${path.sep}node_modules${path.sep}`;
  return ts.getPreEmitDiagnostics(program)
    .filter((d) => d.file === undefined || (!d.file.fileName.startsWith(srcDir.split(path.sep).join('/')) && !d.file.fileName.includes(nodeModules.split(path.sep).join('/'))))
    .map((d) => formatDiagnostic(ts, d));
}

function formatDiagnostic(ts: typeof import('typescript'), d: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
  if (d.file === undefined || d.start === undefined) return message;
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return `${d.file.fileName}:${line + 1}:${character + 1}: ${message}`;
}
