import { formatAmount, parseAmount, RunnerError, toSymbol, ZERO, type Amount, type EpochMs, type Symbol } from '../core/index.js';
import type { AriesClient, PositionRecord } from '../aries/index.js';
import { reconcile, type Journal, type PositionView } from '../execution/index.js';
import type { Ledger } from '../portfolio/index.js';

/** The journal mark holding the position offsets adopted from the broker, per symbol (exact decimal text). */
export const ADJUSTMENTS_MARK = 'reconcile.positionAdjustments';
/** The journal mark recording the last adoption of the broker's book. */
export const ADOPTION_MARK = 'reconcile.adoptedBroker';

/** One symbol on which the journal and the broker disagree. */
export interface PositionMismatch {
  readonly symbol: Symbol;
  readonly journalQty: Amount;
  readonly brokerQty: Amount;
}

function adjustments(journal: Journal): Map<Symbol, Amount> {
  const text = journal.mark(ADJUSTMENTS_MARK);
  const out = new Map<Symbol, Amount>();
  if (text === undefined) return out;
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null) return out;
  for (const [symbol, qty] of Object.entries(parsed)) {
    const amount = typeof qty === 'string' ? parseAmount(qty) : undefined;
    if (amount !== undefined) out.set(toSymbol(symbol), amount);
  }
  return out;
}

/** Returns the journal's positions: the sum of its fills plus any broker book adopted earlier. */
export function journalPositions(journal: Journal): readonly PositionView[] {
  const sums = new Map(journal.positionsFromFills());
  for (const [symbol, qty] of adjustments(journal)) sums.set(symbol, (sums.get(symbol) ?? ZERO) + qty);
  return [...sums].map(([symbol, qty]) => ({ symbol, qty }));
}

/** Returns the symbols whose journal and broker quantities differ (through the pure `reconcile()`). */
export function positionMismatches(journal: readonly PositionView[], broker: readonly PositionRecord[], now: EpochMs): readonly PositionMismatch[] {
  const decided = reconcile({ orders: [], positions: journal }, { orders: [], positions: broker, notFound: [] }, { now, adoptBroker: false });
  return decided.actions.flatMap((a) => (a.kind === 'position-mismatch' ? [{ symbol: a.symbol, journalQty: a.journalQty, brokerQty: a.brokerQty }] : []));
}

/** Returns the mismatches as one readable line: `SYM journal 0 broker 10; …`. */
export function describeMismatches(list: readonly PositionMismatch[]): string {
  return list.map((m) => `${m.symbol} journal ${formatAmount(m.journalQty)} broker ${formatAmount(m.brokerQty)}`).join('; ');
}

/** Returns the refusal to start a live run on a position mismatch (reliability T-7). */
export function mismatchError(list: readonly PositionMismatch[]): RunnerError {
  return new RunnerError(
    'RECONCILE_ERR_POSITION_MISMATCH',
    `journal and broker positions differ: ${describeMismatches(list)}; fix the account or set run.adoptBroker: true to take the broker's positions`,
    { retry: 'fatal' },
  );
}

/** Journals the adoption of the broker's quantities: the offsets (kept for later restarts) and a dated record. */
export function journalAdoption(journal: Journal, list: readonly PositionMismatch[], now: EpochMs): void {
  const offsets = adjustments(journal);
  for (const m of list) offsets.set(m.symbol, (offsets.get(m.symbol) ?? ZERO) + m.brokerQty - m.journalQty);
  journal.setMark(ADJUSTMENTS_MARK, JSON.stringify(Object.fromEntries([...offsets].map(([s, q]) => [s, formatAmount(q)]))));
  const record = list.map((m) => ({ symbol: m.symbol, journal: formatAmount(m.journalQty), broker: formatAmount(m.brokerQty) }));
  journal.setMark(ADOPTION_MARK, JSON.stringify({ ts: now, adopted: record }));
}

/** Seeds the ledger with the broker's positions (quantities already agreed with the journal, or adopted). */
export function seedLedger(ledger: Ledger, broker: readonly PositionRecord[]): void {
  for (const p of broker) {
    if (p.qty !== ZERO) ledger.seedPosition({ symbol: p.symbol, qty: p.qty, avgPrice: p.avgPrice, realizedPnl: ZERO });
  }
}

/** The client call the position check makes. */
export type PositionLister = Pick<AriesClient, 'positions'>;
