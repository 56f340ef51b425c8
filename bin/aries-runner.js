#!/usr/bin/env node
// Entry point: registers the tsx loader (the runner and strategy files are TypeScript), then
// hands over to the CLI.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
