/**
 * The NDJSON baseline, run by bench/main.ts as its own process: writes `count` pre-made lines of
 * `lineBytes` bytes each (newline included) to standard output, in chunks of the size gen-event writes,
 * waiting for the reader as gen-event does. Nothing is built: this is the speed of the pipe itself.
 */
const [countText = '1000000', lineBytesText = '1000'] = process.argv.slice(2);
const count = Number(countText);
const lineBytes = Math.max(1, Math.round(Number(lineBytesText)));
const CHUNK_BYTES = 64 * 1024;
const line = `${'x'.repeat(lineBytes - 1)}\n`;
const linesPerChunk = Math.max(1, Math.floor(CHUNK_BYTES / lineBytes));
const chunk = line.repeat(linesPerChunk);

let written = 0;
while (written < count) {
  const lines = Math.min(linesPerChunk, count - written);
  const text = lines === linesPerChunk ? chunk : line.repeat(lines);
  written += lines;
  if (!process.stdout.write(text)) await new Promise((resolve) => process.stdout.once('drain', resolve));
}
