import { from, lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { runnerConfigSchema } from '../../../src/config/index.js';
import { DenialCode, isPromise, PASS, toOrderId, toSymbol, type OrderIntent, type RiskVerdict } from '../../../src/core/index.js';
import { Journal, type JournalDecision } from '../../../src/execution/index.js';
import { gateStages } from '../../../src/modes/index.js';
import { SessionDecisions } from '../../../src/modes/session-decisions.js';
import { probedSink, probedWrite, probeEach } from '../../../src/modes/session-probe.js';
import { composeGate, TradingState, type SubmitOutcome } from '../../../src/risk/index.js';
import { VirtualClock } from '../../../src/time/index.js';
import { tempFile } from '../../support/temp-dir.js';
import { context } from '../risk/helpers.js';

function intent(id: string): OrderIntent {
  return { id: toOrderId(id), symbol: toSymbol('AAPL'), side: 'BUY', qty: 100_000_000n, type: 'MARKET', tif: 'DAY', tsCreated: 1 };
}

/** A journal double that logs its writes: one entry per transaction. */
function recordingJournal(): { journal: Journal; writes: string[] } {
  const writes: string[] = [];
  const list = (ds: readonly JournalDecision[] | undefined): string => (ds ?? []).map((d) => `${d.stage}@${d.ts}:${d.verdict.ok ? 'PASS' : d.verdict.reason.code}`).join(',');
  const fake = {
    recordIntent: (i: OrderIntent, ds?: readonly JournalDecision[]) => writes.push(`intent ${i.id} [${list(ds)}]`),
    recordDecisions: (id: string, ds: readonly JournalDecision[]) => writes.push(`decisions ${id} [${list(ds)}]`),
  };
  return { journal: fake as unknown as Journal, writes };
}

const deny = (code: DenialCode): RiskVerdict => ({ ok: false, reason: { code, message: 'no' } });

describe('SessionDecisions', () => {
  it('holds passes and journals them with their intent in one write, before the send', () => {
    const { journal, writes } = recordingJournal();
    let t = 10;
    const d = new SessionDecisions(journal, () => t++);
    const a = intent('O-1');
    d.sink(a, 'checks', PASS);
    d.sink(a, 'trading-state', PASS);
    expect(writes).toEqual([]);
    d.recordIntent(a);
    expect(writes).toEqual(['intent O-1 [checks@10:PASS,trading-state@11:PASS]']);
    d.recordIntent(intent('O-2'));
    expect(writes[1]).toBe('intent O-2 []');
  });

  it('journals a denial at once with the passes before it, and forgets them', () => {
    const { journal, writes } = recordingJournal();
    const d = new SessionDecisions(journal, () => 5);
    const a = intent('O-1');
    d.sink(a, 'checks', PASS);
    d.sink(a, 'rate-limit', deny(DenialCode.RATE_LIMITED));
    d.sink(intent('O-2'), 'max-order-qty', deny(DenialCode.MAX_ORDER_QTY_EXCEEDED));
    d.flush();
    expect(writes).toEqual([
      'decisions O-1 [checks@5:PASS,rate-limit@5:RATE_LIMITED]',
      'decisions O-2 [max-order-qty@5:MAX_ORDER_QTY_EXCEEDED]',
    ]);
  });

  it('flushes the passes of intents that never reached a send or a denial', () => {
    const { journal, writes } = recordingJournal();
    const d = new SessionDecisions(journal, () => 1);
    d.sink(intent('O-7'), 'checks', PASS);
    d.flush();
    d.flush();
    expect(writes).toEqual(['decisions O-7 [checks@1:PASS]']);
  });

  it('writes to a real journal: the intent and its decisions land together', () => {
    const journal = Journal.open(tempFile('aries-session-decisions-', 'journal.db'), { now: () => 3 });
    try {
      const d = new SessionDecisions(journal, () => 3);
      const a = intent('O-1');
      d.sink(a, 'checks', PASS);
      d.recordIntent(a);
      expect(journal.intentsWithoutVenueId()).toEqual([a]);
    } finally {
      journal.close();
    }
  });
});

describe('stage probe hooks', () => {
  const risk = runnerConfigSchema.parse({ risk: { preview: false, buyingPowerCheck: false, marketHoursCheck: false } }).risk;
  const clock = new VirtualClock(Date.parse('2025-01-08T15:00:00Z'));
  const submitted = (): SubmitOutcome => ({ kind: 'submitted' });

  it('marks gate entry and exit around the stages only when a probe is given', () => {
    const noProbe = gateStages(risk, clock, new TradingState(), { preview: () => ({ ok: false, reason: 'unused' }) })(() => context({ now: clock.now() }));
    const marks: string[] = [];
    const probed = gateStages(risk, clock, new TradingState(), { preview: () => ({ ok: false, reason: 'unused' }) }, {
      probe: (p) => marks.push(p),
      decisions: probedSink(() => marks.push('sink'), (p) => marks.push(p)),
    })(() => context({ now: clock.now() }));
    expect(probed).toHaveLength(noProbe.length + 2);
    const outcome = composeGate(probed, (i) => {
      marks.push(`send ${i.id}`);
      return submitted();
    })(intent('O-1'));
    expect(isPromise(outcome)).toBe(false);
    expect(marks).toEqual([
      'gate',
      'decision:checks', 'sink', 'decision-done',
      'decision:trading-state', 'sink', 'decision-done',
      'decision:rate-limit', 'sink', 'decision-done',
      'gate-passed', 'send O-1',
    ]);
  });

  it('returns the hooked functions themselves without a probe', () => {
    const sink = (): void => undefined;
    const write = (): void => undefined;
    expect(probedSink(sink, undefined)).toBe(sink);
    expect(probedWrite(write, undefined)).toBe(write);
  });

  it('brackets the intent write and marks each stream value', async () => {
    const marks: string[] = [];
    probedWrite((i) => marks.push(`write ${i.id}`), (p) => marks.push(p))(intent('O-3'));
    expect(marks).toEqual(['journal', 'write O-3', 'journal-done']);
    const values = await lastValueFrom(from([1, 2]).pipe(probeEach<number>((p) => marks.push(p), 'dispatch'), toArray()));
    expect(values).toEqual([1, 2]);
    expect(marks.slice(3)).toEqual(['dispatch', 'dispatch']);
  });
});
