import { MinHeap } from '../core/index.js';

/**
 * A small reorder buffer: items arrive in any order, each keyed by a distinct integer, and leave
 * in key order once every smaller key is known to be done. A binary min-heap on the keys, so a
 * buffer holding n items costs O(log n) per item however long the run.
 */
export class IdOrderBuffer<T> {
  private readonly keys = new MinHeap<number>((a, b) => a < b);
  private readonly items = new Map<number, T>();

  /** Returns the number of items waiting. */
  get size(): number {
    return this.keys.size;
  }

  /** Returns whether an item with this key is waiting. */
  has(key: number): boolean {
    return this.items.has(key);
  }

  /** Adds an item; a key already waiting keeps its first item. */
  add(key: number, item: T): void {
    if (this.items.has(key)) return;
    this.items.set(key, item);
    this.keys.push(key);
  }

  /** Hands every waiting item with a key below `limit` to `emit`, smallest key first. */
  releaseBelow(limit: number, emit: (key: number, item: T) => void): void {
    for (let key = this.keys.peek(); key !== undefined && key < limit; key = this.keys.peek()) {
      this.keys.pop();
      const item = this.items.get(key) as T;
      this.items.delete(key);
      emit(key, item);
    }
  }
}
