import { Subject, type Observable, type Subscription } from 'rxjs';
import type { Bar } from '../../core/index.js';
import { IdGenerator, NyseCalendar, type Clock } from '../../time/index.js';
import { feeModelFor, fixedBpsSlippage, SimulatedVenue } from '../../venue/index.js';
import type { SimAccountSpec, SimFillOptions } from '../sim-options.js';
import type { SimAccountFeed, SimAccountMessage, SimBarFeed } from '../sim-ports.js';
import { SimAccount } from './sim-account.js';
import { BarHistory } from './bar-history.js';

/**
 * Every simulated account, each with its own venue, plus the account feed the account socket
 * serves. Bars from the bar feed go to every venue (fills) and into the chart history.
 */
export class SimBroker implements SimAccountFeed {
  private readonly subject = new Subject<SimAccountMessage>();
  readonly messages$: Observable<SimAccountMessage> = this.subject.asObservable();
  private readonly accounts = new Map<string, SimAccount>();
  readonly history = new BarHistory();
  readonly clOrdIds = new IdGenerator('SIMORD');
  readonly ordIds = new IdGenerator('ord');
  private barSubscription: Subscription | undefined;

  constructor(readonly clock: Clock, specs: readonly SimAccountSpec[], fill: SimFillOptions) {
    const calendar = new NyseCalendar();
    for (const spec of specs) {
      const venue = new SimulatedVenue({
        clock, calendar, fillMode: fill.fillMode ?? 'next-open', fees: feeModelFor(fill.commission),
        slippage: fixedBpsSlippage(fill.slippageBps ?? 0), idPrefix: `V-${spec.id}`,
        ...(fill.maxParticipation === undefined ? {} : { maxParticipation: fill.maxParticipation }),
      });
      const publish = (payload: Readonly<Record<string, unknown>>): void => this.subject.next({ accountId: spec.id, payload });
      this.accounts.set(spec.id, new SimAccount(spec.id, spec.cash, venue, clock, publish));
    }
  }

  /** Returns the account with this id. */
  account(id: string): SimAccount | undefined {
    return this.accounts.get(id);
  }

  /** Returns every account id, in the order they were configured. */
  accountIds(): readonly string[] {
    return [...this.accounts.keys()];
  }

  snapshot(accountId: string): Readonly<Record<string, unknown>> {
    return this.accounts.get(accountId)?.snapshot() ?? { accountId, orders: [], positions: [] };
  }

  /** Feeds one bar to the chart history and every account's venue. */
  observeBar(bar: Bar): void {
    this.history.add(bar);
    for (const account of this.accounts.values()) account.observeBar(bar);
  }

  /** Starts taking bars from a bar feed. */
  follow(feed: SimBarFeed): void {
    this.barSubscription?.unsubscribe();
    this.barSubscription = feed.bars$.subscribe((bar) => this.observeBar(bar));
  }

  /** Stops taking bars and completes the account feed. */
  close(): void {
    this.barSubscription?.unsubscribe();
    for (const account of this.accounts.values()) account.dispose();
    this.subject.complete();
  }
}
