import type { AriesConnection } from '../modes/index.js';

/** Set to 1 to have `run` report how many orders the broker holds for the account after the session. */
export const BROKER_AUDIT_ENV = 'ARIES_RUNNER_AUDIT_BROKER_ORDERS';

/**
 * Writes `broker orders: N` on stderr when {@link BROKER_AUDIT_ENV} is set: the account's working
 * orders plus its order history, as the broker lists them. A paper run must leave this at 0;
 * the integration tests read it from the embedded simulator, which lives inside the run's process.
 */
export async function auditBrokerOrders(connection: AriesConnection): Promise<void> {
  if (process.env[BROKER_AUDIT_ENV] !== '1') return;
  const active = await connection.client.allActiveOrders(connection.accountId);
  const history = await connection.client.orderHistory(connection.accountId, '1970-01-01T00:00:00Z');
  const ids = new Set([...active, ...history.orders].map((o) => o.venueOrderId));
  process.stderr.write(`broker orders: ${ids.size} (account ${connection.accountId})\n`);
}
