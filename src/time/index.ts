/** Time: clocks, the RxJS scheduler bridge, seeded randomness, ids and the NYSE calendar. */
export type { Clock, TimerCallback } from './clock.js';
export { VirtualClock } from './virtual-clock.js';
export { LiveClock } from './live-clock.js';
export { Rng } from './rng.js';
export { IdGenerator } from './id-generator.js';
export type { TradingCalendar, Session, Closure } from './trading-calendar.js';
export { NyseCalendar } from './nyse-calendar.js';
