/** The simulator's WebSockets: market and account endpoints on the HTTP server, with socket faults. */
export { attachSimSockets, SIM_SOCKET_PATHS } from './attach-sim-sockets.js';
export type { AttachSocketsDeps, SimSocketOptions, SimSocketStats, SimSockets, SimTimers, SocketKind } from './sim-socket-types.js';
export { nodeTimers } from './session-settings.js';
export { clockTimers } from './clock-timers.js';
export type { SocketFaults } from './socket-faults.js';
