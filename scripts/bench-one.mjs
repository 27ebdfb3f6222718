// Child process of scripts/bench.mjs: runs one bench file and prints its rows as JSON.
import { pathToFileURL } from 'node:url';

const mod = await import(pathToFileURL(process.argv[2]).href);
const run = mod.default?.default ?? mod.default;
const rows = await run();
process.stdout.write('\n' + JSON.stringify(rows) + '\n');
