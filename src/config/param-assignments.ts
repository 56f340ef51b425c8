import { RunnerError } from '../core/index.js';

/** A strategy parameter value as given in YAML or on the command line. */
export type ParamValue = string | number | boolean;

const NUMERIC_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Returns the parameters from CLI `--param key=value` arguments. Values that look numeric become
 * numbers, `true`/`false` become booleans, anything else stays a string; a later key wins.
 * Throws a RunnerError `CLI_ERR_PARAM` naming the argument when it has no `=` or an empty key.
 */
export function parseParamAssignments(list: readonly string[]): Record<string, ParamValue> {
  const params: Record<string, ParamValue> = {};
  for (const arg of list) {
    const eq = arg.indexOf('=');
    const key = eq < 0 ? '' : arg.slice(0, eq).trim();
    if (key === '') {
      throw new RunnerError(
        'CLI_ERR_PARAM',
        `--param ${JSON.stringify(arg)}: expected key=value (for example --param fast=10)`,
      );
    }
    params[key] = parseParamValue(arg.slice(eq + 1));
  }
  return params;
}

/** Returns `text` as a number when it looks numeric, a boolean for `true`/`false`, else itself. */
export function parseParamValue(text: string): ParamValue {
  const trimmed = text.trim();
  if (trimmed === 'true') return true;
  if (trimmed === 'false') return false;
  if (NUMERIC_RE.test(trimmed)) {
    const value = Number(trimmed);
    if (Number.isFinite(value)) return value;
  }
  return text;
}
