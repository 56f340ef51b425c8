import type { Bar, EpochMs, Quote, Trade } from '../../core/index.js';

/** One replay event waiting to be emitted. */
export interface PendingEvent {
  /** Simulator (replay) time of the event. */
  readonly ts: EpochMs;
  /** Tie-break at equal times: a bar's close (0) goes before the next bar's first ticks (1). */
  readonly rank: number;
  readonly seq: number;
  /** Wall-clock offset from the start of a paced run, in ms. */
  readonly wallOffset: number;
  readonly item: Quote | Trade | Bar;
}

function less(a: PendingEvent, b: PendingEvent): boolean {
  if (a.ts !== b.ts) return a.ts < b.ts;
  if (a.rank !== b.rank) return a.rank < b.rank;
  return a.seq < b.seq;
}

/** A binary min-heap of pending events ordered by (time, rank, insertion order), so runs are deterministic. */
export class EventHeap {
  private readonly items: PendingEvent[] = [];

  /** Returns how many events are waiting. */
  get size(): number {
    return this.items.length;
  }

  /** Returns the earliest event without removing it. */
  peek(): PendingEvent | undefined {
    return this.items[0];
  }

  /** Adds an event. */
  push(event: PendingEvent): void {
    const items = this.items;
    let i = items.push(event) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent] as PendingEvent;
      if (!less(event, p)) break;
      items[i] = p;
      i = parent;
    }
    items[i] = event;
  }

  /** Removes and returns the earliest event. */
  pop(): PendingEvent | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      let best = last;
      const left = items[l];
      const right = items[r];
      if (left !== undefined && less(left, best)) {
        m = l;
        best = left;
      }
      if (right !== undefined && less(right, best)) m = r;
      if (m === i) break;
      items[i] = items[m] as PendingEvent;
      i = m;
    }
    items[i] = last;
    return top;
  }
}
