import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { checkEventSize, type EventStream, serializeEvent } from '../core/engine.js';
import { InterruptedError, UsageError } from '../core/errors.js';
import { checkNamePattern, eventFileName } from '../core/file-names.js';
import {
  checkFolderTargets,
  commitFile,
  createTemporaryFile,
  isFolderTarget,
  refuseExisting,
  removeQuietly,
  writeFileAtomic,
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
  | { kind: 'folder'; dir: string; names: string[]; force: boolean; compact: boolean };

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
    if (out !== undefined) refuseExisting(out, force);
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
    if (out !== undefined) refuseExisting(out, force);
    return out === undefined ? { kind: 'ndjson', force, count } : { kind: 'ndjson', file: out, force, count };
  }
  if (folder) {
    if (pattern !== undefined) checkNamePattern(pattern, count);
    const names = Array.from({ length: count }, (_, i) => eventFileName(pattern, source.name, i + 1, count));
    checkFolderTargets(out, names, force);
    return { kind: 'folder', dir: out, names, force, compact };
  }
  if (countOption !== undefined && count > 1) {
    throw new UsageError(
      `--count ${count} makes many events`,
      'add --ndjson for one event per line, --array for one JSON array, or --out <dir>/ for one file each',
    );
  }
  if (out !== undefined) refuseExisting(out, force);
  return out === undefined
    ? { kind: 'single', force, compact }
    : { kind: 'single', file: out, force, compact };
}

/** Serialises one event and warns when its compact form is over the source's limit. */
export function serialize(stream: EventStream, source: Source<unknown>, compact: boolean): string {
  const event = stream.next();
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
      if (plan.file === undefined) await io.writeStdout(text);
      else writeFileAtomic(plan.file, text, plan.force);
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

async function chunksToStdout(
  chunks: AsyncIterable<NdjsonChunk> | Iterable<NdjsonChunk>,
  io: CliIO,
  interrupted: () => boolean,
) {
  for await (const { text, events } of chunks) {
    await io.writeStdout(text);
    await yieldToSignals();
    if (interrupted()) throw new InterruptedError(`interrupted after ${events} events`);
  }
}

/** NDJSON or an array into a file: written to a temporary file and moved into place only when complete. */
async function chunksToFile(
  path: string,
  force: boolean,
  count: number,
  chunks: AsyncIterable<NdjsonChunk> | Iterable<NdjsonChunk>,
  io: CliIO,
  interrupted: () => boolean,
) {
  const temporary = createTemporaryFile(path);
  const progress = createProgress(io, count, 'events');
  let fd: number | undefined = openSync(temporary, 'a');
  try {
    for await (const { text, events } of chunks) {
      writeSync(fd, text);
      progress.update(events);
      await yieldToSignals();
      if (interrupted()) throw new InterruptedError(`interrupted; ${path} was not written`);
    }
    closeSync(fd);
    fd = undefined;
    commitFile(temporary, path, force);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    removeQuietly(temporary);
    throw error;
  } finally {
    progress.done();
  }
}

async function writeFolder(
  plan: Extract<OutputPlan, { kind: 'folder' }>,
  next: () => string,
  io: CliIO,
  interrupted: () => boolean,
) {
  const progress = createProgress(io, plan.names.length, 'files');
  try {
    for (const [i, name] of plan.names.entries()) {
      writeFileAtomic(join(plan.dir, name), next(), plan.force);
      progress.update(i + 1);
      if (i % 64 === 63) await yieldToSignals();
      if (interrupted()) {
        throw new InterruptedError(
          `interrupted after ${i + 1} of ${plan.names.length} files (each written file is whole)`,
        );
      }
    }
  } finally {
    progress.done();
  }
}

/** Lets a pending Ctrl-C handler run between whole writes. */
function yieldToSignals(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
