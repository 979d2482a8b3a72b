import { responseCheckerFor, runResponseChecker } from '../check/check-response.js';
import { maxInputFromRaw } from '../core/common-options.js';
import { UsageError } from '../core/errors.js';
import { ArgumentReader } from '../core/inputs.js';
import { optionalBoolean, optionalString } from '../core/raw-options.js';
import type { RawOptions } from '../sources/source.js';
import type { CliIO } from './io.js';

/**
 * `gen-event check-response <source> <file|-> [--event <file|->]`: exit 1 when the response breaks
 * the service's contract. Both inputs are read within --max-input, through the same bounded reader
 * as every other JSON input.
 */
export async function runCheckResponse(
  positionals: readonly string[],
  raw: RawOptions,
  io: CliIO,
): Promise<number> {
  const [source, file, ...extra] = positionals;
  if (source === undefined || file === undefined) {
    throw new UsageError(
      'check-response needs a source and a response file (or -)',
      'e.g. gen-event check-response sqs response.json --event event.json',
    );
  }
  if (extra.length > 0)
    throw new UsageError(`unexpected argument '${extra[0]}' for check-response`, 'give one response file');
  const asJson = optionalBoolean(raw, 'json') ?? false;
  const eventFile = optionalString(raw, 'event');
  const maxInput = maxInputFromRaw(raw);
  // Usage errors (a source without a contract, a missing --event) come before anything is read.
  const checker = await responseCheckerFor(source);
  if (checker.event === 'required' && eventFile === undefined)
    throw new UsageError(
      `${checker.source} responses are checked against the event they answer`,
      'give the event with --event <file>',
    );
  const reader = new ArgumentReader(io.inputs, maxInput);
  const response = await reader.readJsonFromFile(file, 'the response');
  const event = eventFile === undefined ? undefined : await reader.readJsonFromFile(eventFile, '--event');
  const result = runResponseChecker(
    checker,
    response,
    event,
    `--event ${eventFile === '-' ? '-' : eventFile}`,
  );
  const where = file === '-' ? 'standard input' : file;
  if (asJson) {
    const report = {
      where,
      source: result.source,
      event: eventFile ?? null,
      problems: result.problems,
      notes: result.notes,
      summary: { problems: result.problems.length },
    };
    await io.writeStdout(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    let text = '';
    for (const p of result.problems) {
      text += `${where}: ${p.path}: ${p.message}${p.expected === undefined ? '' : ` (expected ${p.expected})`}\n`;
    }
    for (const note of result.notes) text += `${where}: note: ${note}\n`;
    const count = result.problems.length;
    text += `1 ${result.source} response checked: ${count === 0 ? 'ok' : `${count} problem(s)`}\n`;
    await io.writeStdout(text);
  }
  return result.problems.length > 0 ? 1 : 0;
}
