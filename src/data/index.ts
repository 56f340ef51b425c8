/** Historical bar sources: streaming CSV readers (Yahoo daily, generic OHLCV) and the time merge. */
export { BarFormat } from './bar-source.js';
export type { BarSource, OpenBarFileOptions, SessionLookup } from './bar-source.js';
export { DataErrorCode } from './row-error.js';
export { detectBarFormat } from './detect-bar-format.js';
export { openBarFile, symbolFromPath } from './open-bar-file.js';
export { validateBarSource } from './validate-bar-source.js';
export type { BarSourceSummary } from './validate-bar-source.js';
export { prepareBarSources } from './prepare-bar-sources.js';
export { createTempDir, removeTempDir, removeTempDirSync } from './temp-dir.js';
export type { PrepareBarSourcesOptions, PreparedBarSources } from './prepare-bar-sources.js';
export { mergeBars } from './merge-bars.js';
export { mergeBarBatches } from './merge-bar-batches.js';
export { isColumnBatch } from './column-batch.js';
export type { AnyBarBatch, ColumnBatch } from './column-batch.js';
export { barBatches } from './bar-batches.js';
export * from './live/index.js';
export * from './cache/index.js';
