import { describe, expect, it } from 'vitest';
import { detectBarFormat } from '../../../src/data/index.js';
import { expectRunnerError, fixture, YHOO } from './fixtures.js';

describe('detectBarFormat', () => {
  it('recognises the Yahoo and generic headers', async () => {
    expect(await detectBarFormat(YHOO)).toBe('yahoo');
    expect(await detectBarFormat(fixture('yahoo-ok.csv'))).toBe('yahoo');
    expect(await detectBarFormat(fixture('generic-ok.csv'))).toBe('generic');
    expect(await detectBarFormat(fixture('g-no-zone.csv'))).toBe('generic');
  });

  it('names the file, the header seen and the headers accepted', async () => {
    const path = fixture('unknown-header.csv');
    await expectRunnerError(
      detectBarFormat(path),
      'DATA_ERR_FORMAT',
      `${path}: header "time,o,h,l,c,v" is not recognised; expected "Date,Open,High,Low,Close,Adj Close,Volume" (Yahoo)` +
        ' or the columns timestamp,open,high,low,close,volume in any order (generic)',
    );
  });

  it('rejects empty and missing files', async () => {
    await expectRunnerError(detectBarFormat(fixture('empty.csv')), 'DATA_ERR_EMPTY', `${fixture('empty.csv')}: the file is empty (no header)`);
    const missing = fixture('missing.csv');
    await expectRunnerError(detectBarFormat(missing), 'DATA_ERR_NOT_FOUND', `${missing}: no such file`);
  });
});
