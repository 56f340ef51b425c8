/** Time: clocks, the RxJS scheduler bridge, seeded randomness, ids, time zones and the NYSE calendar. */
export type { Clock, TimerCallback } from './clock.js';
export { VirtualClock } from './virtual-clock.js';
export { LiveClock } from './live-clock.js';
export { Rng } from './rng.js';
export { IdGenerator } from './id-generator.js';
export type { TradingCalendar, Session, Closure } from './trading-calendar.js';
export { NyseCalendar } from './nyse-calendar.js';
export { ZoneOffsets } from './zone-offsets.js';
export { localDate, localDayEnd, localFields, localToUtc } from './zone-time.js';
export type { WallFields } from './zone-wall.js';
