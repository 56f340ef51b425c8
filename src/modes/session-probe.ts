import { tap, type MonoTypeOperatorFunction } from 'rxjs';
import type { OrderIntent, RiskVerdict } from '../core/index.js';
import type { GateStage, DecisionSink } from '../risk/index.js';

/**
 * A stage timer for benchmarks: called with the name of each point an order's path passes
 * (`dispatch`, `gate`, `decision:<stage>`/`decision-done`, `gate-passed`, `journal`/`journal-done`,
 * `place`, …). The caller reads its own clock; the runner reads none for it. Absent in
 * production: every hook is then left out when the session is built, so it costs nothing.
 */
export type StageProbe = (point: string) => void;

/** Returns a gate stage that marks `point` and passes the intent on unchanged. */
export function probeStage(probe: StageProbe, point: string): GateStage {
  return (next) => (intent) => {
    probe(point);
    return next(intent);
  };
}

/** Returns `stages` between a `gate` and a `gate-passed` mark, or `stages` itself without a probe. */
export function probedStages(stages: GateStage[], probe: StageProbe | undefined): GateStage[] {
  return probe === undefined ? stages : [probeStage(probe, 'gate'), ...stages, probeStage(probe, 'gate-passed')];
}

/** Returns an operator marking `point` per value, or the identity without a probe. */
export function probeEach<T>(probe: StageProbe | undefined, point: string): MonoTypeOperatorFunction<T> {
  return probe === undefined ? (source) => source : tap(() => probe(point));
}

/** Returns `sink` bracketed by `decision:<stage>`/`decision-done` marks, or `sink` itself without a probe. */
export function probedSink(sink: DecisionSink, probe: StageProbe | undefined): DecisionSink {
  if (probe === undefined) return sink;
  return (intent: OrderIntent, stage: string, verdict: RiskVerdict) => {
    probe(`decision:${stage}`);
    sink(intent, stage, verdict);
    probe('decision-done');
  };
}

/** Returns `write` bracketed by `journal`/`journal-done` marks, or `write` itself without a probe. */
export function probedWrite(write: (intent: OrderIntent) => void, probe: StageProbe | undefined): (intent: OrderIntent) => void {
  if (probe === undefined) return write;
  return (intent) => {
    probe('journal');
    write(intent);
    probe('journal-done');
  };
}
