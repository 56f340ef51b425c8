import { isRunnerError } from '../../../src/core/index.js';

/** Returns whether calling `fn` throws a RunnerError with `code`. */
export function throwsCode(fn: () => unknown, code: string): boolean {
  try {
    fn();
  } catch (error) {
    return isRunnerError(error, code);
  }
  return false;
}
