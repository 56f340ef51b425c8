import { z } from 'zod';
import { accountSubscribePayloadSchema } from '../../aries/index.js';
import type { SimAccountMessage } from '../sim-ports.js';
import type { AccountHub } from './account-hub.js';
import type { Channel, ChannelHost } from './channel.js';
import { errorEvent, eventMessage, responseMessage } from './server-messages.js';

// The client's own wire schema: the SDK's `params` or aries-api.md's `data`, with topic aliases.
const requestSchema = accountSubscribePayloadSchema;
const requestsSchema = z.union([z.array(requestSchema).min(1), requestSchema.transform((r) => [r])]);
type AccountRequest = z.output<typeof requestSchema>;

const ACCOUNT_TOPICS = new Set(['account', 'accUpdates']);

/**
 * The account socket's channel (aries-api.md §8.4): `account` subscriptions get a snapshot, then
 * every order, position and balance event of that account only. Other topics are acknowledged
 * and stay quiet.
 */
export class AccountChannel implements Channel {
  private readonly accounts = new Set<string>();
  private readonly unlisten: () => void;

  constructor(
    private readonly host: ChannelHost,
    private readonly hub: AccountHub,
  ) {
    this.unlisten = hub.listen((m) => this.onMessage(m));
  }

  onAuthenticated(): void {
    // Nothing is pushed on auth: account data flows only after a subscribe.
  }

  subscribe(id: string | undefined, payload: unknown): void {
    const parsed = requestsSchema.safeParse(payload);
    if (!parsed.success) return this.host.send(errorEvent('unknown topic', id, this.host.now()));
    for (const request of parsed.data) this.subscribeOne(id, request);
  }

  unsubscribe(id: string | undefined, payload: unknown): void {
    const parsed = requestsSchema.safeParse(payload);
    if (!parsed.success) return this.host.send(errorEvent('unknown topic', id, this.host.now()));
    for (const request of parsed.data) {
      const accountId = request.params?.accountId ?? request.data?.accountId;
      if (ACCOUNT_TOPICS.has(request.topic) && accountId !== undefined) this.accounts.delete(accountId);
      this.host.send(responseMessage(id, 'unsubscribed', { topic: request.topic, ...(accountId === undefined ? {} : { accountId }) }));
    }
  }

  dispose(): void {
    this.unlisten();
    this.accounts.clear();
  }

  private subscribeOne(id: string | undefined, request: AccountRequest): void {
    const accountId = request.params?.accountId ?? request.data?.accountId;
    const now = this.host.now();
    if (accountId === undefined) return this.host.send(errorEvent('accountId is required', id, now));
    if (this.host.principal()?.accountId !== accountId) return this.host.send(errorEvent('account not authorized', id, now));
    this.host.send(responseMessage(id, 'subscribed', { topic: request.topic, accountId }));
    if (!ACCOUNT_TOPICS.has(request.topic)) return;
    this.accounts.add(accountId);
    const data = { accountId, ...this.hub.feed.snapshot(accountId) };
    this.host.send(eventMessage({ action: 'snapshot', type: 'account', ...(id === undefined ? {} : { id }), data }, now));
  }

  private onMessage(m: SimAccountMessage): void {
    if (this.host.principal() === undefined || !this.accounts.has(m.accountId)) return;
    this.host.send(eventMessage(m.payload, this.host.now()));
  }
}
