/** The local Aries simulator: OAuth, REST, fault injection and composition over the SimulatedVenue. */
export { startSimulator } from './start-simulator.js';
export type {
  SimAccountSpec, SimClientSpec, SimFillOptions, SimRateCategory, SimulatorHandle, SimulatorOptions,
} from './sim-options.js';
export type { SimControl } from './faults/sim-control.js';
export { DEFAULT_SIM_ACCOUNTS, DEFAULT_SIM_CLIENTS, DEFAULT_SIM_CLIENT_ID, DEFAULT_SIM_CLIENT_SECRET, DEFAULT_SIM_REDIRECT_URI } from './sim-defaults.js';
export { DEFAULT_CALENDAR_FILE } from './market/calendar-fixture.js';
export type {
  SimAccountFeed, SimAccountMessage, SimAuth, SimBarFeed, SimMarketFeed, SimMarketStatus, SimPrincipal,
} from './sim-ports.js';
export { createRandomWalkFeed, openReplayFeed } from './replay/index.js';
export type { ReplayFeed, RandomWalkOptions, FileReplayOptions } from './replay/index.js';
export type { SimSocketOptions, SimSockets } from './ws/index.js';
export { approveHeadless } from './approve-headless.js';
