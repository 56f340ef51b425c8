import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkNoAny, checkWallClock } from './code-rules.js';
import { checkCycles } from './cycle-rules.js';
import { formatOffenders, parseFile } from './imports.js';
import type { Offender } from './imports.js';
import { checkIndexImports, checkLayers, checkRestrictedPackages, checkStrategyImports } from './layer-rules.js';
import type { LayerTable } from './layer-rules.js';
import { readTsFiles } from './scan.js';

/**
 * Who may import whom. Keys are src folders (or root files); `folders` lists the other src
 * folders allowed, `packages` the npm packages (`'node:*'` = Node builtins, `'*'` = anything).
 * Change the architecture here.
 */
const LAYERS: LayerTable = {
  core: { folders: [], packages: [] },
  time: { folders: ['core'], packages: ['rxjs', 'luxon', 'node:*'] },
  data: { folders: ['core', 'time'], packages: '*' },
  portfolio: { folders: ['core', 'time'], packages: [] },
  risk: { folders: ['core', 'time', 'portfolio'], packages: ['rxjs'] },
  execution: { folders: ['core', 'time', 'portfolio', 'risk', 'data'], packages: '*' },
  venue: { folders: ['core', 'time', 'portfolio', 'risk', 'execution'], packages: ['rxjs'] },
  aries: { folders: ['core', 'time', 'data', 'portfolio', 'risk', 'execution'], packages: '*' },
  'aries-sim': {
    folders: ['core', 'time', 'data', 'portfolio', 'risk', 'execution', 'venue', 'aries', 'config'],
    packages: '*',
  },
  strategy: {
    folders: ['core', 'time', 'portfolio', 'risk', 'data'],
    packages: ['rxjs', 'trading-signals', 'node:*', 'tsx', 'typescript'],
  },
  engine: { folders: ['core', 'time', 'data', 'portfolio', 'risk', 'execution', 'strategy'], packages: ['rxjs'] },
  report: { folders: ['core', 'time', 'portfolio', 'data'], packages: '*' },
  config: { folders: ['core', 'time'], packages: '*' },
  modes: { folders: '*', exceptFolders: ['cli'], packages: '*' },
  cli: { folders: '*', packages: '*' },
  'index.ts': { folders: '*', exceptFolders: ['cli', 'modes'], packages: '*' },
};

/** Packages that talk to the network, allowed only in the Aries adapter and its simulator. */
const RESTRICTED_PACKAGES = { ws: ['aries', 'aries-sim'], undici: ['aries', 'aries-sim'] } as const;

/** Folders that may read the wall clock or unseeded randomness. */
const WALL_CLOCK_FOLDERS = ['time', 'aries', 'aries-sim', 'cli', 'modes'];

/** Whether `import type` edges count as cycles (they are erased at runtime). */
const CYCLES_INCLUDE_TYPE_ONLY = true;

/** What strategy files may import. */
const STRATEGY_PACKAGES = ['aries-runner', 'rxjs', 'trading-signals'];

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const src = readTsFiles(ROOT, 'src', true).map(parseFile);
const strategies = readTsFiles(ROOT, 'strategies', false).map(parseFile);

function expectNone(offenders: readonly Offender[]): void {
  expect(offenders, `\n${formatOffenders(offenders)}\n`).toEqual([]);
}

describe('architecture', () => {
  it('scans the source tree', () => {
    expect(src.length).toBeGreaterThan(0);
    expect(src.some((f) => f.path === 'src/core/index.ts')).toBe(true);
    expect(src.flatMap((f) => f.imports).length).toBeGreaterThan(0);
  });

  it('1. each src folder imports only what its layer allows', () => {
    expectNone(checkLayers(src, LAYERS));
  });

  it('2. cross-folder relative imports go through the folder index', () => {
    expectNone(checkIndexImports(src));
  });

  it('3. ws and undici only in aries and aries-sim', () => {
    expectNone(checkRestrictedPackages([...src, ...strategies], RESTRICTED_PACKAGES));
  });

  it('4. no wall clock or unseeded randomness outside time, aries, aries-sim, cli, modes', () => {
    expectNone(checkWallClock([...src, ...strategies], WALL_CLOCK_FOLDERS));
  });

  it('5. no any type in src', () => {
    expectNone(checkNoAny(src));
  });

  it('6. no import cycles between src files', () => {
    expectNone(checkCycles(src, { includeTypeOnly: CYCLES_INCLUDE_TYPE_ONLY }));
  });

  it('7. strategies import only aries-runner, rxjs and trading-signals', () => {
    expectNone(checkStrategyImports(strategies, STRATEGY_PACKAGES));
  });
});
