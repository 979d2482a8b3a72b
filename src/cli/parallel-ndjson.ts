import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EventStream, StreamOrigin } from '../core/engine.js';
import { InputError, UsageError } from '../core/errors.js';
import { chunkLines, type NdjsonChunk } from './ndjson-chunks.js';

/**
 * Long NDJSON runs are built by several threads. Events are independent (each has its own seeded
 * randomness; only the clock runs through the run, and skipping an event still moves it), so the run
 * is cut into blocks dealt round-robin to this thread and to worker threads, and the blocks are written
 * in order: the same bytes as one thread would write, several times as fast on several cores.
 */

/** Shorter runs stay on one thread: starting a worker costs about as much as building this many events. */
export const PARALLEL_MIN_EVENTS = 10_000;
/** The first events are built by this thread alone; their size sets how many events make a block. */
const PROBE_EVENTS = 100;
/** About this much text per block: few messages between threads, little text held at once. */
const BLOCK_BYTES = 128 * 1024;
const MAX_BLOCK_EVENTS = 100;
/** Blocks a worker may have built ahead of the writer, so memory stays flat when the output is slow. */
export const BLOCKS_AHEAD = 2;
const MAX_WORKERS = 3;
/**
 * A worker's young generation is kept small: its garbage dies young anyway, and V8's default (tens of
 * MB per thread) would cost more memory than the run's output ever holds.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 };

const workerUrl = new URL('./ndjson-worker.js', import.meta.url);

/** How the events after the probe are cut into blocks: `blockEvents` each, from event `start`. */
export interface BlockPlan {
  start: number;
  blockEvents: number;
  count: number;
}

/** What a worker thread is asked to build: every `producers`-th block, starting with block `producer`. */
export interface WorkerTask {
  origin: StreamOrigin;
  plan: BlockPlan;
  producer: number;
  producers: number;
}

/** A worker's messages: a block of lines, a warning to pass on, or the error that stopped it. */
export type WorkerMessage =
  | { kind: 'block'; block: number; chunks: NdjsonChunk[] }
  | { kind: 'warning'; message: string }
  | { kind: 'error'; exitCode?: number; what?: string; hint?: string; message: string };

/**
 * How many worker threads a run of `count` events gets: none for a short run or on one core, nor
 * when the worker script is not built beside this module (tests running the sources directly).
 */
export function workerCount(count: number): number {
  if (count < PARALLEL_MIN_EVENTS || !existsSync(fileURLToPath(workerUrl))) return 0;
  return Math.max(0, Math.min(availableParallelism() - 1, MAX_WORKERS));
}

export function blockCount(plan: BlockPlan): number {
  return Math.ceil((plan.count - plan.start) / plan.blockEvents);
}

/** The first event of a block and the one after its last. */
export function blockRange(plan: BlockPlan, block: number): [number, number] {
  const first = plan.start + block * plan.blockEvents;
  return [first, Math.min(plan.count, first + plan.blockEvents)];
}

/**
 * The run's lines in blocks, in order. This thread builds the first events, then its own share of
 * the blocks from `stream` with `nextLine`, between taking the workers' blocks as they arrive.
 */
export async function* parallelNdjson(
  stream: EventStream,
  count: number,
  workers: number,
  nextLine: () => string,
): AsyncGenerator<NdjsonChunk> {
  const probe = Math.min(count, PROBE_EVENTS);
  let probeBytes = 0;
  for (const chunk of chunkLines(0, probe, nextLine)) {
    probeBytes += chunk.text.length;
    yield chunk;
  }
  // Big events make short blocks, so a block never holds much more than BLOCK_BYTES of text.
  const blockEvents = Math.max(1, Math.min(MAX_BLOCK_EVENTS, Math.floor((BLOCK_BYTES * probe) / probeBytes)));
  const plan: BlockPlan = { start: probe, blockEvents, count };
  const producers = workers + 1;
  const pool = new WorkerPool(stream, plan, producers);
  let position = probe;
  try {
    for (let block = 0; block < blockCount(plan); block++) {
      if (block % producers === 0) {
        const [first, end] = blockRange(plan, block);
        stream.skip(first - position);
        yield* chunkLines(first, end, nextLine);
        position = end;
      } else {
        yield* await pool.take(block);
      }
    }
  } finally {
    await pool.close();
  }
}

/** The worker threads of one run, and the blocks they have sent but this thread has not taken yet. */
class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly arrived = new Map<number, NdjsonChunk[]>();
  private waiting:
    | { block: number; resolve: (chunks: NdjsonChunk[]) => void; reject: (error: Error) => void }
    | undefined;
  private failure: Error | undefined;
  private closing = false;

  constructor(
    private readonly stream: EventStream,
    plan: BlockPlan,
    private readonly producers: number,
  ) {
    for (let producer = 1; producer < producers; producer++) {
      const task: WorkerTask = { origin: stream.origin, plan, producer, producers };
      const worker = new Worker(workerUrl, { workerData: task, resourceLimits: WORKER_LIMITS });
      worker.on('message', (message: WorkerMessage) => this.receive(message));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (!this.closing) this.fail(new Error(`an event worker thread stopped early (status ${code})`));
      });
      this.workers.push(worker);
    }
  }

  /** The lines of `block`, once its worker has sent them; the worker may then build one more. */
  take(block: number): Promise<NdjsonChunk[]> {
    if (this.failure) return Promise.reject(this.failure);
    const chunks = this.arrived.get(block);
    if (chunks !== undefined) {
      this.arrived.delete(block);
      this.grant(block);
      return Promise.resolve(chunks);
    }
    return new Promise((resolve, reject) => {
      this.waiting = { block, resolve, reject };
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private grant(block: number): void {
    this.workers[(block % this.producers) - 1]?.postMessage('more');
  }

  private receive(message: WorkerMessage): void {
    if (message.kind === 'warning') {
      try {
        this.stream.run.warn(message.message);
      } catch (error) {
        this.fail(error as Error); // --strict: the warning is an error
      }
    } else if (message.kind === 'error') {
      this.fail(errorFrom(message));
    } else if (this.waiting?.block === message.block) {
      const { resolve } = this.waiting;
      this.waiting = undefined;
      this.grant(message.block);
      resolve(message.chunks);
    } else {
      this.arrived.set(message.block, message.chunks);
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.reject(this.failure);
  }
}

/** The worker's error as this thread would have thrown it: same kind, same message, same exit status. */
function errorFrom(message: Extract<WorkerMessage, { kind: 'error' }>): Error {
  if (message.what !== undefined && message.hint !== undefined) {
    if (message.exitCode === 2) return new UsageError(message.what, message.hint);
    if (message.exitCode === 1) return new InputError(message.what, message.hint);
  }
  return new Error(message.message);
}
