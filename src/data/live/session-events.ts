import { Observable, type Subscription } from 'rxjs';
import type { CalendarEvent, EpochMs } from '../../core/index.js';
import type { Clock, TradingCalendar } from '../../time/index.js';

function sessionName(earlyClose: boolean): string {
  return earlyClose ? 'regular session (early close)' : 'regular session';
}

/**
 * Returns `SessionOpened` and `SessionClosed` events at each regular session's open and close,
 * from the calendar, on the clock's scheduler. The first event is the next boundary at or after
 * subscription (an open at exactly the start time is included); past boundaries are not replayed.
 */
export function sessionEvents(calendar: TradingCalendar, clock: Clock): Observable<CalendarEvent> {
  return new Observable<CalendarEvent>((out) => {
    let action: Subscription | undefined;
    const arm = (t: EpochMs, includeOpenAtT: boolean): void => {
      const s = calendar.currentOrNextSession(t);
      const opens = s.open > t || (includeOpenAtT && s.open === t);
      const event: CalendarEvent = {
        kind: 'calendar',
        type: opens ? 'SessionOpened' : 'SessionClosed',
        ts: opens ? s.open : s.close,
        name: sessionName(s.earlyClose),
      };
      action = clock.scheduler.schedule(() => {
        out.next(event);
        arm(event.ts, false);
      }, Math.max(0, event.ts - clock.now()));
    };
    arm(clock.now(), true);
    return () => action?.unsubscribe();
  });
}
