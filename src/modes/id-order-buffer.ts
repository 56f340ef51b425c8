/**
 * A small reorder buffer: items arrive in any order, each keyed by a distinct integer, and leave
 * in key order once every smaller key is known to be done. A binary min-heap on the keys, so a
 * buffer holding n items costs O(log n) per item however long the run.
 */
export class IdOrderBuffer<T> {
  private readonly keys: number[] = [];
  private readonly items = new Map<number, T>();

  /** Returns the number of items waiting. */
  get size(): number {
    return this.keys.length;
  }

  /** Returns whether an item with this key is waiting. */
  has(key: number): boolean {
    return this.items.has(key);
  }

  /** Adds an item; a key already waiting keeps its first item. */
  add(key: number, item: T): void {
    if (this.items.has(key)) return;
    this.items.set(key, item);
    const keys = this.keys;
    keys.push(key);
    for (let i = keys.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      const up = keys[parent] as number;
      if (up <= key) break;
      keys[i] = up;
      keys[parent] = key;
      i = parent;
    }
  }

  /** Hands every waiting item with a key below `limit` to `emit`, smallest key first. */
  releaseBelow(limit: number, emit: (key: number, item: T) => void): void {
    while (this.keys.length > 0 && (this.keys[0] as number) < limit) {
      const key = this.popMin();
      const item = this.items.get(key) as T;
      this.items.delete(key);
      emit(key, item);
    }
  }

  private popMin(): number {
    const keys = this.keys;
    const min = keys[0] as number;
    const last = keys.pop() as number;
    if (keys.length === 0) return min;
    keys[0] = last;
    for (let i = 0; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < keys.length && (keys[l] as number) < (keys[m] as number)) m = l;
      if (r < keys.length && (keys[r] as number) < (keys[m] as number)) m = r;
      if (m === i) break;
      keys[i] = keys[m] as number;
      keys[m] = last;
      i = m;
    }
    return min;
  }
}
