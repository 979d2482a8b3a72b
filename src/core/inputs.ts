import { isUtf8 } from 'node:buffer';
import { readFile, type Stats, stat } from 'node:fs';
import { InputError, UsageError } from './errors.js';
import { invalidJsonOffset } from './json-position.js';

/**
 * Where option values that name a file (`@path`) or standard input (`-`) are read from. The CLI uses
 * the real file system and stdin; tests and the fuzz harness can hand in their own.
 */
export interface InputReader {
  readFile(path: string): Promise<Buffer>;
  readStdin(): Promise<Buffer>;
}

export const processInputReader: InputReader = {
  async readFile(path) {
    const info = await settle<Stats>((done) => stat(path, done)).catch((error: NodeJS.ErrnoException) => {
      throw fileError(path, error);
    });
    if (info.isDirectory()) throw new InputError(`${path} is a directory`, 'name a file');
    return settle<Buffer>((done) => readFile(path, done)).catch((error: NodeJS.ErrnoException) => {
      throw fileError(path, error);
    });
  },
  async readStdin() {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  },
};

/**
 * A callback of node:fs as a promise. node:fs/promises is not used: loading it loads streams, readline
 * and more of Node's own modules, a few milliseconds of every run's start (npm run bench).
 */
function settle<T>(
  call: (done: (error: NodeJS.ErrnoException | null, value: T) => void) => void,
): Promise<T> {
  return new Promise((resolve, reject) => call((error, value) => (error ? reject(error) : resolve(value))));
}

function fileError(path: string, error: NodeJS.ErrnoException): InputError {
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

  constructor(private readonly reader: InputReader = processInputReader) {}

  async read(value: string, option: string): Promise<ReadArgument> {
    if (value === '-') {
      if (this.stdinTakenBy !== undefined) {
        throw new UsageError(
          `${option} - and ${this.stdinTakenBy} - both ask for standard input`,
          'standard input can be read once; put one of them in a file',
        );
      }
      this.stdinTakenBy = option;
      return { bytes: await this.reader.readStdin(), origin: 'standard input', fromFile: true };
    }
    if (value.startsWith('@@'))
      return { bytes: Buffer.from(value.slice(1), 'utf8'), origin: option, fromFile: false };
    if (value.startsWith('@')) {
      const path = value.slice(1);
      if (path.length === 0) throw new UsageError(`${option} @ names no file`, 'write @path/to/file');
      return { bytes: await this.reader.readFile(path), origin: path, fromFile: true };
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

/** JSON.parse with an error that says where the text broke, as line and column. */
export function parseJson(text: string, origin: string): unknown {
  try {
    return JSON.parse(text);
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
}
