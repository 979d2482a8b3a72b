import { constants, isUtf8 } from 'node:buffer';
import {
  closeSync,
  createReadStream,
  constants as fsConstants,
  fstatSync,
  openSync,
  readSync,
  type Stats,
  stat,
} from 'node:fs';
import { InputError, UsageError } from './errors.js';
import { invalidJsonOffset } from './json-position.js';
import { checkNesting } from './nesting.js';

/**
 * The most bytes one input (a file, standard input, a recipe, one NDJSON line for `check`) may have
 * unless `--max-input` says otherwise: above any AWS event (6 MB synchronous payloads, so events over
 * the limits can still be made), small enough that even a process with little memory holds it a few
 * times over, so `--body @/dev/zero` or an endless pipe ends at once with an error.
 */
export const DEFAULT_MAX_INPUT = 8 * 1024 * 1024;
/** The largest `--max-input`: every input becomes one string, and V8 strings hold no more. */
export const MAX_INPUT_LIMIT = constants.MAX_STRING_LENGTH;

/** An input's bytes, piece by piece: a stream (standard input, a FIFO, a device) or a regular file. */
export interface ByteSource extends AsyncIterable<Buffer> {
  /** Stops reading and releases the file; reading stops at once when an input turns out too large. */
  destroy(): void;
}

/**
 * Where option values that name a file (`@path`) or standard input (`-`) are read from. The CLI uses
 * the real file system and stdin; tests and the fuzz harness can hand in their own.
 */
export interface InputReader {
  /** The file's bytes; a missing file or a folder is an InputError naming it. */
  openFile(path: string): Promise<ByteSource>;
  openStdin(): ByteSource;
}

export const processInputReader: InputReader = { openFile, openStdin: () => process.stdin };

/** A whole file; more than `maxBytes` of it is an InputError, found without reading further. */
export async function readFileBounded(reader: InputReader, path: string, maxBytes: number): Promise<Buffer> {
  return readBounded(await reader.openFile(path), path, maxBytes);
}

/** All of standard input; more than `maxBytes` of it is an InputError, however long it would go on. */
export function readStdinBounded(reader: InputReader, maxBytes: number): Promise<Buffer> {
  return readBounded(reader.openStdin(), 'standard input', maxBytes);
}

/** The file's bytes, after refusing a folder and turning open errors into messages. */
export async function openFile(path: string): Promise<ByteSource> {
  // Callback fs: node:fs/promises is one more built-in to load at start-up.
  const info = await new Promise<Stats>((resolve, reject) =>
    stat(path, (error, stats) => (error ? reject(error) : resolve(stats))),
  ).catch((error: NodeJS.ErrnoException) => {
    throw fileError(path, error);
  });
  if (info.isDirectory()) throw new InputError(`${path} is a directory`, 'name a file');
  if (info.isFile()) {
    const pieces = regularFilePieces(path);
    if (pieces) return pieces;
  }
  const stream = createReadStream(path);
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (error: NodeJS.ErrnoException) => reject(fileError(path, error)));
  });
  return stream;
}

const PIECE_BYTES = 64 * 1024;

/**
 * A regular file read with plain reads, 64 kB at a time: a file needs none of the stream machinery
 * (node:stream, node:fs/promises, readline) that a read stream loads at start-up. Opened without
 * blocking, and checked again once open: a path swapped for a FIFO in between gets a stream (undefined).
 */
function regularFilePieces(path: string): ByteSource | undefined {
  let fd: number;
  try {
    fd = openSync(path, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  } catch (error) {
    throw fileError(path, error as NodeJS.ErrnoException);
  }
  if (!fstatSync(fd).isFile()) {
    closeSync(fd);
    return undefined;
  }
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    destroy: close,
    async *[Symbol.asyncIterator]() {
      try {
        while (open) {
          const piece = Buffer.allocUnsafe(PIECE_BYTES);
          const length = readSync(fd, piece, 0, PIECE_BYTES, null);
          if (length === 0) return;
          yield length === PIECE_BYTES ? piece : piece.subarray(0, length);
        }
      } finally {
        close();
      }
    },
  };
}

/** Reads a source to its end, stopping (and closing it) as soon as it holds more than `maxBytes`. */
async function readBounded(stream: ByteSource, origin: string, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) throw inputTooLarge(origin, maxBytes);
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    stream.destroy();
    if (error instanceof InputError) throw error;
    throw fileError(origin, error as NodeJS.ErrnoException);
  }
  return Buffer.concat(chunks, total);
}

/** The error for an input over the limit: the same for a big file, /dev/zero and an endless pipe. */
export function inputTooLarge(origin: string, maxBytes: number): InputError {
  return new InputError(
    `${origin} is larger than the input limit of ${maxBytes} bytes`,
    maxBytes < MAX_INPUT_LIMIT
      ? `give a smaller input, or raise the limit with --max-input <bytes>, up to ${MAX_INPUT_LIMIT}`
      : 'give a smaller input; a string holds no more',
  );
}

export function fileError(path: string, error: NodeJS.ErrnoException): InputError {
  if (error.code === 'ENOENT') return new InputError(`${path} does not exist`, 'check the file name');
  if (error.code === 'EACCES') return new InputError(`${path} cannot be read`, 'check its permissions');
  if (error.code === 'EISDIR') return new InputError(`${path} is a directory`, 'name a file');
  return new InputError(`${path} cannot be read: ${error.code ?? error.message}`, 'check the file');
}

/** What an `@path` / `-` / literal argument resolved to, and where it came from (for messages). */
export interface ReadArgument {
  bytes: Buffer;
  /** `'<option> value'`, a file path, or `'standard input'`. */
  origin: string;
  fromFile: boolean;
}

/**
 * Reads arguments of the form `text`, `@file` or `-`, making sure standard input is asked for at most
 * once per run (it can only be read once). `@@text` stands for the literal `@text`.
 */
export class ArgumentReader {
  private stdinTakenBy: string | undefined;

  constructor(
    private readonly reader: InputReader = processInputReader,
    private readonly maxBytes: number = DEFAULT_MAX_INPUT,
  ) {}

  async read(value: string, option: string): Promise<ReadArgument> {
    if (value === '-') {
      if (this.stdinTakenBy !== undefined) {
        throw new UsageError(
          `${option} - and ${this.stdinTakenBy} - both ask for standard input`,
          'standard input can be read once; put one of them in a file',
        );
      }
      this.stdinTakenBy = option;
      return {
        bytes: await readStdinBounded(this.reader, this.maxBytes),
        origin: 'standard input',
        fromFile: true,
      };
    }
    if (value.startsWith('@@'))
      return { bytes: Buffer.from(value.slice(1), 'utf8'), origin: option, fromFile: false };
    if (value.startsWith('@')) {
      const path = value.slice(1);
      if (path.length === 0) throw new UsageError(`${option} @ names no file`, 'write @path/to/file');
      return { bytes: await readFileBounded(this.reader, path, this.maxBytes), origin: path, fromFile: true };
    }
    return { bytes: Buffer.from(value, 'utf8'), origin: option, fromFile: false };
  }

  /** Reads text; bytes that are not UTF-8 are refused rather than silently replaced by U+FFFD. */
  async readText(value: string, option: string): Promise<string> {
    const { bytes, origin } = await this.read(value, option);
    return decodeText(bytes, origin);
  }

  /** Reads the argument and parses it as JSON, naming the file and position when it does not parse. */
  async readJson(value: string, option: string): Promise<unknown> {
    const { bytes, origin } = await this.read(value, option);
    return parseJson(decodeText(bytes, origin), origin);
  }

  /** Reads JSON from an option that names a file (`path` or `@path`) or standard input (`-`). */
  async readJsonFromFile(value: string, option: string): Promise<unknown> {
    return this.readJson(value === '-' || value.startsWith('@') ? value : `@${value}`, option);
  }
}

/** UTF-8 text; other bytes are refused rather than silently replaced by U+FFFD. */
function decodeText(bytes: Buffer, origin: string): string {
  if (!isUtf8(bytes))
    throw new InputError(`${origin} is not UTF-8 text`, 'give text, or base64-encode binary data first');
  return bytes.toString('utf8');
}

/**
 * JSON.parse with an error that says where the text broke, as line and column; a document nested
 * too deeply to be worked on is refused here, where every JSON input passes.
 */
export function parseJson(text: string, origin: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    if (text.trim().length === 0)
      throw new InputError(`${origin} is not valid JSON because it is empty`, 'fix the JSON');
    const offset = invalidJsonOffset(text);
    if (offset >= text.length)
      throw new InputError(`${origin} is not valid JSON: it ends too early`, 'fix the JSON');
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    throw new InputError(`${origin} is not valid JSON at line ${line} column ${column}`, 'fix the JSON');
  }
  checkNesting(value, origin);
  return value;
}
