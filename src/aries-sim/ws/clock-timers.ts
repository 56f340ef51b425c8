import type { Clock } from '../../time/index.js';
import type { SimTimers } from './sim-socket-types.js';

/** Returns session timers on a {@link Clock} (alerts named `<prefix>-<n>`), e.g. a VirtualClock in tests. */
export function clockTimers(clock: Clock, prefix = 'sim-ws'): SimTimers {
  let n = 0;
  return {
    schedule(callback, ms) {
      n += 1;
      const name = `${prefix}-${n}`;
      clock.setAlert(name, clock.now() + ms, () => callback());
      return () => clock.cancel(name);
    },
  };
}
