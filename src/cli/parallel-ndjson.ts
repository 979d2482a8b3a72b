import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EventStream, StreamOrigin } from '../core/engine.js';
import { InputError, UsageError } from '../core/errors.js';
import { addressSpaceLimit } from './address-space.js';
import { chunkLines, type NdjsonChunk, PARALLEL_MIN_EVENTS } from './ndjson-chunks.js';

/**
 * Long NDJSON runs are built by several threads. Events are independent (each has its own seeded
 * randomness; only the clock runs through the run, and skipping an event still moves it), so the run
 * is cut into blocks: each worker thread is kept a few blocks ahead, this thread builds the next free
 * block whenever the block due for output is not back yet, and the blocks are written in order: the
 * same bytes as one thread would write, 1.5 to 2 times as fast on two cores.
 */

export { PARALLEL_MIN_EVENTS };

/** The first events are built by this thread alone; their size sets how many events make a block. */
const PROBE_EVENTS = 100;
/** About this much text per block: few messages between threads, little text held at once. */
const BLOCK_BYTES = 128 * 1024;
const MAX_BLOCK_EVENTS = 100;
/** Blocks a worker, or this thread, may have built ahead of the writer: memory stays flat. */
const BLOCKS_AHEAD = 2;
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

/** What a worker thread opens; it is then sent the numbers of the blocks to build, in increasing order. */
export interface WorkerTask {
  origin: StreamOrigin;
  plan: BlockPlan;
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
  if (addressSpaceLimit() < ADDRESS_SPACE_FOR_WORKERS) return 0;
  return Math.max(0, Math.min(availableParallelism() - 1, MAX_WORKERS));
}

/**
 * Each worker thread reserves hundreds of megabytes of address space for its own V8 heap and code,
 * and a process that cannot reserve them is ended by V8 at once (not an error it can catch). Under a
 * tight `ulimit -v` the run stays on this thread instead.
 */
const ADDRESS_SPACE_FOR_WORKERS = 8 * 1024 ** 3;

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
  const blocks = blockCount(plan);
  const pool = new WorkerPool(stream, plan, workers);
  const builtHere = new Map<number, NdjsonChunk[]>();
  let next = 0; // the first block nobody has been given
  let position = probe;
  const buildHere = (block: number): Generator<NdjsonChunk> => {
    const [first, end] = blockRange(plan, block);
    stream.skip(first - position);
    position = end;
    return chunkLines(first, end, nextLine);
  };
  try {
    const giveAway = () => {
      while (next < blocks && pool.give(next)) next += 1;
    };
    for (let out = 0; out < blocks; out++) {
      giveAway();
      if (out === next) {
        next += 1;
        yield* buildHere(out);
        continue;
      }
      // While the worker's block is not back, this thread builds the next free one (kept for later).
      while (!pool.has(out) && !builtHere.has(out) && next < blocks && builtHere.size < BLOCKS_AHEAD) {
        builtHere.set(next, [...buildHere(next)]);
        next += 1;
        await pool.receive();
        giveAway();
      }
      const mine = builtHere.get(out);
      builtHere.delete(out);
      yield* mine ?? (await pool.take(out));
    }
  } finally {
    await pool.close();
  }
}

/** The worker threads of one run: the blocks each is building, and those sent back but not yet taken. */
class WorkerPool {
  private readonly workers: { thread: Worker; given: number }[] = [];
  private readonly ownerOf = new Map<number, number>();
  private readonly arrived = new Map<number, NdjsonChunk[]>();
  private waiting:
    | { block: number; resolve: (chunks: NdjsonChunk[]) => void; reject: (error: Error) => void }
    | undefined;
  private failure: Error | undefined;
  private closing = false;

  constructor(
    private readonly stream: EventStream,
    plan: BlockPlan,
    count: number,
  ) {
    for (let i = 0; i < count; i++) {
      const task: WorkerTask = { origin: stream.origin, plan };
      const thread = new Worker(workerUrl, { workerData: task, resourceLimits: WORKER_LIMITS });
      thread.on('message', (message: WorkerMessage) => this.accept(message));
      thread.on('error', (error) => this.fail(error));
      thread.on('exit', (code) => {
        if (!this.closing) this.fail(new Error(`an event worker thread stopped early (status ${code})`));
      });
      this.workers.push({ thread, given: 0 });
    }
  }

  /**
   * Gives `block` to the least busy worker, unless every worker has BLOCKS_AHEAD blocks to build or
   * as many blocks wait here to be written as the workers could build ahead.
   */
  give(block: number): boolean {
    if (this.arrived.size >= BLOCKS_AHEAD * this.workers.length) return false;
    const index = this.workers.reduce(
      (best, w, i) => (w.given < (this.workers[best]?.given ?? 0) ? i : best),
      0,
    );
    const worker = this.workers[index];
    if (!worker || worker.given >= BLOCKS_AHEAD) return false;
    worker.given += 1;
    this.ownerOf.set(block, index);
    worker.thread.postMessage(block);
    return true;
  }

  has(block: number): boolean {
    return this.arrived.has(block);
  }

  /** Lets the workers' messages in (they arrive between turns of the event loop). */
  receive(): Promise<void> {
    return new Promise((resolve) => setImmediate(resolve));
  }

  /** The lines of `block`, once its worker has sent them back. */
  take(block: number): Promise<NdjsonChunk[]> {
    if (this.failure) return Promise.reject(this.failure);
    const chunks = this.arrived.get(block);
    if (chunks !== undefined) {
      this.arrived.delete(block);
      return Promise.resolve(chunks);
    }
    return new Promise((resolve, reject) => {
      this.waiting = { block, resolve, reject };
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((worker) => worker.thread.terminate()));
  }

  /** The worker that built `block` is free for another. */
  private release(block: number): void {
    const worker = this.workers[this.ownerOf.get(block) ?? -1];
    this.ownerOf.delete(block);
    if (worker) worker.given -= 1;
  }

  private accept(message: WorkerMessage): void {
    if (message.kind === 'warning') {
      try {
        this.stream.run.warn(message.message);
      } catch (error) {
        this.fail(error as Error); // --strict: the warning is an error
      }
    } else if (message.kind === 'error') {
      this.fail(errorFrom(message));
    } else {
      this.release(message.block);
      if (this.waiting?.block === message.block) {
        const { resolve } = this.waiting;
        this.waiting = undefined;
        resolve(message.chunks);
      } else {
        this.arrived.set(message.block, message.chunks);
      }
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
