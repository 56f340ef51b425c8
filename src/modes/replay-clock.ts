import type { Clock } from '../time/index.js';

/** Returns a clock that reads a replay's market time but schedules on another (wall) clock. */
export function replayClock(simNow: () => number, wall: Clock): Clock {
  return {
    now: simNow,
    scheduler: wall.scheduler,
    setTimer: (name, ms, cb) => wall.setTimer(name, ms, cb),
    setAlert: (name, at, cb) => wall.setAlert(name, at, cb),
    cancel: (name) => wall.cancel(name),
    dispose: () => wall.dispose(),
  };
}
