import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { expect } from 'vitest';
import { isRunnerError } from '../../../src/core/index.js';
import type { SessionLookup } from '../../../src/data/index.js';

/** Returns the absolute path of a fixture under test/fixtures/data. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/data/${name}`, import.meta.url));
}

/** The real Yahoo sample shipped with the project. */
export const YHOO = fileURLToPath(new URL('../../../data/yhoo-1996-2014.csv', import.meta.url));

/** Returns epoch ms of a New York wall-clock time such as `1996-04-12T09:30`. */
export function nyMs(local: string): number {
  return DateTime.fromISO(local, { zone: 'America/New_York' }).toMillis();
}

const CLOSED = new Set(['2001-09-11', '2001-09-12', '2001-09-13', '2001-09-14']);

/** A fake calendar: every date trades 09:30–16:00 New York except the 9/11 closure. */
export const sessionOf: SessionLookup = (date) =>
  CLOSED.has(date) ? undefined : { open: nyMs(`${date}T09:30`), close: nyMs(`${date}T16:00`) };

/** Asserts that the promise rejects with a RunnerError of this code and exact message. */
export async function expectRunnerError(promise: Promise<unknown>, code: string, message: string): Promise<void> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isRunnerError(error), `expected a RunnerError, got ${String(error)}`).toBe(true);
  if (isRunnerError(error)) expect({ code: error.code, message: error.message }).toEqual({ code, message });
}

/** Returns everything an async iterable yields. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
