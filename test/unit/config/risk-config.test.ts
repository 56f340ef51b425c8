import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRunnerError } from '../../../src/core/index.js';
import { parseConfigText, parseOrderRate } from '../../../src/config/index.js';

const BASE = resolve('/cfg/base');

function problemsOf(text: string): string {
  try {
    parseConfigText(text, 'run.yaml', BASE);
  } catch (err) {
    if (isRunnerError(err, 'CONFIG_ERR_INVALID')) return err.message;
    throw err;
  }
  throw new Error('expected CONFIG_ERR_INVALID');
}

describe('parseOrderRate', () => {
  it('reads N/HH:MM:SS as a count per interval', () => {
    expect(parseOrderRate('100/00:00:01')).toEqual({ count: 100, intervalMs: 1_000 });
    expect(parseOrderRate(' 5/01:02:03 ')).toEqual({ count: 5, intervalMs: 3_723_000 });
  });

  it.each(['100', '100/1s', '0/00:00:01', '10/00:00:00', '10/00:60:00', '10/00:00:75', '-1/00:00:01', '1.5/00:00:01'])(
    'rejects %j with CONFIG_ERR_INVALID',
    (text) => {
      expect(() => parseOrderRate(text)).toThrow(expect.objectContaining({ code: 'CONFIG_ERR_INVALID' }));
    },
  );
});

describe('risk config: the complete gate keys', () => {
  it('reads every new key, with the defaults inside blackouts', () => {
    const text = [
      'risk:',
      '  maxOpenOrders: 20',
      '  priceCollarPct: 5',
      '  duplicateWindowMs: 2000',
      '  maxOrderRate: 100/00:00:01',
      '  dailyLossLimit: 2500.5',
      '  maxDrawdownPct: 12.5',
      '  lossAction: reduce',
      '  exitReservePct: 20',
      '  staleFeedMs: 15000',
      '  blackouts:',
      '    economic: { names: [CPI, FOMC], importance: [3, high] }',
      '    earnings: {}',
    ].join('\n');
    const risk = parseConfigText(text, 'run.yaml', BASE).risk;
    expect(risk).toMatchObject({
      maxOpenOrders: 20, priceCollarPct: 5, duplicateWindowMs: 2_000, maxOrderRate: { count: 100, intervalMs: 1_000 },
      dailyLossLimit: 2500.5, maxDrawdownPct: 12.5, lossAction: 'reduce', exitReservePct: 20, staleFeedMs: 15_000,
      blackouts: {
        economic: { names: ['CPI', 'FOMC'], importance: [3, 3], minutesBefore: 5, minutesAfter: 5 },
        earnings: { minutesBefore: 60 },
      },
    });
  });

  it('leaves every new key absent by default', () => {
    const risk = parseConfigText('risk: {}', 'run.yaml', BASE).risk;
    for (const key of ['maxOpenOrders', 'priceCollarPct', 'duplicateWindowMs', 'maxOrderRate', 'dailyLossLimit', 'maxDrawdownPct', 'lossAction', 'exitReservePct', 'blackouts', 'staleFeedMs']) {
      expect(risk, key).not.toHaveProperty(key);
    }
  });

  it('points each bad scalar value at its line and column', () => {
    const message = problemsOf([
      'risk:',
      '  maxOpenOrders: 2.5',
      '  priceCollarPct: 0',
      '  duplicateWindowMs: -1',
      '  maxOrderRate: 100/1s',
      '  dailyLossLimit: -10',
      '  maxDrawdownPct: 100',
      '  lossAction: flatten',
      '  exitReservePct: 150',
      '  staleFeedMs: soon',
    ].join('\n'));
    expect(message).toContain('(9 problems)');
    expect(message).toContain('run.yaml:2:18: risk.maxOpenOrders: must be a whole number');
    expect(message).toContain('run.yaml:3:19: risk.priceCollarPct: must be a positive number');
    expect(message).toContain('run.yaml:4:22: risk.duplicateWindowMs: must be positive');
    expect(message).toContain('run.yaml:5:17: risk.maxOrderRate: invalid order rate "100/1s": expected N/HH:MM:SS');
    expect(message).toContain('run.yaml:6:19: risk.dailyLossLimit: must be a positive number');
    expect(message).toContain('run.yaml:7:19: risk.maxDrawdownPct: must be below 100');
    expect(message).toMatch(/run\.yaml:8:15: risk\.lossAction: .*"halt"\|"reduce"/);
    expect(message).toContain('run.yaml:9:19: risk.exitReservePct: must be below 100');
    expect(message).toContain('run.yaml:10:16: risk.staleFeedMs:');
  });

  it('points bad blackout values and unknown blackout keys at their nodes', () => {
    const message = problemsOf([
      'risk:',
      '  blackouts:',
      '    economic:',
      '      names: [CPI, 7]',
      '      importance: [urgent]',
      '      minutesBefore: -5',
      '      minutesAfter: 1.5',
      '    earnings: { minutesBefore: x, days: 1 }',
      '    dividends: {}',
    ].join('\n'));
    expect(message).toContain('run.yaml:4:20: risk.blackouts.economic.names[1]: Invalid input: expected string');
    expect(message).toContain('run.yaml:5:20: risk.blackouts.economic.importance[0]: expected an importance number or low | medium | high');
    expect(message).toContain('run.yaml:6:22: risk.blackouts.economic.minutesBefore: must not be negative');
    expect(message).toContain('run.yaml:7:21: risk.blackouts.economic.minutesAfter: must be whole minutes');
    expect(message).toContain('run.yaml:8:32: risk.blackouts.earnings.minutesBefore:');
    expect(message).toContain('run.yaml:8:35: risk.blackouts.earnings.days: unknown key');
    expect(message).toContain('run.yaml:9:5: risk.blackouts.dividends: unknown key');
  });

  it('rejects an exit reserve that leaves no room for an entry at its own key', () => {
    const message = problemsOf('risk:\n  tradingRatePerMinute: 2\n  exitReservePct: 10\n');
    expect(message).toContain('run.yaml:3:19: risk.exitReservePct: leaves 1 of 2 tokens a minute for entries, which need 2');
    expect(parseConfigText('risk:\n  tradingRatePerMinute: 2\n  exitReservePct: 10\n  preview: false\n', 'run.yaml', BASE).risk.exitReservePct).toBe(10);
  });

  it('rejects a zero drawdown', () => {
    expect(problemsOf('risk:\n  maxDrawdownPct: 0\n')).toContain('run.yaml:2:19: risk.maxDrawdownPct: must be above 0');
  });
});
