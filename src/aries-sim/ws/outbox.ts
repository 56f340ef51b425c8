/**
 * Batches a connection's outgoing messages: everything queued in the same tick goes out as one
 * NDJSON frame (newline-separated JSON), flushed on the next microtask. Dropped while `blocked()`.
 */
export class Outbox {
  private pending: string[] = [];
  private scheduled = false;

  constructor(
    private readonly write: (frame: string, messages: number) => void,
    private readonly blocked: () => boolean,
  ) {}

  /** Queues one message for the next frame. */
  push(message: unknown): void {
    if (this.blocked()) return;
    this.pending.push(JSON.stringify(message));
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => this.flush());
  }

  /** Sends what is queued now (before a close, so the last messages are not lost). */
  flush(): void {
    this.scheduled = false;
    const lines = this.pending;
    this.pending = [];
    if (lines.length === 0 || this.blocked()) return;
    this.write(lines.join('\n'), lines.length);
  }

  /** Forgets what is queued. */
  discard(): void {
    this.pending = [];
  }
}
