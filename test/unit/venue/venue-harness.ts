import type { Bar, OrderClosed, OrderEvent, OrderFilled, OrderIntent } from '../../../src/core/index.js';
import { NyseCalendar, VirtualClock } from '../../../src/time/index.js';
import { fixedBpsSlippage, noFees, SimulatedVenue, type FeeModel, type FillMode, type SlippageModel } from '../../../src/venue/index.js';

/** What a venue test can vary. */
export interface HarnessOptions {
  readonly fillMode?: FillMode;
  readonly fees?: FeeModel;
  readonly slippage?: SlippageModel;
  readonly maxParticipation?: number;
}

/** A simulated venue on a virtual clock, recording every event it emits. */
export interface Harness {
  readonly venue: SimulatedVenue;
  readonly clock: VirtualClock;
  readonly events: OrderEvent[];
  /** Advances the clock to the bar's close and shows the bar to the venue (as the engine does). */
  feed(bar: Bar): void;
  /** Advances the clock to the bar's close, shows it, then submits the intent decided on it. */
  decide(bar: Bar, intent: OrderIntent): void;
  fills(): OrderFilled[];
  closed(): OrderClosed[];
  types(): string[];
}

/** Returns a fresh venue harness (next-open fills, no fees, no slippage unless told otherwise). */
export function harness(options: HarnessOptions = {}): Harness {
  const clock = new VirtualClock(0);
  const venue = new SimulatedVenue({
    clock, calendar: new NyseCalendar(),
    fillMode: options.fillMode ?? 'next-open',
    fees: options.fees ?? noFees(),
    slippage: options.slippage ?? fixedBpsSlippage(0),
    ...(options.maxParticipation === undefined ? {} : { maxParticipation: options.maxParticipation }),
  });
  const events: OrderEvent[] = [];
  venue.events$.subscribe((e) => events.push(e));
  const feed = (b: Bar): void => {
    clock.advanceTo(b.tsEnd);
    venue.observeMarketData(b);
  };
  return {
    venue, clock, events, feed,
    decide: (b, i) => {
      feed(b);
      venue.submit(i);
    },
    fills: () => events.filter((e): e is OrderFilled => e.type === 'OrderFilled'),
    closed: () => events.filter((e): e is OrderClosed => e.type === 'OrderCanceled' || e.type === 'OrderExpired' || e.type === 'OrderRejected'),
    types: () => events.map((e) => e.type),
  };
}
