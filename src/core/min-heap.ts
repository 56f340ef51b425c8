/**
 * A binary min-heap ordered by a caller-supplied `less`. The one heap behind the timer queue,
 * the k-way bar merge, the replay's event queue and the order-record reorder buffer; ties are
 * the caller's to break (e.g. by an insertion sequence) so runs stay deterministic.
 */
export class MinHeap<T> {
  private readonly items: T[] = [];

  constructor(private readonly less: (a: T, b: T) => boolean) {}

  /** Returns how many items are in the heap. */
  get size(): number {
    return this.items.length;
  }

  /** Returns the least item without removing it, or `undefined` when empty. */
  peek(): T | undefined {
    return this.items[0];
  }

  /** Adds an item. */
  push(item: T): void {
    const items = this.items;
    let i = items.push(item) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent] as T;
      if (!this.less(item, p)) break;
      items[i] = p;
      i = parent;
    }
    items[i] = item;
  }

  /** Removes and returns the least item. */
  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      this.siftDown();
    }
    return top;
  }

  /** Restores heap order after the top item's key grew in place (a merge source moved to its next bar). */
  siftTop(): void {
    if (this.items.length > 1) this.siftDown();
  }

  /** Empties the heap. */
  clear(): void {
    this.items.length = 0;
  }

  private siftDown(): void {
    const items = this.items;
    const n = items.length;
    const moving = items[0] as T;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && this.less(items[right] as T, items[left] as T) ? right : left;
      const c = items[child] as T;
      if (!this.less(c, moving)) break;
      items[i] = c;
      i = child;
    }
    items[i] = moving;
  }
}
