/**
 * A first-in-first-out queue read from a head index. `Array.shift()` moves every element once
 * V8 leaves its fast path; the engine takes one input off its queue per bar, so that adds up.
 */
export class FifoQueue<T> {
  private items: (T | undefined)[] = [];
  private head = 0;

  /** Appends an item. */
  push(item: T): void {
    this.items.push(item);
  }

  /** Returns and removes the oldest item, or `undefined` when the queue is empty. */
  shift(): T | undefined {
    if (this.head < this.items.length) {
      const item = this.items[this.head];
      // Drop the reference so a consumed input can be collected while the queue is still busy.
      this.items[this.head] = undefined;
      this.head += 1;
      return item;
    }
    if (this.head > 0) {
      this.items.length = 0;
      this.head = 0;
    }
    return undefined;
  }
}
