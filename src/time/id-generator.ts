/**
 * Deterministic sequential ids: `prefix-000001`, `prefix-000002`, … The same run always produces
 * the same ids, which keeps order-list hashes stable.
 */
export class IdGenerator {
  private counter = 0;

  constructor(private readonly prefix: string) {}

  /** Returns the next id. */
  next(): string {
    this.counter += 1;
    return `${this.prefix}-${String(this.counter).padStart(6, '0')}`;
  }
}
