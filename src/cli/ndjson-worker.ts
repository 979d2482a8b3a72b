/**
 * A worker thread of a long NDJSON run (src/cli/parallel-ndjson.ts): opens the same event stream as
 * the main thread and builds its share of the blocks, at most BLOCKS_AHEAD ahead of the writer.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createEventStream } from '../core/engine.js';
import { GenEventError } from '../core/errors.js';
import { findSource } from '../sources/registry.js';
import { serialize } from './event-output.js';
import { chunkLines } from './ndjson-chunks.js';
import {
  BLOCKS_AHEAD,
  blockCount,
  blockRange,
  type WorkerMessage,
  type WorkerTask,
} from './parallel-ndjson.js';

const port = parentPort;
if (!port) throw new Error('ndjson-worker runs as a worker thread');
const send = (message: WorkerMessage) => port.postMessage(message);
const { origin, plan, producer, producers } = workerData as WorkerTask;

try {
  const source = findSource(origin.source);
  if (!source) throw new Error(`no source ${origin.source}`);
  const onWarning = (message: string) => send({ kind: 'warning', message });
  const stream = await createEventStream(source, { ...origin.options, onWarning }, origin);
  const blocks = blockCount(plan);
  let block = producer;
  let position = 0;
  let granted = BLOCKS_AHEAD;
  const build = () => {
    try {
      while (granted > 0 && block < blocks) {
        const [first, end] = blockRange(plan, block);
        stream.skip(first - position);
        const chunks = [...chunkLines(first, end, () => serialize(stream, source, true))];
        position = end;
        send({ kind: 'block', block, chunks });
        granted -= 1;
        block += producers;
      }
    } catch (error) {
      block = blocks; // nothing more after an error
      report(error);
    }
  };
  port.on('message', () => {
    granted += 1;
    build();
  });
  build();
} catch (error) {
  report(error);
}

function report(error: unknown): void {
  if (error instanceof GenEventError) {
    send({
      kind: 'error',
      exitCode: error.exitCode,
      what: error.what,
      hint: error.hint,
      message: error.message,
    });
  } else {
    send({ kind: 'error', message: String((error as Error)?.message ?? error) });
  }
}
