import type { AriesClient } from '../client/index.js';
import type { AriesOrderRecord } from '../wire/index.js';

/** The client calls order listing needs. */
export type OrderLister = Pick<AriesClient, 'allActiveOrders' | 'orderHistory'>;

/** Returns every working order plus the order history since `fromMs`, following history cursors to the end. */
export async function listRecentOrders(client: OrderLister, accountId: string, fromMs: number): Promise<readonly AriesOrderRecord[]> {
  const all: AriesOrderRecord[] = [...(await client.allActiveOrders(accountId))];
  const fromIso = new Date(fromMs).toISOString();
  let cursor = 0;
  do {
    const page = await client.orderHistory(accountId, fromIso, cursor);
    all.push(...page.orders);
    cursor = page.nextCursor;
  } while (cursor !== 0);
  return all;
}
