import { describe, expect, it } from 'vitest';
import { AMOUNT_SCALE, isRunnerError } from '../../../src/core/index.js';
import { parseCommission, parseParamAssignments } from '../../../src/config/index.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return isRunnerError(err) ? `${err.code}: ${err.message}` : 'not a RunnerError';
  }
  return undefined;
}

describe('parseCommission', () => {
  it('reads a percentage as a rate', () => {
    expect(parseCommission('0.1%')).toEqual({ kind: 'percent', rate: 0.001 });
    expect(parseCommission('0.25%')).toEqual({ kind: 'percent', rate: 0.0025 });
  });

  it('keeps per-share and per-order amounts exact', () => {
    expect(parseCommission('0.005/share')).toEqual({ kind: 'per-share', amount: AMOUNT_SCALE / 200n });
    expect(parseCommission(' 1/order ')).toEqual({ kind: 'per-order', amount: AMOUNT_SCALE });
  });

  it('reads zero as no commission', () => {
    expect(parseCommission('0')).toEqual({ kind: 'none' });
    expect(parseCommission('0.00')).toEqual({ kind: 'none' });
  });

  it.each(['5', '-1/share', '1/trade', '0.1 %', 'abc', '', '150%', '1e-3/share'])(
    'rejects %j and lists the accepted forms',
    (text) => {
      const result = codeOf(() => parseCommission(text));
      expect(result).toMatch(/^CONFIG_ERR_INVALID: invalid commission/);
      expect(result).toContain("'0.1%', '0.005/share', '1/order', '0'");
    },
  );
});

describe('parseParamAssignments', () => {
  it('turns numeric text into numbers and true/false into booleans', () => {
    expect(parseParamAssignments(['fast=10', 'ratio=-0.5', 'short=true', 'long=false', 'big=1e3'])).toEqual({
      fast: 10,
      ratio: -0.5,
      short: true,
      long: false,
      big: 1000,
    });
  });

  it('keeps other values as strings, splitting on the first =', () => {
    expect(parseParamAssignments(['symbol=YHOO', 'expr=a=b', 'empty=', 'v=1.2.3', 'n=Infinity'])).toEqual({
      symbol: 'YHOO',
      expr: 'a=b',
      empty: '',
      v: '1.2.3',
      n: 'Infinity',
    });
  });

  it('lets a later assignment win', () => {
    expect(parseParamAssignments(['fast=1', 'fast=2'])).toEqual({ fast: 2 });
  });

  it('rejects an argument without = or with an empty key, naming it', () => {
    expect(codeOf(() => parseParamAssignments(['fast=1', 'slow']))).toMatch(/^CLI_ERR_PARAM: --param "slow"/);
    expect(codeOf(() => parseParamAssignments(['=3']))).toMatch(/^CLI_ERR_PARAM: --param "=3"/);
  });
});
