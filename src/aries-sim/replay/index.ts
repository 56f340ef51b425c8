/** The simulator's market: bar files or a seeded random walk replayed as quotes, trades, bars and market status. */
export { createReplayFeed } from './replay-feed.js';
export type { ReplayFeed, ReplayFeedOptions } from './replay-types.js';
export { openReplayFeed } from './file-replay.js';
export type { FileReplayOptions, ReplayFile } from './file-replay.js';
export { createRandomWalkFeed, randomWalkBars } from './random-walk.js';
export type { RandomWalkOptions } from './random-walk.js';
export { expandBar, splitVolume, PathOrder } from './intrabar-path.js';
export type { IntrabarOptions } from './intrabar-path.js';
