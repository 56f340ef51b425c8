import type { Clock } from '../../time/index.js';
import type { SimFaults } from '../faults/sim-faults.js';
import type { CalendarFixture } from '../market/calendar-fixture.js';
import type { AuthCodes } from '../oauth/auth-codes.js';
import type { SimTokens } from '../oauth/sim-tokens.js';
import type { SimClientSpec } from '../sim-options.js';
import type { SimBroker } from '../state/sim-broker.js';

/** Everything the routes work on. */
export interface SimServices {
  readonly clock: Clock;
  readonly broker: SimBroker;
  readonly tokens: SimTokens;
  readonly codes: AuthCodes;
  readonly clients: readonly SimClientSpec[];
  readonly headless: boolean;
  readonly faults: SimFaults;
  readonly calendar: CalendarFixture;
  readonly symbols: readonly string[];
}
