import type { Bar, EpochMs, Symbol } from '../../core/index.js';

/**
 * The history port: returns the bars of `symbol` on the live interval whose start lies in
 * `[fromMs, toMs]`, in any order. The Aries adapter binds `AriesClient.chartHistory` to it.
 */
export type FetchHistory = (symbol: Symbol, fromMs: EpochMs, toMs: EpochMs) => Promise<readonly Bar[]>;
