import { z } from 'zod';

/**
 * One account of `GET /v1/users/me/accounts`. Two documented shapes are accepted: the reference
 * page's (`id`, `sterling_account_id`, `apex_account_id`, …) and the SDK's `AccountItem`
 * (`trading_account_id`, `broker_account_id`). At least one identifier must be present.
 */
export const accountItemSchema = z
  .object({
    id: z.union([z.number().int(), z.string()]).optional(),
    trading_account_id: z.string().optional(),
    broker_account_id: z.string().optional(),
    sterling_account_id: z.string().optional(),
    apex_account_id: z.string().optional(),
    fdid: z.string().optional(),
    status: z.string().optional(),
    is_sim: z.boolean().optional(),
    account_type: z.string().optional(),
    account_class: z.string().optional(),
  })
  .refine(
    (a) => a.id !== undefined || nonEmpty(a.trading_account_id) || nonEmpty(a.sterling_account_id),
    'account needs id, trading_account_id or sterling_account_id',
  );

/** A parsed account item. */
export type AccountItem = z.output<typeof accountItemSchema>;

/** `GET /v1/users/me/accounts` (and the SDK's `/v2/users/me/accounts`): `{accounts: [...]}`. */
export const accountsResponseSchema = z.object({ accounts: z.array(accountItemSchema) });

/** A parsed accounts response. */
export type AccountsResponse = z.output<typeof accountsResponseSchema>;

/** Which account field names the id used by the trading endpoints. */
export type AccountIdField = 'trading_account_id' | 'sterling_account_id' | 'id';

function nonEmpty(text: string | undefined): text is string {
  return text !== undefined && text !== '';
}

/**
 * Returns the id the trading endpoints take for this account: the `prefer`red field when set,
 * otherwise `trading_account_id`, then `sterling_account_id`, then `String(id)`.
 */
export function tradingAccountIdOf(account: AccountItem, prefer?: AccountIdField): string | undefined {
  const byField = (field: AccountIdField): string | undefined => {
    if (field === 'id') return account.id === undefined ? undefined : String(account.id);
    const value = account[field];
    return nonEmpty(value) ? value : undefined;
  };
  if (prefer !== undefined) {
    const preferred = byField(prefer);
    if (preferred !== undefined) return preferred;
  }
  return byField('trading_account_id') ?? byField('sterling_account_id') ?? byField('id');
}
