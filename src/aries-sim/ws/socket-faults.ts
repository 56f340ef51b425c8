import type { AccountHub } from './account-hub.js';

/** Socket fault injection (issue 4 §5); every fault is deterministic (random ones under the seed). */
export interface SocketFaults {
  /** Terminates every open socket (no close frame); returns how many. */
  dropAll(): number;
  /** While on, connections stay open but nothing is sent and nothing is answered, pings included. */
  silence(on: boolean): void;
  /** Returns whether the sockets are silenced. */
  readonly silenced: boolean;
  /** Sends each of the next `n` account events twice. */
  duplicateNextAccountEvents(n: number): void;
  /** Swaps the next `n` account events in pairs. */
  reorderNextAccountEvents(n: number): void;
  /** Duplicates or swaps each later account event with probability `rate`, from the seeded Rng. */
  randomAccountFaults(rate: number): void;
}

/** Returns the faults over the open connections and the account hub. */
export function createSocketFaults(terminateAll: () => number, accounts: AccountHub): SocketFaults {
  let silenced = false;
  return {
    dropAll: terminateAll,
    silence(on) {
      silenced = on;
    },
    get silenced() {
      return silenced;
    },
    duplicateNextAccountEvents: (n) => accounts.duplicateNext(n),
    reorderNextAccountEvents: (n) => accounts.reorderNext(n),
    randomAccountFaults: (rate) => accounts.randomFaults(rate),
  };
}
