/**
 * A binary min-heap of the integers `0 … capacity-1`, ordered by a numeric key per integer and,
 * on equal keys, by the integer itself (so ties go to the lower index, deterministically). Keys
 * live in a Float64Array and are compared inline: no comparator call per step, which the generic
 * {@link MinHeap} pays. Made for k-way merges, where index = source and key = its next timestamp.
 */
export class KeyedIndexHeap {
  private readonly keys: Float64Array;
  private readonly heap: Int32Array;
  private count = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.heap = new Int32Array(capacity);
  }

  /** Returns how many indexes are in the heap. */
  get size(): number {
    return this.count;
  }

  /** Returns the index with the least key, or -1 when empty. */
  peek(): number {
    return this.count === 0 ? -1 : (this.heap[0] as number);
  }

  /** Adds `index` (not already in the heap) with `key`. */
  push(index: number, key: number): void {
    this.keys[index] = key;
    let i = this.count;
    this.count += 1;
    const heap = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] as number;
      if (!this.less(index, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = index;
  }

  /** Gives the least index a new key and restores the order. */
  updateTop(key: number): void {
    this.keys[this.heap[0] as number] = key;
    this.siftDown(0);
  }

  /** Removes and returns the least index, or -1 when empty. */
  pop(): number {
    if (this.count === 0) return -1;
    const heap = this.heap;
    const top = heap[0] as number;
    this.count -= 1;
    if (this.count > 0) {
      heap[0] = heap[this.count] as number;
      this.siftDown(0);
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    const ka = this.keys[a] as number;
    const kb = this.keys[b] as number;
    return ka < kb || (ka === kb && a < b);
  }

  private siftDown(from: number): void {
    const heap = this.heap;
    const n = this.count;
    const item = heap[from] as number;
    let i = from;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && this.less(heap[right] as number, heap[left] as number) ? right : left;
      const c = heap[child] as number;
      if (!this.less(c, item)) break;
      heap[i] = c;
      i = child;
    }
    heap[i] = item;
  }
}
