import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { RunnerError } from '../core/index.js';
import { aliasProblem, formatProblems, yamlProblems, zodProblems } from './config-problems.js';
import { runnerConfigSchema } from './config-schema.js';
import type { RunnerConfig } from './config-schema.js';

/** Returns the config used when no file is given: every default, no data, no strategy file. */
export function defaultConfig(): RunnerConfig {
  return runnerConfigSchema.parse({});
}

/**
 * Returns the validated config in `text`. `fileLabel` names the source in messages; relative
 * `strategy.file` and `backtest.data` paths are resolved against `baseDir` (`backtest.out` stays
 * relative to the working directory). Throws a RunnerError `CONFIG_ERR_INVALID` whose message
 * lists every problem as `<file>:<line>:<col>: <path>: <message>`.
 */
export function parseConfigText(text: string, fileLabel: string, baseDir: string): RunnerConfig {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  if (doc.errors.length > 0) throw invalid(formatProblems(fileLabel, yamlProblems(doc.errors, lines)));
  let raw: unknown;
  try {
    // yaml's maxAliasCount (100) makes toJS throw on a "billion laughs" document.
    raw = doc.toJS();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw invalid(formatProblems(fileLabel, [aliasProblem(doc, lines, message)]), err);
  }
  const result = runnerConfigSchema.safeParse(raw ?? {});
  if (!result.success) {
    throw invalid(formatProblems(fileLabel, zodProblems(result.error.issues, doc, lines)));
  }
  return resolvePaths(result.data, baseDir);
}

/**
 * Returns the validated config read from the YAML file at `path`, with data and strategy paths
 * resolved against the file's directory. Throws a RunnerError `CONFIG_ERR_NOT_FOUND` when there
 * is no such file and `CONFIG_ERR_INVALID` when it does not validate.
 */
export async function loadConfig(path: string): Promise<RunnerConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') {
      throw new RunnerError('CONFIG_ERR_NOT_FOUND', `config file not found: ${path}`, { cause: err });
    }
    throw new RunnerError('CONFIG_ERR_INVALID', `config file ${path} cannot be read`, { cause: err });
  }
  return parseConfigText(text, path, dirname(resolve(path)));
}

function resolvePaths(config: RunnerConfig, baseDir: string): RunnerConfig {
  const at = (p: string): string => (isAbsolute(p) ? p : resolve(baseDir, p));
  const { file, ...strategy } = config.strategy;
  return {
    ...config,
    strategy: file === undefined ? strategy : { ...strategy, file: at(file) },
    backtest: { ...config.backtest, data: config.backtest.data.map(at) },
    run: config.run.embedded === undefined ? config.run : { ...config.run, embedded: { ...config.run.embedded, data: config.run.embedded.data.map(at) } },
  };
}

function invalid(message: string, cause?: unknown): RunnerError {
  return new RunnerError('CONFIG_ERR_INVALID', message, cause === undefined ? {} : { cause });
}
