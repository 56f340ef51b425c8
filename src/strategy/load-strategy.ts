import { existsSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { RunnerError } from '../core/index.js';
import type { StrategyDefinition } from './strategy-definition.js';
import { typecheckStrategy } from './typecheck-strategy.js';

/** The root of the aries-runner package (where package.json is). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const HANDLERS = ['onStart', 'onBar', 'onQuote', 'onTrade', 'onCalendar', 'onAccount', 'onOrder', 'onTimer', 'onStop', 'streams'] as const;
/** Packages a strategy file anywhere on disk gets from the runner's own install. */
const SHARED_PACKAGES = ['rxjs', 'rxjs/operators', 'trading-signals'] as const;
let hookRegistered = false;

/** Options of {@link loadStrategy}. */
export interface LoadStrategyOptions {
  /** Type-check the file first (default true); a type error stops the load with file:line:col. */
  readonly typecheck?: boolean;
}

/**
 * Loads a `.ts` strategy file at run time (tsx) and returns its validated default export. A
 * syntax error, a type error or a default export that is not a strategy fails with a
 * RunnerError naming the file (and line and column where there is one). Strategy code runs in
 * this process with full privileges: it is trusted code.
 */
export async function loadStrategy(file: string, options: LoadStrategyOptions = {}): Promise<StrategyDefinition> {
  const abs = path.resolve(file);
  if (!existsSync(abs)) throw new RunnerError('STRATEGY_ERR_NOT_FOUND', `strategy file not found: ${file}`);
  if (options.typecheck !== false) {
    const problems = await typecheckStrategy(abs, PACKAGE_ROOT);
    if (problems.length > 0) {
      throw new RunnerError('STRATEGY_ERR_TYPE', `strategy ${file} has type errors:\n${problems.join('\n')}`);
    }
  }
  ensureResolveHook();
  let mod: unknown;
  try {
    mod = await tsImport(pathToFileURL(abs).href, import.meta.url);
  } catch (error) {
    throw new RunnerError('STRATEGY_ERR_LOAD', `cannot load strategy ${file}: ${describe(error)}${hint(error)}`, { cause: error });
  }
  return validateDefinition(mod, file);
}

function ensureResolveHook(): void {
  if (hookRegistered) return;
  hookRegistered = true;
  const require = createRequire(path.join(PACKAGE_ROOT, 'package.json'));
  const aliases: Record<string, string> = { 'aries-runner': pathToFileURL(path.join(PACKAGE_ROOT, 'src', 'index.ts')).href };
  for (const name of SHARED_PACKAGES) aliases[name] = pathToFileURL(require.resolve(name)).href;
  register(new URL('./resolve-hook.mjs', import.meta.url).href, { data: { aliases } });
}

function hint(error: unknown): string {
  // A .ts file outside any "type": "module" package is loaded as CommonJS, which the resolve hook cannot see.
  return /Cannot find module '(aries-runner|rxjs|trading-signals)'/.test(describe(error))
    ? '\n(hint: outside this project, name the strategy file .mts or put it in a folder whose package.json has "type": "module")'
    : '';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function validateDefinition(mod: unknown, file: string): StrategyDefinition {
  const candidate = isRecord(mod) && 'default' in mod ? unwrapDefault(mod.default) : undefined;
  const fail = (why: string): never => {
    throw new RunnerError('STRATEGY_ERR_SHAPE', `${file}: ${why} (export default defineStrategy({ name, params, onBar(bar, ctx) { … } }))`);
  };
  if (!isRecord(candidate)) return fail('the default export is not a strategy');
  if (typeof candidate.name !== 'string' || candidate.name.trim() === '') return fail('the strategy has no name');
  if (!isRecord(candidate.params)) return fail('the strategy has no params object');
  if (!HANDLERS.some((h) => typeof candidate[h] === 'function')) return fail('the strategy defines no handler and no streams()');
  return candidate as unknown as StrategyDefinition;
}

function unwrapDefault(value: unknown): unknown {
  // A CommonJS-transpiled module can nest the default export one level deeper.
  return isRecord(value) && 'default' in value && !('name' in value) ? value.default : value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
