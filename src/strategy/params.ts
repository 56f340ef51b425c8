import { RunnerError } from '../core/index.js';
import type { ParamValue, Params } from './param-types.js';

/**
 * Returns the strategy's defaults with `overrides` applied. Each override must name a declared
 * parameter and match its default's type; strings from the command line are converted
 * (`"20"` → 20 for a number parameter). Errors name the parameter and say what was expected.
 */
export function resolveParams<P extends Params>(defaults: P, overrides: Readonly<Record<string, ParamValue>>, source: string): P {
  const result: Record<string, ParamValue> = { ...defaults };
  for (const [key, raw] of Object.entries(overrides)) {
    if (!Object.hasOwn(defaults, key)) {
      const known = Object.keys(defaults).join(', ') || '(none)';
      throw new RunnerError('STRATEGY_ERR_PARAM', `${source}: unknown parameter "${key}"; this strategy's parameters are: ${known}`);
    }
    result[key] = coerce(key, defaults[key] as ParamValue, raw, source);
  }
  return result as P;
}

function coerce(key: string, def: ParamValue, raw: ParamValue, source: string): ParamValue {
  const fail = (): never => {
    throw new RunnerError('STRATEGY_ERR_PARAM', `${source}: parameter "${key}" must be a ${typeof def}, got ${JSON.stringify(raw)}`);
  };
  if (typeof def === 'number') {
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
    return Number.isFinite(n) ? n : fail();
  }
  if (typeof def === 'boolean') {
    if (typeof raw === 'boolean') return raw;
    if (raw === 'true') return true;
    if (raw === 'false') return false;
    return fail();
  }
  return typeof raw === 'string' ? raw : String(raw);
}
