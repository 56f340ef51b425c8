import { describe, it, expect } from 'vitest';
import {
  accountsResponseSchema,
  balancesSchema,
  mapBalances,
  mapPosition,
  parseWire,
  positionsResponseSchema,
  restErrorBodySchema,
  restErrorInfo,
  tokenResponseSchema,
  tradingAccountIdOf,
  userMeSchema,
} from '../../../../src/aries/wire/index.js';

const USD = (n: string): bigint => BigInt(n) * 100_000_000n;

describe('token response', () => {
  it('parses the documented example', () => {
    const t = tokenResponseSchema.parse({
      access_token: 'eyJa', token_type: 'Bearer', expires_in: 3600, refresh_token: 'eyJr',
      refresh_token_expires_in: 2592000, scope: 'account:information order:execution',
    });
    expect(t.expires_in).toBe(3600);
  });
  it('accepts lower-case bearer and a missing refresh token, refuses a missing access token', () => {
    expect(tokenResponseSchema.safeParse({ access_token: 'a', token_type: 'bearer' }).success).toBe(true);
    expect(tokenResponseSchema.safeParse({ token_type: 'Bearer' }).success).toBe(false);
    expect(tokenResponseSchema.safeParse({ access_token: 'a', token_type: 'MAC' }).success).toBe(false);
  });
});

describe('REST error body', () => {
  it.each([
    [{ error: 'bad_request', message: 'Invalid request parameters' }, 'bad_request', 'Invalid request parameters'],
    [{ error: 'invalid_grant', error_description: 'expired' }, 'invalid_grant', 'expired'],
    [{ message: 'oops' }, 'unknown_error', 'oops'],
    [{ success: false, error: { code: 'E1', message: 'bad', type: 'VALIDATION' } }, 'E1', 'bad'],
    [{ error: 'x', codes: [{ code: 'qty', description: 'too big' }] }, 'x', 'too big'],
  ])('reads %j', (body, code, message) => {
    expect(restErrorInfo(restErrorBodySchema.parse(body))).toEqual({ code, message });
  });
  it('refuses a body with neither error nor message', () => {
    expect(restErrorBodySchema.safeParse({ foo: 1 }).success).toBe(false);
  });
});

describe('users/me and accounts', () => {
  it('parses users/me', () => {
    expect(userMeSchema.parse({ id: 123, email: 'a@b', email_verified: true, account_application: { can_submit: true, id: 123, missing_fields: [], status: 'CREATED' } }).id).toBe(123);
  });
  it('parses the documented accounts list and picks sterling_account_id', () => {
    const r = accountsResponseSchema.parse({ accounts: [{ id: 1, fdid: 'FDID-EXAMPLE', apex_id: '', apex_account_id: 'APEX-EXAMPLE', sterling_account_id: 'STERLING-EXAMPLE', status: 'OPEN', is_sim: false, account_type: 'INDIVIDUAL', account_class: 'MARGIN', primary_user: null }] });
    const acc = r.accounts[0]!;
    expect(tradingAccountIdOf(acc)).toBe('STERLING-EXAMPLE');
    expect(tradingAccountIdOf(acc, 'id')).toBe('1');
  });
  it('parses the SDK account shape and prefers trading_account_id', () => {
    const r = accountsResponseSchema.parse({ accounts: [{ account_class: 'CASH', account_type: 'INDIVIDUAL', broker_account_id: 'B1', is_sim: true, status: 'OPEN', trading_account_id: 'T1' }] });
    expect(tradingAccountIdOf(r.accounts[0]!)).toBe('T1');
  });
  it('refuses an account with no identifier', () => {
    expect(accountsResponseSchema.safeParse({ accounts: [{ status: 'OPEN' }] }).success).toBe(false);
  });
});

describe('balances', () => {
  const doc = { accountId: 'TEST-ACCOUNT-001', dayTradeBuyingPower: '50000.00', netBuyingPower: '125000.50', stockBuyingPower: '125000.50', totalEquity: '250000.00', realizedPl: '1500.25', unrealizedPl: '-250.75', settledFunds: '100000.00', unsettledFunds: '5000.00', sma: '0', pendingOrdersCount: 2, sodTtlEquityUpdatedAt: '2026-01-15T09:30:00Z' };
  it('maps the documented example to cash, equity and buying power', () => {
    const b = mapBalances(balancesSchema.parse(doc));
    expect(b).toEqual({ cash: USD('105000'), equity: USD('250000'), buyingPower: 12_500_050_000_000n });
  });
  it('prefers the SDK cashBalance and falls back to balance / netBuyingPower', () => {
    const b = mapBalances(balancesSchema.parse({ cashBalance: '10.5', balance: '20', netBuyingPower: '30' }));
    expect(b).toEqual({ cash: 1_050_000_000n, equity: USD('20'), buyingPower: USD('30') });
  });
  it('refuses garbage and a fractional pendingOrdersCount', () => {
    expect(parseWire(balancesSchema, { ...doc, totalEquity: 'NaN' }, 'balances').ok).toBe(false);
    expect(balancesSchema.safeParse({ ...doc, pendingOrdersCount: 1.5 }).success).toBe(false);
  });
});

describe('positions', () => {
  it('parses the documented example', () => {
    const list = positionsResponseSchema.parse({ positions: [{ accountId: 'TEST-ACCOUNT-001', symbol: 'AAPL', instrument: 'EQUITY', quantity: '100', averagePrice: '170.25', realizedPl: '0', unrealizedPl: '515.00', dailyPl: '125.00', marketValue: '17540.00', createdAt: '2026-01-10T16:00:00Z' }], availability: { available: true, source: 'cache' } });
    expect(list.map(mapPosition)).toEqual([{ symbol: 'AAPL', qty: USD('100'), avgPrice: 17_025_000_000n }]);
  });
  it('accepts the SDK variant, the legacy bare array, a missing list and a short position', () => {
    expect(positionsResponseSchema.parse({ positions: [{ symbol: 'MSFT', quantity: '-5', averagePrice: '1', securityType: 'EQUITY', todayRealizedPnL: '2', costBasis: '5' }] })[0]?.quantity).toBe(-USD('5'));
    expect(positionsResponseSchema.parse([{ symbol: 'X', quantity: '1', averagePrice: '2', pnlToday: '0', buyingPowerUsed: '2' }])).toHaveLength(1);
    expect(positionsResponseSchema.parse({})).toEqual([]);
  });
  it('refuses a position without quantity or with a garbage quantity', () => {
    expect(positionsResponseSchema.safeParse({ positions: [{ symbol: 'X' }] }).success).toBe(false);
    expect(positionsResponseSchema.safeParse({ positions: [{ symbol: 'X', quantity: '1e3' }] }).success).toBe(false);
  });
});
