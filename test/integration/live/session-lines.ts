import { Subject } from 'rxjs';
import { Recorder } from '../aries-sim/e2e-rig.js';
import type { SessionLine } from './fixtures/live-session.js';

/** Collects a session's lines and resolves waits on them (seen already or still to come). */
export class SessionLines {
  private readonly subject = new Subject<SessionLine>();
  private readonly recorder = new Recorder(this.subject);
  readonly emit = (line: SessionLine): void => this.subject.next(line);

  /** Resolves with the first line of kind `t` (matching `pred`, when given). */
  next<K extends SessionLine['t']>(t: K, pred: (l: Extract<SessionLine, { t: K }>) => boolean = () => true): Promise<Extract<SessionLine, { t: K }>> {
    return this.recorder.next((l) => l.t === t && pred(l as Extract<SessionLine, { t: K }>)) as Promise<Extract<SessionLine, { t: K }>>;
  }

  /** Returns every line seen so far. */
  get seen(): readonly SessionLine[] {
    return this.recorder.seen;
  }

  /**
   * Resolves once the strategy handled its first trade (the market snapshot sent on subscribe) and,
   * when it bought on it, once the order was accepted: stopping earlier would race the place call.
   */
  async settled(): Promise<void> {
    const first = await this.next('trade');
    if (first.sent) await this.next('order', (l) => l.type === 'OrderAccepted');
  }
}
