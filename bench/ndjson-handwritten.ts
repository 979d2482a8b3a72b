/**
 * The NDJSON baseline a person would write, run by bench/main.ts as its own process: `count` events
 * of a source built by its hand-written baseline (bench/sources/<name>.ts), each serialised on one
 * line, written to standard output in chunks of the size gen-event writes, waiting for the reader as
 * gen-event does. One thread, no library: generation and the pipe together, as gen-event pays them.
 */
import { sourceBench } from './source-bench.js';

const [source = 'sqs', countText = '100000'] = process.argv.slice(2);
const count = Number(countText);
const handWritten = (await sourceBench(source))?.throughput?.handWritten;
if (handWritten === undefined) throw new Error(`no hand-written baseline for ${source}`);
const CHUNK_BYTES = 64 * 1024;

let text = '';
for (let i = 0; i < count; i++) {
  text += `${JSON.stringify(handWritten())}\n`;
  if (text.length >= CHUNK_BYTES || i === count - 1) {
    const full = !process.stdout.write(text);
    text = '';
    if (full) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
}
