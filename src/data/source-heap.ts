/**
 * A binary min-heap of source indices, ordered by a caller-supplied `less`. Kept separate so the
 * merge stays O(log k) per bar however many sources there are.
 */
export class SourceHeap {
  private readonly items: number[] = [];

  constructor(private readonly less: (a: number, b: number) => boolean) {}

  /** Returns how many sources are in the heap. */
  get size(): number {
    return this.items.length;
  }

  /** Returns the least source index, or `undefined` when empty. */
  peek(): number | undefined {
    return this.items[0];
  }

  /** Adds a source index. */
  push(index: number): void {
    const items = this.items;
    let i = items.push(index) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent] ?? 0;
      if (!this.less(index, p)) break;
      items[i] = p;
      i = parent;
    }
    items[i] = index;
  }

  /** Restores heap order after the top source's key grew (its next bar is later). */
  siftTop(): void {
    this.siftDown(0);
  }

  /** Removes the top source. */
  pop(): void {
    const last = this.items.pop();
    if (last === undefined || this.items.length === 0) return;
    this.items[0] = last;
    this.siftDown(0);
  }

  private siftDown(start: number): void {
    const items = this.items;
    const n = items.length;
    const moving = items[start] ?? 0;
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && this.less(items[right] ?? 0, items[left] ?? 0) ? right : left;
      const c = items[child] ?? 0;
      if (!this.less(c, moving)) break;
      items[i] = c;
      i = child;
    }
    items[i] = moving;
  }
}
