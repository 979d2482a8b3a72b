import { statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { checkEvent } from '../check/registry.js';
import { maxInputFromRaw, maxInputOption } from '../core/common-options.js';
import { GenEventError, UsageError } from '../core/errors.js';
import { fileError, inputTooLarge, parseJson } from '../core/inputs.js';
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
async function* checkStream(stream: Readable, where: string, maxInput: number): AsyncGenerator<CheckedEvent> {
  const lines = readLines(stream, where, maxInput)[Symbol.asyncIterator]();
  const head: string[] = [];
  let first: { line: string; number: number; value: unknown } | undefined;
  for (let item = await lines.next(); !item.done; item = await lines.next()) {
    head.push(item.value);
    if (item.value.trim().length === 0) continue;
    const value = parseLine(item.value);
    if (value !== NOT_JSON) first = { line: item.value, number: head.length, value };
    break;
  }
  if (first === undefined) {
    // A document over several lines (or nothing at all): read the rest of it, within the limit.
    let text = head.join('\n');
    for (let item = await lines.next(); !item.done; item = await lines.next()) {
      text += `\n${item.value}`;
      if (text.length > maxInput) throw inputTooLarge(where, maxInput);
    }
    yield* checkDocument(text, where);
    return;
  }
  let previous: { line: string; number: number; value: unknown } = first;
  let single = true;
  let number = first.number;
  for (let item = await lines.next(); !item.done; item = await lines.next()) {
    number += 1;
    if (item.value.trim().length === 0) continue;
    if (single) yield lineResult(previous, where);
    single = false;
    previous = { line: item.value, number, value: parseLine(item.value) };
    yield lineResult(previous, where);
  }
  if (single) yield { where, ...checkEvent(first.value) };
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
function lineResult(line: { line: string; number: number; value: unknown }, where: string): CheckedEvent {
  const at = `${where}:${line.number}`;
  if (line.value !== NOT_JSON) return { where: at, ...checkEvent(line.value) };
  return invalid(line.line, at);
}

function* checkDocument(text: string, where: string): Generator<CheckedEvent> {
  const value = parseLine(text);
  if (value !== NOT_JSON) {
    yield { where, ...checkEvent(value) };
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
 * The lines of a stream (without their `\n`), as UTF-8 text. A line longer than `maxBytes` is an
 * InputError as soon as it is, so an input without newlines (/dev/zero) never fills memory.
 */
async function* readLines(stream: Readable, where: string, maxBytes: number): AsyncGenerator<string> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  try {
    for await (const chunk of stream) {
      let data = chunk as Buffer;
      for (let newline = data.indexOf(10); newline >= 0; newline = data.indexOf(10)) {
        pending.push(data.subarray(0, newline));
        pendingBytes += newline;
        if (pendingBytes > maxBytes) throw inputTooLarge(where, maxBytes);
        yield Buffer.concat(pending, pendingBytes).toString('utf8');
        pending = [];
        pendingBytes = 0;
        data = data.subarray(newline + 1);
      }
      pending.push(data);
      pendingBytes += data.length;
      if (pendingBytes > maxBytes) throw inputTooLarge(where, maxBytes);
    }
  } catch (error) {
    stream.destroy();
    if (error instanceof GenEventError) throw error;
    throw fileError(where, error as NodeJS.ErrnoException);
  }
  if (pendingBytes > 0) yield Buffer.concat(pending, pendingBytes).toString('utf8');
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
