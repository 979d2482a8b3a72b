/**
 * A worker thread of a long NDJSON run (src/cli/parallel-ndjson.ts): opens the same event stream as
 * the main thread and builds the blocks it is sent, in the order sent (always increasing).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createEventStream } from '../core/engine.js';
import { GenEventError } from '../core/errors.js';
import { loadSource } from '../sources/catalog.js';
import { serialize } from './event-output.js';
import { chunkLines } from './ndjson-chunks.js';
import { blockRange, type WorkerMessage, type WorkerTask } from './parallel-ndjson.js';
import { keepYoungGenerationSmall } from './young-generation.js';

keepYoungGenerationSmall();

const port = parentPort;
if (!port) throw new Error('ndjson-worker runs as a worker thread');
const send = (message: WorkerMessage) => port.postMessage(message);
const { origin, plan } = workerData as WorkerTask;

try {
  const source = await loadSource(origin.source);
  if (!source) throw new Error(`no source ${origin.source}`);
  const onWarning = (message: string) => send({ kind: 'warning', message });
  const stream = await createEventStream(source, { ...origin.options, onWarning }, origin);
  let position = 0;
  let failed = false;
  port.on('message', (block: number) => {
    if (failed) return; // nothing more after an error
    try {
      const [first, end] = blockRange(plan, block);
      stream.skip(first - position);
      position = end;
      send({
        kind: 'block',
        block,
        chunks: [...chunkLines(first, end, () => serialize(stream, source, true))],
      });
    } catch (error) {
      failed = true;
      report(error);
    }
  });
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
