import type { z } from 'zod';

/** The outcome of checking one wire value: the parsed value, or a one-line description of the problem. */
export type WireResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

/**
 * Returns the value parsed by `schema`, or a problem naming `what` and the first offending fields.
 * Never throws, so a malformed message can be counted and skipped. The problem text quotes field
 * paths and zod messages only, never the value itself, so it is safe to log (schemas here never echo input values).
 */
export function parseWire<S extends z.ZodType>(schema: S, value: unknown, what: string): WireResult<z.output<S>> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
    return `${path}: ${issue.message}`;
  });
  const more = result.error.issues.length > 3 ? ` (+${result.error.issues.length - 3} more)` : '';
  return { ok: false, problem: `malformed ${what}: ${issues.join('; ')}${more}` };
}
