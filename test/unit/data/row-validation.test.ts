import { describe, expect, it } from 'vitest';
import { isRunnerError } from '../../../src/core/index.js';
import { openBarFile, validateBarSource } from '../../../src/data/index.js';
import { expectRunnerError, fixture, nyMs, sessionOf } from './fixtures.js';

const validate = async (name: string, extra: { intervalMs?: number; to?: number } = {}) =>
  validateBarSource(await openBarFile({ path: fixture(name), sessionOf, ...extra }));

describe('row validation (Yahoo)', () => {
  it.each([
    ['y-missing-column.csv', 3, 'expected 7 columns, got 6'],
    ['y-extra-column.csv', 3, 'expected 7 columns, got 8'],
    ['y-abc.csv', 3, 'Open is not a finite number: "abc"'],
    ['y-empty-field.csv', 3, 'High is empty'],
    ['y-nan.csv', 3, 'Low is not a finite number: "NaN"'],
    ['y-infinity.csv', 3, 'Close is not a finite number: "Infinity"'],
    ['y-negative-price.csv', 3, 'open must be positive, got -1'],
    ['y-zero-price.csv', 3, 'close must be positive, got 0'],
    ['y-low-above.csv', 3, 'low 10.6 is above min(open, close) 10.5'],
    ['y-high-below.csv', 3, 'high 10.8 is below max(open, close) 11'],
    ['y-high-below-low.csv', 3, 'high 9 is below low 10'],
    ['y-negative-volume.csv', 3, 'volume must not be negative, got -5'],
    ['y-garbage-volume.csv', 3, 'Volume is not a finite number: "12x"'],
    ['y-duplicate-date.csv', 3, 'timestamps must increase: 2024-01-02 is not after 2024-01-02 (line 2)'],
    ['y-unsorted.csv', 4, 'timestamps must increase: 2024-01-03 is not after 2024-01-04 (line 3)'],
    ['y-bad-date.csv', 3, 'bad Date "2024/01/03", expected YYYY-MM-DD'],
    ['y-impossible-date.csv', 3, 'bad Date "2024-02-30", expected YYYY-MM-DD'],
    ['y-null.csv', 3, 'Open is null'],
    ['y-closed-day.csv', 3, '2001-09-12 is not a trading day'],
    ['y-blank-lines.csv', 6, 'expected 7 columns, got 1'],
  ])('%s fails at line %i', async (name, line, reason) => {
    await expectRunnerError(validate(name), 'DATA_ERR_INVALID_ROW', `${fixture(name)}:${line}: ${reason}`);
  });

  it('turns a csv-parse error into file:line form', async () => {
    const error: unknown = await validate('y-bad-quote.csv').catch((e: unknown) => e);
    expect(isRunnerError(error, 'DATA_ERR_INVALID_ROW')).toBe(true);
    expect(error instanceof Error ? error.message : '').toMatch(
      new RegExp(`^${fixture('y-bad-quote.csv').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3: Invalid Closing Quote`),
    );
  });

  it('validates rows outside the from/to range', async () => {
    await expectRunnerError(
      validate('y-abc.csv', { to: nyMs('2024-01-02T09:30') }),
      'DATA_ERR_INVALID_ROW',
      `${fixture('y-abc.csv')}:3: Open is not a finite number: "abc"`,
    );
  });
});

describe('row validation (generic)', () => {
  it.each([
    ['g-no-zone.csv', 3, 'missing time zone in timestamp "2024-01-02T14:31:00" (add Z or an offset)'],
    ['g-bad-timestamp.csv', 3, 'bad timestamp "2024-01-02 14:31", expected ISO 8601 such as 2024-01-02T09:30:00-05:00'],
    ['g-missing-column.csv', 3, 'expected 6 columns, got 5'],
    ['g-duplicate-ts.csv', 3, 'timestamps must increase: 2024-01-02T09:30:00-05:00 is not after 2024-01-02T14:30:00Z (line 2)'],
  ])('%s fails at line %i', async (name, line, reason) => {
    await expectRunnerError(validate(name, { intervalMs: 60_000 }), 'DATA_ERR_INVALID_ROW', `${fixture(name)}:${line}: ${reason}`);
  });

  it('reports a bad second row while inferring the interval, at open time', async () => {
    const path = fixture('g-duplicate-ts.csv');
    await expectRunnerError(
      openBarFile({ path, sessionOf }),
      'DATA_ERR_INVALID_ROW',
      `${path}:3: timestamps must increase: 2024-01-02T09:30:00-05:00 is not after 2024-01-02T14:30:00Z (line 2)`,
    );
  });

  it('cannot infer the interval of a single-row file', async () => {
    const path = fixture('g-single-row.csv');
    await expectRunnerError(
      openBarFile({ path, sessionOf }),
      'DATA_ERR_INTERVAL',
      `${path}: cannot infer the bar interval from a single row; set intervalMs`,
    );
    expect(await validate('g-single-row.csv', { intervalMs: 60_000 })).toMatchObject({ bars: 1 });
  });
});

describe('file-level errors', () => {
  it('rejects an empty file and a header-only file', async () => {
    await expectRunnerError(validate('empty.csv'), 'DATA_ERR_EMPTY', `${fixture('empty.csv')}: the file is empty (no header)`);
    const headerOnly = openBarFile({ path: fixture('header-only.csv'), sessionOf, format: 'yahoo' });
    await expectRunnerError(
      headerOnly.then(validateBarSource),
      'DATA_ERR_EMPTY',
      `${fixture('header-only.csv')}: the file has a header but no data rows`,
    );
  });

  it('rejects a missing file', async () => {
    const path = fixture('no-such-file.csv');
    await expectRunnerError(openBarFile({ path, sessionOf }), 'DATA_ERR_NOT_FOUND', `${path}: no such file`);
  });

  it('rejects a format that contradicts the header', async () => {
    const path = fixture('generic-ok.csv');
    await expectRunnerError(
      openBarFile({ path, sessionOf, format: 'yahoo' }),
      'DATA_ERR_FORMAT',
      `${path}: format 'yahoo' was requested but the header is generic`,
    );
  });
});
