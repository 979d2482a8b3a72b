import { statSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { checkEvent } from '../check/registry.js';
import { maxInputFromRaw, maxInputOption } from '../core/common-options.js';
import { type GenEventError, UsageError } from '../core/errors.js';
import { type ByteSource, fileError, inputTooLarge, parseJson } from '../core/inputs.js';
import { listJsonFiles } from '../core/output.js';
import { optionalBoolean } from '../core/raw-options.js';
import type { RawOptions } from '../sources/source.js';
import type { CommandSpec } from './command-spec.js';
import type { CliIO } from './io.js';

export const checkCommand: CommandSpec = {
  name: 'check',
  aliases: [],
  positionals: '[files..]',
  summary: 'Check events (files, folders, - for stdin) against the rules AWS follows',
  options: {
    json: { type: 'boolean', description: 'Print a machine-readable report' },
    'max-input': maxInputOption,
  },
  examples: [
    ['gen-event sqs --count 3 --out events/ && gen-event check events/', 'every .json file under a folder'],
    ['gen-event sqs --body x | gen-event check -', 'an event from standard input'],
    ['gen-event direct --out event.json && gen-event check --json event.json', 'a machine-readable report'],
  ],
};

interface CheckedEvent {
  /** `file` or `file:line` for NDJSON. */
  where: string;
  kind: string;
  problems: { path: string; message: string; expected?: string }[];
}

/**
 * `gen-event check <file|dir|->...`: exit 1 when any event breaks a rule. Inputs are read as streams
 * and NDJSON line by line, and each event's report is written as soon as it is made, so a file of
 * any length is checked in flat memory; a single document, or one line, may hold up to --max-input
 * bytes.
 */
export async function runCheck(positionals: readonly string[], raw: RawOptions, io: CliIO): Promise<number> {
  if (positionals.length === 0)
    throw new UsageError('check needs files, folders or -', 'e.g. gen-event check events/');
  const asJson = optionalBoolean(raw, 'json') ?? false;
  const maxInput = maxInputFromRaw(raw);
  if (positionals.filter((p) => p === '-').length > 1)
    throw new UsageError('- is given twice', 'standard input can be read once');
  const files = positionals.flatMap((target) =>
    target !== '-' && isDirectory(target) ? listJsonFiles(target) : [target],
  );
  const report = new ReportWriter(io, asJson);
  for (const file of files) {
    const stream = file === '-' ? io.inputs.openStdin() : await io.inputs.openFile(file);
    const where = file === '-' ? 'standard input' : file;
    for await (const result of checkStream(stream, where, maxInput)) await report.add(result);
  }
  return report.finish();
}

/** Writes each event's report as it comes, and the summary at the end; output leaves in 64 kB pieces. */
class ReportWriter {
  private events = 0;
  private failing = 0;
  private problems = 0;
  private unknown = 0;
  private pending: string;

  constructor(
    private readonly io: CliIO,
    private readonly asJson: boolean,
  ) {
    this.pending = asJson ? '{\n  "events": [' : '';
  }

  async add(result: CheckedEvent): Promise<void> {
    if (this.asJson) {
      // The same text as JSON.stringify(report, null, 2), one event at a time.
      this.pending += `${this.events === 0 ? '\n' : ',\n'}${indent(JSON.stringify(result, null, 2), '    ')}`;
    } else {
      for (const p of result.problems) {
        const expected = p.expected === undefined ? '' : ` (expected ${p.expected})`;
        this.pending += `${result.where}: ${p.path}: ${p.message}${expected}\n`;
      }
      if (result.kind === 'unknown') this.pending += `${result.where}: not a known event kind, not checked\n`;
    }
    this.events += 1;
    if (result.problems.length > 0) this.failing += 1;
    this.problems += result.problems.length;
    if (result.kind === 'unknown') this.unknown += 1;
    if (this.pending.length >= 64 * 1024) await this.flush();
  }

  async finish(): Promise<number> {
    const { events, failing, problems, unknown } = this;
    if (this.asJson) {
      const summary = JSON.stringify({ summary: { events, failing, problems, unknown } }, null, 2);
      this.pending += `${events === 0 ? ']' : '\n  ]'},\n${summary.slice(2, -2)}\n}\n`;
    } else {
      this.pending += `${events} event(s) checked: ${events - failing - unknown} ok, ${failing} with ${problems} problem(s), ${unknown} unknown\n`;
    }
    await this.flush();
    return failing > 0 ? 1 : 0;
  }

  private async flush(): Promise<void> {
    const text = this.pending;
    this.pending = '';
    await this.io.writeStdout(text);
  }
}

function indent(text: string, by: string): string {
  return text.replace(/^/gm, by);
}

/**
 * The events of one input: one JSON document, or NDJSON (one event per line). The first non-empty
 * line decides: when it is JSON on its own, the input is NDJSON, checked line by line as it is read
 * (a single such line is one document); otherwise the whole input is one document.
 */
async function* checkStream(
  stream: ByteSource,
  where: string,
  maxInput: number,
): AsyncGenerator<CheckedEvent> {
  const reader = new LineReader(stream, where, maxInput);
  const head: string[] = [];
  let first: { line: string; number: number; value: unknown } | undefined;
  for (let text = await reader.next(); text !== undefined; text = await reader.next()) {
    head.push(text);
    if (text.trim().length === 0) continue;
    const value = parseLine(text);
    if (value !== NOT_JSON) first = { line: text, number: head.length, value };
    break;
  }
  if (first === undefined) {
    // A document over several lines (or nothing at all): the rest of it, within the limit.
    const rest = await reader.rest();
    yield* checkDocument(head.length === 0 ? rest : `${head.join('\n')}\n${rest}`, where);
    return;
  }
  let single = true;
  let number = first.number;
  for (let text = await reader.next(); text !== undefined; text = await reader.next()) {
    number += 1;
    if (text.trim().length === 0) continue;
    if (single) yield await lineResult(first, where);
    single = false;
    yield await lineResult({ line: text, number, value: parseLine(text) }, where);
  }
  if (single) yield { where, ...(await checkEvent(first.value)) };
}

const NOT_JSON = Symbol('not JSON');

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return NOT_JSON;
  }
}

/** One NDJSON line's report; a line that is not JSON is reported where it is. */
async function lineResult(
  line: { line: string; number: number; value: unknown },
  where: string,
): Promise<CheckedEvent> {
  const at = `${where}:${line.number}`;
  if (line.value !== NOT_JSON) return { where: at, ...(await checkEvent(line.value)) };
  return invalid(line.line, at);
}

async function* checkDocument(text: string, where: string): AsyncGenerator<CheckedEvent> {
  const value = parseLine(text);
  if (value !== NOT_JSON) {
    yield { where, ...(await checkEvent(value)) };
    return;
  }
  if (text.trim().length > 0) yield invalid(text, where);
}

function invalid(text: string, where: string): CheckedEvent {
  try {
    parseJson(text, where);
  } catch (error) {
    return { where, kind: 'invalid', problems: [{ path: '$', message: (error as GenEventError).message }] };
  }
  return { where, kind: 'invalid', problems: [{ path: '$', message: `${where} is not valid JSON` }] };
}

/**
 * The lines of a stream (without their `\n`) as text, or all that is left of it. Chunks are decoded
 * once and cut into string slices (no buffer per line: a million short lines make no more garbage
 * than their text). A line, or the rest, longer than `maxBytes` is an InputError as soon as it is, so
 * an input without newlines (/dev/zero) or an endless one never fills memory.
 */
class LineReader {
  private readonly chunks: AsyncIterator<Buffer>;
  private readonly decoder = new StringDecoder('utf8');
  private pending: string[] = [];
  private pendingLength = 0;
  private buffered = '';
  private ended = false;

  constructor(
    private readonly stream: ByteSource,
    private readonly where: string,
    private readonly maxBytes: number,
  ) {
    this.chunks = stream[Symbol.asyncIterator]();
  }

  /** The next line, or undefined at the end. */
  async next(): Promise<string | undefined> {
    for (;;) {
      const newline = this.buffered.indexOf('\n');
      if (newline >= 0) {
        const line = this.take(this.buffered.slice(0, newline));
        this.buffered = this.buffered.slice(newline + 1);
        return line;
      }
      this.hold(this.buffered);
      this.buffered = '';
      if (this.ended || !(await this.read())) {
        this.ended = true;
        return this.pendingLength > 0 ? this.take('') : undefined;
      }
    }
  }

  /** Everything not read yet. */
  async rest(): Promise<string> {
    do {
      this.hold(this.buffered);
      this.buffered = '';
    } while (!this.ended && (await this.read()));
    this.ended = true;
    return this.take('');
  }

  private async read(): Promise<boolean> {
    try {
      const item = await this.chunks.next();
      if (item.done) {
        this.buffered = this.decoder.end();
        return this.buffered.length > 0;
      }
      this.buffered = this.decoder.write(item.value);
      return true;
    } catch (error) {
      this.stream.destroy();
      throw fileError(this.where, error as NodeJS.ErrnoException);
    }
  }

  private hold(text: string): void {
    if (text.length === 0) return;
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength > this.maxBytes) {
      this.stream.destroy();
      throw inputTooLarge(this.where, this.maxBytes);
    }
  }

  private take(last: string): string {
    this.hold(last);
    const line = this.pending.length === 1 ? (this.pending[0] as string) : this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    return line;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
