/**
 * A first-in-first-out queue over a ring buffer that grows by doubling and never shrinks.
 * `Array.shift()` moves every element once V8 leaves its fast path, and emptying an array
 * (`length = 0`) frees its backing store, so the next push allocates again; the engine queues
 * and takes one input per bar, so either adds up. Pushing and shifting allocate nothing.
 */
export class FifoQueue<T> {
  private items: (T | undefined)[] = new Array<T | undefined>(16).fill(undefined);
  private head = 0;
  private count = 0;

  /** Returns how many items wait. */
  get size(): number {
    return this.count;
  }

  /** Appends an item. */
  push(item: T): void {
    if (this.count === this.items.length) this.grow();
    this.items[(this.head + this.count) & (this.items.length - 1)] = item;
    this.count += 1;
  }

  /** Returns and removes the oldest item, or `undefined` when the queue is empty. */
  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const item = this.items[this.head];
    // Drop the reference so a consumed input can be collected while the queue is still busy.
    this.items[this.head] = undefined;
    this.head = (this.head + 1) & (this.items.length - 1);
    this.count -= 1;
    return item;
  }

  private grow(): void {
    const old = this.items;
    const next = new Array<T | undefined>(old.length * 2).fill(undefined);
    for (let i = 0; i < this.count; i += 1) next[i] = old[(this.head + i) & (old.length - 1)];
    this.items = next;
    this.head = 0;
  }
}
