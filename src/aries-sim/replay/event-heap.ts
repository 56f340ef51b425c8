import { MinHeap, type Bar, type EpochMs, type Quote, type Trade } from '../../core/index.js';

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

/** Returns an empty queue of pending events ordered by (time, rank, insertion order), so runs are deterministic. */
export function newEventHeap(): MinHeap<PendingEvent> {
  return new MinHeap<PendingEvent>(less);
}
