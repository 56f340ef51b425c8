import type { EpochMs, OrderId, OrderIntent } from '../core/index.js';
import type { Journal, JournalDecision } from '../execution/index.js';
import type { DecisionSink } from '../risk/index.js';

/**
 * Journals the gate's decisions with one commit per intent instead of one per stage: the passes
 * an intent collects are held until the intent itself is journaled before its send, and written
 * in that same transaction (the intent and the decisions that let it through land together, or
 * neither does); a denial is written at once with the passes before it. Decisions of an intent
 * that never reached either end (its adapter threw before the send) are written by {@link flush}.
 */
export class SessionDecisions {
  private readonly pending = new Map<OrderId, JournalDecision[]>();

  constructor(private readonly journal: Journal, private readonly now: () => EpochMs) {}

  /** The gate's decision sink. */
  readonly sink: DecisionSink = (intent, stage, verdict) => {
    const decision: JournalDecision = { stage, verdict, ts: this.now() };
    const held = this.pending.get(intent.id);
    if (verdict.ok) {
      if (held === undefined) this.pending.set(intent.id, [decision]);
      else held.push(decision);
      return;
    }
    this.pending.delete(intent.id);
    this.journal.recordDecisions(intent.id, held === undefined ? [decision] : [...held, decision]);
  };

  /** Journals the intent with the decisions held for it, in one transaction; call it before the send. */
  recordIntent(intent: OrderIntent): void {
    const held = this.pending.get(intent.id);
    this.journal.recordIntent(intent, held);
    if (held !== undefined) this.pending.delete(intent.id);
  }

  /** Writes the decisions still held (intents that ended without a send or a denial). */
  flush(): void {
    for (const [id, held] of this.pending) this.journal.recordDecisions(id, held);
    this.pending.clear();
  }
}
