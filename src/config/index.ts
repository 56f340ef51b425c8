/** Runner configuration: the YAML schema, the loader and CLI parameter parsing. */
export * from './commission.js';
export * from './config-schema.js';
export * from './load-config.js';
export * from './param-assignments.js';
export * from './order-rate.js';
