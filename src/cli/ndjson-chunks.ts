import type { EventStream } from '../core/engine.js';
import { parallelNdjson, workerCount } from './parallel-ndjson.js';

/** NDJSON is written in chunks of about this many bytes: few system calls, and strings small enough
 * to stay in V8's young generation, so memory stays flat however long the run. */
export const CHUNK_BYTES = 64 * 1024;

/** Some whole NDJSON lines, and how many events of the run are written once they are. */
export interface NdjsonChunk {
  text: string;
  events: number;
}

/** Events `first` to `end - 1` as chunks of lines; `nextLine` serialises the next event. */
export function* chunkLines(first: number, end: number, nextLine: () => string): Generator<NdjsonChunk> {
  let text = '';
  for (let i = first; i < end; i++) {
    text += nextLine();
    if (text.length >= CHUNK_BYTES || i === end - 1) {
      yield { text, events: i + 1 };
      text = '';
    }
  }
}

/** A run's NDJSON in chunks; a long run is built by worker threads as well (src/cli/parallel-ndjson.ts). */
export function ndjsonChunks(
  stream: EventStream,
  count: number,
  nextLine: () => string,
): AsyncIterable<NdjsonChunk> {
  const workers = workerCount(count);
  return workers > 0 ? parallelNdjson(stream, count, workers, nextLine) : sequentialNdjson(count, nextLine);
}

async function* sequentialNdjson(count: number, nextLine: () => string): AsyncGenerator<NdjsonChunk> {
  yield* chunkLines(0, count, nextLine);
}
