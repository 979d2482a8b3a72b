/**
 * `generateMany` at scale, run in its own process by bench/main.ts: every event serialised as an
 * NDJSON line (and dropped), as `--ndjson > /dev/null` would. Prints events, milliseconds and peak RSS.
 */
import { loadLibrary } from './library.js';

const [source = 'sqs', countText = '1000000', optionsText = '{}'] = process.argv.slice(2);
const count = Number(countText);
const library = await loadLibrary();
let bytes = 0;
const start = performance.now();
for await (const event of library.generateMany(source, count, JSON.parse(optionsText) as object)) {
  bytes += `${JSON.stringify(event)}\n`.length;
}
const ms = performance.now() - start;
console.log(JSON.stringify({ events: count, ms, bytes, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
