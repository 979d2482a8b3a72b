import { statSync } from 'node:fs';
import { checkEvent } from '../check/registry.js';
import { GenEventError, UsageError } from '../core/errors.js';
import { parseJson } from '../core/inputs.js';
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
  options: { json: { type: 'boolean', description: 'Print a machine-readable report' } },
  examples: [
    ['gen-event check test/fixtures/', 'every .json file under the folder'],
    ['gen-event sqs --body x | gen-event check -', 'an event from standard input'],
    ['gen-event check --json event.json', 'a JSON report'],
  ],
};

interface CheckedEvent {
  /** `file` or `file:line` for NDJSON. */
  where: string;
  kind: string;
  problems: { path: string; message: string; expected?: string }[];
}

/** `gen-event check <file|dir|->...`: exit 1 when any event breaks a rule. */
export async function runCheck(positionals: readonly string[], raw: RawOptions, io: CliIO): Promise<number> {
  if (positionals.length === 0)
    throw new UsageError('check needs files, folders or -', 'e.g. gen-event check events/');
  const asJson = optionalBoolean(raw, 'json') ?? false;
  const files = positionals.flatMap((target) =>
    target !== '-' && isDirectory(target) ? listJsonFiles(target) : [target],
  );
  const results: CheckedEvent[] = [];
  let stdinRead = false;
  for (const file of files) {
    if (file === '-') {
      if (stdinRead) throw new UsageError('- is given twice', 'standard input can be read once');
      stdinRead = true;
    }
    const text = (file === '-' ? await io.inputs.readStdin() : await io.inputs.readFile(file)).toString(
      'utf8',
    );
    results.push(...checkText(text, file === '-' ? 'standard input' : file));
  }

  const failing = results.filter((r) => r.problems.length > 0);
  const problemCount = failing.reduce((sum, r) => sum + r.problems.length, 0);
  const unknown = results.filter((r) => r.kind === 'unknown').length;
  if (asJson) {
    const report = {
      events: results,
      summary: { events: results.length, failing: failing.length, problems: problemCount, unknown },
    };
    await io.writeStdout(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const lines = failing.flatMap((r) =>
      r.problems.map(
        (p) =>
          `${r.where}: ${p.path}: ${p.message}${p.expected === undefined ? '' : ` (expected ${p.expected})`}`,
      ),
    );
    for (const r of results.filter((e) => e.kind === 'unknown'))
      lines.push(`${r.where}: not a known event kind, not checked`);
    lines.push(
      `${results.length} event(s) checked: ${results.length - failing.length - unknown} ok, ${failing.length} with ${problemCount} problem(s), ${unknown} unknown`,
    );
    await io.writeStdout(`${lines.join('\n')}\n`);
  }
  return failing.length > 0 ? 1 : 0;
}

/** One JSON document, or NDJSON (one event per line). */
function checkText(text: string, where: string): CheckedEvent[] {
  try {
    return [{ where, ...checkEvent(JSON.parse(text)) }];
  } catch (error) {
    if (error instanceof GenEventError) throw error;
  }
  const lines = text.split('\n');
  const nonEmpty = lines.filter((line) => line.trim().length > 0);
  if (nonEmpty.length > 1 && nonEmpty.every(isJson)) {
    return lines.flatMap((line, i) =>
      line.trim() ? [{ where: `${where}:${i + 1}`, ...checkEvent(JSON.parse(line)) }] : [],
    );
  }
  try {
    parseJson(text, where);
  } catch (error) {
    return [{ where, kind: 'invalid', problems: [{ path: '$', message: (error as GenEventError).message }] }];
  }
  return [];
}

function isJson(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
