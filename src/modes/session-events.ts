import { Subject, type Observable } from 'rxjs';
import type { CalendarEvent, EpochMs } from '../core/index.js';
import type { Session, TradingCalendar, VirtualClock } from '../time/index.js';

/**
 * Emits SessionOpened and SessionClosed calendar events as a virtual clock moves through the
 * exchange calendar, each at its own time and before any data stamped later. Costs nothing per
 * bar beyond one comparison.
 */
export class SessionEvents {
  private readonly subject = new Subject<CalendarEvent>();
  readonly events$: Observable<CalendarEvent> = this.subject.asObservable();
  private current: Session | undefined;

  constructor(
    private readonly calendar: TradingCalendar,
    private readonly clock: VirtualClock,
  ) {}

  /** Moves the clock to `t`, emitting every session boundary on the way. */
  advanceTo(t: EpochMs): void {
    if (this.current !== undefined && t <= this.current.close) {
      this.clock.advanceTo(t);
      return;
    }
    if (this.current !== undefined) this.closeCurrent();
    // The session a bar ending at t belongs to is the one closing at or after t and opening before it.
    const next = this.calendar.currentOrNextSession(t - 1);
    if (next.open < t) {
      if (next.open >= this.clock.now()) this.clock.advanceTo(next.open);
      this.current = next;
      this.emit('SessionOpened', next.open);
    }
    this.clock.advanceTo(t);
  }

  /** Closes the last session if the clock reached its close. */
  finish(): void {
    if (this.current !== undefined && this.clock.now() >= this.current.close) this.closeCurrent();
  }

  private closeCurrent(): void {
    const session = this.current;
    if (session === undefined) return;
    if (session.close > this.clock.now()) this.clock.advanceTo(session.close);
    this.emit('SessionClosed', session.close);
    this.current = undefined;
  }

  private emit(type: 'SessionOpened' | 'SessionClosed', ts: EpochMs): void {
    this.subject.next({ kind: 'calendar', type, ts, name: 'regular session' });
  }
}
