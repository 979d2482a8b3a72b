import type { EventStream } from '../core/engine.js';

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

/** Shorter runs stay on one thread: starting a worker costs about as much as building this many events. */
export const PARALLEL_MIN_EVENTS = 10_000;

/**
 * A run's NDJSON in chunks; a long run is built by worker threads as well (src/cli/parallel-ndjson.ts).
 * Only a long run loads the threads' code (worker_threads, os) and sets the V8 flag that keeps memory
 * flat: a short run starts without them (a flag set at run time also makes V8 refuse Node's code cache
 * for the built-in modules compiled after it).
 */
export async function* ndjsonChunks(
  stream: EventStream,
  count: number,
  nextLine: () => string,
): AsyncGenerator<NdjsonChunk> {
  if (count < PARALLEL_MIN_EVENTS) {
    yield* chunkLines(0, count, nextLine);
    return;
  }
  const { keepYoungGenerationSmall } = await import('./young-generation.js');
  keepYoungGenerationSmall();
  const { parallelNdjson, workerCount } = await import('./parallel-ndjson.js');
  const workers = workerCount(count);
  yield* workers > 0 ? parallelNdjson(stream, count, workers, nextLine) : chunkLines(0, count, nextLine);
}
