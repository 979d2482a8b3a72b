import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { checkEventSize, checkFitsInString, type EventStream, serializeEvent } from '../core/engine.js';
import { GenEventError, InputError, InterruptedError, type StopSignal, UsageError } from '../core/errors.js';
import { checkNamePattern, DEFAULT_NAME_PATTERN, eventFileName } from '../core/file-names.js';
import { checkFolderTargets } from '../core/folder-targets.js';
import {
  commitFile,
  createTemporaryFile,
  fsPromises,
  inspectTarget,
  isFolderTarget,
  removeQuietly,
  writeError,
  writeFileAtomic,
  writeOutFile,
} from '../core/output.js';
import { optionalBoolean, optionalInteger, optionalString } from '../core/raw-options.js';
import type { RawOptions, Source } from '../sources/source.js';
import type { CliIO } from './io.js';
import { chunkLines, type NdjsonChunk, ndjsonChunks } from './ndjson-chunks.js';
import { createProgress } from './progress.js';

/** How many events one run may produce. */
export const MAX_COUNT = 100_000_000;

/** Where and how a run's events go, decided and checked before any input is read. */
export type OutputPlan =
  | { kind: 'single'; file?: string; force: boolean; compact: boolean }
  | { kind: 'ndjson'; file?: string; force: boolean; count: number }
  | { kind: 'array'; file?: string; force: boolean; count: number; compact: boolean }
  | {
      kind: 'folder';
      dir: string;
      /** The `--name` pattern; file names are made one at a time as the events are written. */
      pattern?: string;
      source: string;
      count: number;
      force: boolean;
      compact: boolean;
    };

export function planOutput(source: Source<unknown>, raw: RawOptions): OutputPlan {
  const out = optionalString(raw, 'out');
  const force = optionalBoolean(raw, 'force') ?? false;
  const compact = optionalBoolean(raw, 'compact') ?? false;
  const ndjson = optionalBoolean(raw, 'ndjson') ?? false;
  const countOption = optionalInteger(raw, 'count', 1, MAX_COUNT);
  const count = countOption ?? 1;
  const pattern = optionalString(raw, 'name');

  if (out !== undefined && out.length === 0)
    throw new UsageError('--out is empty', 'name a file, or a folder ending in /');
  if (optionalBoolean(raw, 'array') === true) {
    if (ndjson) throw new UsageError('--array and --ndjson are two formats', 'give one of them');
    if (out !== undefined && isFolderTarget(out)) {
      throw new UsageError(
        `--array writes one file, but --out ${out} is a folder`,
        'name a file such as events.json',
      );
    }
    if (pattern !== undefined)
      throw new UsageError('--name names files in a folder', 'drop --name with --array');
    if (out !== undefined) inspectTarget(out, force);
    return { kind: 'array', ...(out === undefined ? {} : { file: out }), force, count, compact };
  }
  const folder = out !== undefined && !ndjson && isFolderTarget(out);
  if (pattern !== undefined && !folder) {
    throw new UsageError('--name names files in a folder', 'give --out <dir>/ as well');
  }
  if (ndjson) {
    if (out !== undefined && isFolderTarget(out)) {
      throw new UsageError(
        `--ndjson writes one file, but --out ${out} is a folder`,
        'name a file such as events.ndjson',
      );
    }
    if (out !== undefined) inspectTarget(out, force);
    return out === undefined ? { kind: 'ndjson', force, count } : { kind: 'ndjson', file: out, force, count };
  }
  if (folder) {
    if (pattern !== undefined) checkNamePattern(pattern, count);
    checkFolderTargets(out, pattern ?? DEFAULT_NAME_PATTERN, source.name, count, force);
    const base = { kind: 'folder', dir: out, source: source.name, count, force, compact } as const;
    return pattern === undefined ? base : { ...base, pattern };
  }
  if (countOption !== undefined && count > 1) {
    throw new UsageError(
      `--count ${count} makes many events`,
      'add --ndjson for one event per line, --array for one JSON array, or --out <dir>/ for one file each',
    );
  }
  if (out !== undefined) inspectTarget(out, force);
  return out === undefined
    ? { kind: 'single', force, compact }
    : { kind: 'single', file: out, force, compact };
}

/** Streams whose first event has been measured against the longest string (checkFitsInString). */
const measured = new WeakSet<EventStream>();

/** Serialises one event and warns when its compact form is over the source's limit. */
export function serialize(stream: EventStream, source: Source<unknown>, compact: boolean): string {
  const event = stream.next();
  if (!measured.has(stream)) {
    // The events of a run are alike in size: the first one shows whether they fit at all.
    measured.add(stream);
    checkFitsInString(event);
  }
  const text = serializeEvent(event, compact);
  const bytes = Buffer.byteLength(text) - 1;
  // Indented text is never shorter than compact text, so only an oversized one needs measuring again.
  if (bytes > source.sizeLimit.bytes) {
    checkEventSize(source, compact ? bytes : Buffer.byteLength(JSON.stringify(event)), stream.run);
  }
  return text;
}

export async function writeEvents(plan: OutputPlan, source: Source<unknown>, stream: EventStream, io: CliIO) {
  switch (plan.kind) {
    case 'single': {
      const text = serialize(stream, source, plan.compact);
      const file = plan.file;
      if (file === undefined) await io.writeStdout(text);
      else await io.whileWriting(() => writeOutFile(file, text, plan.force));
      return;
    }
    case 'ndjson': {
      const chunks = ndjsonChunks(stream, plan.count, () => serialize(stream, source, true));
      await io.whileWriting((interrupted) =>
        plan.file === undefined
          ? chunksToStdout(chunks, io, interrupted)
          : chunksToFile(plan.file, plan.force, plan.count, chunks, io, interrupted),
      );
      return;
    }
    case 'array': {
      const chunks = chunkLines(
        0,
        plan.count,
        arrayElements(plan, () => serialize(stream, source, plan.compact)),
      );
      await io.whileWriting((interrupted) =>
        plan.file === undefined
          ? chunksToStdout(chunks, io, interrupted)
          : chunksToFile(plan.file, plan.force, plan.count, chunks, io, interrupted),
      );
      return;
    }
    case 'folder':
      await io.whileWriting((interrupted) =>
        writeFolder(plan, () => serialize(stream, source, plan.compact), io, interrupted),
      );
      return;
  }
}

type Interrupted = () => StopSignal | undefined;
/** Lines of NDJSON or the pieces of one array, as they are made. */
type Chunks = AsyncIterable<NdjsonChunk> | Iterable<NdjsonChunk>;

/**
 * The events as the elements of one JSON array, each call giving the next element with its separator:
 * the same text as JSON.stringify(events, null, 2) (or compact), written as it is made.
 */
function arrayElements(plan: { count: number; compact: boolean }, nextEvent: () => string): () => string {
  let written = 0;
  return () => {
    const event = nextEvent().slice(0, -1); // without its newline
    const element = plan.compact ? event : event.replaceAll('\n', '\n  '); // JSON text holds no raw newline
    const before = written === 0 ? (plan.compact ? '[' : '[\n  ') : plan.compact ? ',' : ',\n  ';
    written += 1;
    const after = written === plan.count ? (plan.compact ? ']\n' : '\n]\n') : '';
    return `${before}${element}${after}`;
  };
}

async function chunksToStdout(chunks: Chunks, io: CliIO, interrupted: Interrupted) {
  for await (const { text, events } of chunks) {
    await io.writeStdout(text);
    await yieldToSignals();
    const signal = interrupted();
    if (signal) throw new InterruptedError(signal, `after ${events} events`);
  }
}

/**
 * NDJSON or an array into a file: written to a temporary file and moved into place only when complete; into a
 * FIFO or a device as it goes (asynchronously, so a slow reader never keeps signals waiting).
 */
async function chunksToFile(
  path: string,
  force: boolean,
  count: number,
  chunks: Chunks,
  io: CliIO,
  interrupted: Interrupted,
) {
  const target = inspectTarget(path, force);
  const progress = createProgress(io, count, 'events');
  try {
    if (target.kind === 'stream') await ndjsonToStream(target.real, path, chunks, progress, interrupted);
    else await ndjsonToTemporary(target.real, force, chunks, progress, interrupted);
  } finally {
    progress.done();
  }
}

async function ndjsonToTemporary(
  path: string,
  force: boolean,
  chunks: Chunks,
  progress: { update(done: number): void },
  interrupted: Interrupted,
) {
  const temporary = createTemporaryFile(path);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'a');
    for await (const { text, events } of chunks) {
      writeSync(fd, text);
      progress.update(events);
      await yieldToSignals();
      const signal = interrupted();
      if (signal) throw new InterruptedError(signal, `after ${events} events; ${path} was not written`);
    }
    closeSync(fd);
    fd = undefined;
    commitFile(temporary, path, force);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    removeQuietly(temporary);
    throw fileWriteError(path, error);
  }
}

async function ndjsonToStream(
  real: string,
  path: string,
  chunks: Chunks,
  progress: { update(done: number): void },
  interrupted: Interrupted,
) {
  let handle: import('node:fs/promises').FileHandle | undefined;
  try {
    handle = await fsPromises().open(real, 'w');
    for await (const { text, events } of chunks) {
      await handle.write(text);
      progress.update(events);
      const signal = interrupted();
      if (signal) throw new InterruptedError(signal, `after ${events} events written to ${path}`);
    }
  } catch (error) {
    throw fileWriteError(path, error);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** A system error while writing `path` as the one-line message for its cause; our own errors as they are. */
function fileWriteError(path: string, error: unknown): unknown {
  if (error instanceof Error && 'code' in error && !(error instanceof GenEventError))
    return writeError(path, error as NodeJS.ErrnoException);
  return error;
}

async function writeFolder(
  plan: Extract<OutputPlan, { kind: 'folder' }>,
  next: () => string,
  io: CliIO,
  interrupted: Interrupted,
) {
  const progress = createProgress(io, plan.count, 'files');
  let written = 0;
  try {
    for (let n = 1; n <= plan.count; n++) {
      writeFileAtomic(
        join(plan.dir, eventFileName(plan.pattern, plan.source, n, plan.count)),
        next(),
        plan.force,
      );
      written = n;
      progress.update(n);
      if (n % 64 === 0) await yieldToSignals();
      const signal = interrupted();
      if (signal) throw new InterruptedError(signal, filesWritten(n, plan.count));
    }
  } catch (error) {
    throw written > 0 ? afterFiles(error, written, plan.count) : error;
  } finally {
    progress.done();
  }
}

/** `after 576 of 50000 files (each written file is whole)`: what an interrupted write leaves. */
export function filesWritten(written: number, total: number): string {
  return `after ${written} of ${total} files (each written file is whole)`;
}

/** An error part-way through writing many files, saying how many were written before it. */
export function afterFiles(error: unknown, written: number, total: number): unknown {
  if (!(error instanceof GenEventError)) return error;
  const Kind = error.exitCode === 2 ? UsageError : InputError;
  return new Kind(
    `${error.what}, after ${written} of ${total} files were written`,
    `each written file is whole; ${error.hint}`,
  );
}

/** Lets a pending Ctrl-C handler run between whole writes. */
function yieldToSignals(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
