/** One registered subscription: what to send to subscribe and to unsubscribe. */
export interface SubscriptionEntry {
  readonly key: string;
  readonly subscribePayload: unknown;
  readonly unsubscribePayload: unknown;
}

/**
 * The subscriptions a socket wants, and which of them were already sent on the current connection.
 * "Sent on this connection" is what makes resubscription exactly-once per topic (T-9): a key is sent at
 * most once between two `newConnection()` calls, whether or not its ack has arrived yet.
 */
export class SubscriptionRegistry {
  private readonly entries = new Map<string, SubscriptionEntry>();
  private readonly sent = new Set<string>();

  /** Returns false when the key is already registered (the existing entry is kept). */
  add(entry: SubscriptionEntry): boolean {
    if (this.entries.has(entry.key)) return false;
    this.entries.set(entry.key, entry);
    return true;
  }

  /** Removes the key; returns its entry and whether it had been sent on this connection. */
  remove(key: string): { readonly entry: SubscriptionEntry; readonly wasSent: boolean } | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    const wasSent = this.sent.delete(key);
    return { entry, wasSent };
  }

  /** Returns the registered keys in registration order. */
  keys(): readonly string[] {
    return [...this.entries.keys()];
  }

  /** Returns the entries not yet sent on this connection and marks them sent. */
  takeUnsent(): readonly SubscriptionEntry[] {
    const out: SubscriptionEntry[] = [];
    for (const entry of this.entries.values()) {
      if (this.sent.has(entry.key)) continue;
      this.sent.add(entry.key);
      out.push(entry);
    }
    return out;
  }

  /** Forgets what was sent: a new connection starts with no server-side subscriptions. */
  newConnection(): void {
    this.sent.clear();
  }
}
