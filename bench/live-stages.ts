/**
 * The bench's stage timer for the live path: the session, the gate, AriesExecution and AriesHttp
 * call `mark(point)` (their `probe` option) at each point an order passes; this records
 * `performance.now()` per point for the quote the strategy acted on and splits the path into
 * stages. Each stage is the time from the previous point to its own; a point passed several times
 * (the gate's decision writes) adds up within the sample.
 */

/** What each point's stage is, in path order. */
export const STAGES: readonly (readonly [point: string, label: string])[] = [
  ['dispatch', 'quote parsed -> engine input (rx: market clock, share)'],
  ['handler', 'engine dispatch -> strategy handler (cache, ledger mark)'],
  ['gate', 'handler body + ctx.buy -> gate entry'],
  ['decision:checks', 'gate: local checks'],
  ['decision:trading-state', 'gate: kill switch'],
  ['decision:rate-limit', 'gate: rate limiter'],
  ['decision-done', 'journal: gate decisions'],
  ['gate-passed', 'gate stages after the last decision'],
  ['journal', 'gate -> adapter -> beforeSend'],
  ['journal-done', 'journal: intent (+ decisions when batched)'],
  ['place', 'beforeSend -> place call (expectPlace)'],
  ['token', 'place call -> token (body, scope check, token)'],
  ['limiter', 'token -> client rate limiter'],
  ['send', 'limiter -> request headers built'],
  ['written', 'undici request set-up -> dispatch'],
];

type Mark = readonly [string, number];

/** Collects one list of marks per order, from its quote to the POST being written. */
export class StageTimer {
  private pending: Mark[] = [];
  private claimed = false;
  private readonly samples: Mark[][] = [];
  /** Marks that arrived from another quote while an order was on its way (expected 0). */
  interleaved = 0;

  /** A quote was received: a new candidate sample starts, unless an order is on its way. */
  quote(t: number): void {
    if (this.claimed) {
      this.interleaved += 1;
      return;
    }
    this.pending = [['quote', t]];
  }

  /** The probe the runner calls. */
  readonly mark = (point: string): void => {
    this.pending.push([point, performance.now()]);
  };

  /** The strategy placed an order on the current quote: its marks up to `written` form one sample. */
  claim(): void {
    this.claimed = true;
  }

  /** The POST was written: closes the sample. */
  written(t: number): void {
    if (!this.claimed) return;
    this.pending.push(['written', t]);
    this.samples.push(this.pending);
    this.pending = [];
    this.claimed = false;
  }

  /**
   * Returns, for the slowest `share` of orders (quote to written), how many had each stage as
   * their largest part, and that stage's median time among them (microseconds).
   */
  tail(share = 0.01): Record<string, { readonly orders: number; readonly medianUs: number }> {
    const sums = perSample(this.samples);
    const total = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
    const slowest = [...sums].sort((a, b) => total(b) - total(a)).slice(0, Math.max(1, Math.round(sums.length * share)));
    const by = new Map<string, number[]>();
    for (const m of slowest) {
      const [point, d] = [...m].reduce((best, e) => (e[1] > best[1] ? e : best));
      by.set(point, [...(by.get(point) ?? []), d]);
    }
    const out: Record<string, { orders: number; medianUs: number }> = {};
    for (const [point, list] of [...by].sort((a, b) => b[1].length - a[1].length)) {
      out[point] = { orders: list.length, medianUs: us(pct(list.sort((a, b) => a - b), 50)) };
    }
    return out;
  }

  /** Returns p50/p90/p99 per stage in microseconds (stages no sample passed are left out). */
  summary(): Record<string, { readonly p50: number; readonly p90: number; readonly p99: number }> {
    const per = new Map<string, number[]>();
    for (const sums of perSample(this.samples)) {
      for (const [point, d] of sums) {
        const list = per.get(point) ?? [];
        list.push(d);
        per.set(point, list);
      }
    }
    const out: Record<string, { p50: number; p90: number; p99: number }> = {};
    const stats = (list: number[]): { p50: number; p90: number; p99: number } => {
      list.sort((a, b) => a - b);
      return { p50: us(pct(list, 50)), p90: us(pct(list, 90)), p99: us(pct(list, 99)) };
    };
    for (const [point, label] of STAGES) {
      const list = per.get(point);
      if (list === undefined) continue;
      out[`${point}: ${label}`] = stats(list);
    }
    for (const [point, list] of per) if (!STAGES.some(([p]) => p === point)) out[`${point}: (unlisted)`] = stats(list);
    return out;
  }
}

/** Sums each sample's stage times by point: one map per sample, in path order. */
function perSample(samples: readonly Mark[][]): Map<string, number>[] {
  return samples.map((s) => {
    const sums = new Map<string, number>();
    for (let i = 1; i < s.length; i += 1) {
      const [point, t] = s[i] as Mark;
      sums.set(point, (sums.get(point) ?? 0) + (t - (s[i - 1] as Mark)[1]));
    }
    return sums;
  });
}

function us(ms: number): number {
  return Math.round(ms * 10_000) / 10;
}

function pct(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
