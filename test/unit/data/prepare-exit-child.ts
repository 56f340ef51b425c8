import { openBarFile, prepareBarSources } from '../../../src/data/index.js';
import { sessionOf } from './fixtures.js';

// Child process for prepare-bar-sources.test.ts: prepares one CSV into a temporary folder under
// argv[2], prints the folder's entries, then ends without disposing, the way argv[4] says.
const [parent = '', csv = '', how = 'exit'] = process.argv.slice(2);
const source = await openBarFile({ path: csv, sessionOf });
await prepareBarSources([source], { tempParent: parent });
const { readdirSync } = await import('node:fs');
process.stdout.write(`${JSON.stringify(readdirSync(parent))}\n`);
if (how === 'throw') throw new Error('failed after preparing');
process.exit(3);
