import { UsageError } from '../core/errors.js';
import { describeValue, json, readFields } from '../core/option-shapes.js';
import { findEntry } from '../sources/catalog.js';
import { isRecord, type Problem, ProblemList } from './problems.js';
import type { ResponseChecker } from './response-checker.js';
import { ignoredResponses, type ResponseSourceName, responseCheckers } from './response-registry.js';

export interface ResponseCheckResult {
  /** The source's own name (an alias given is resolved: `rest` ⇒ `apigw-v1`). */
  source: string;
  problems: Problem[];
  /** What was assumed or left unchecked (no event given); not problems. */
  notes: string[];
}

/** The names check-response takes, for messages. */
export const checkedSources: readonly string[] = Object.keys(responseCheckers);

/**
 * The response checker of a source named by name or alias. A source whose service ignores the
 * return value, or one that does not exist, is a UsageError saying so.
 */
/** What `checkResponse` takes besides the source and the response. */
export interface CheckResponseOptions {
  /** The event the handler answered; adds the rules that tie the response to it. */
  event?: unknown;
}

const optionTable = { event: json() };

/**
 * The library's check of a handler's return value, e.g.
 * `await checkResponse('sqs', { batchItemFailures: [] }, { event })`. The source (name or alias),
 * the response (any JSON value, or undefined for a handler that returned nothing) and the options
 * are checked at run time; a source whose service ignores the return value is a UsageError.
 */
export async function checkResponse(
  source: ResponseSourceName | (string & {}),
  response: unknown,
  options: CheckResponseOptions = {},
): Promise<ResponseCheckResult> {
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw new UsageError(
      `the options of checkResponse are ${describeValue(options)}`,
      'give an object such as { event }',
    );
  readFields(optionTable, options as Record<string, unknown>, (key) => key, 'for checkResponse');
  if (response !== undefined) json().read(response, 'response');
  const checker = await responseCheckerFor(source);
  return runResponseChecker(checker, response, options.event, 'options.event');
}

export async function responseCheckerFor(name: unknown): Promise<ResponseChecker> {
  const entry = typeof name === 'string' ? findEntry(name) : undefined;
  if (entry === undefined) {
    throw new UsageError(
      `unknown source ${typeof name === 'string' ? `'${name}'` : String(name)}`,
      `check-response takes ${checkedSources.join(', ')}`,
    );
  }
  const load = (responseCheckers as Record<string, () => Promise<ResponseChecker>>)[entry.name];
  if (load === undefined) {
    const why = ignoredResponses[entry.name] ?? `${entry.name} has no response contract`;
    throw new UsageError(
      `${entry.name}: ${why}`,
      `there is nothing to check; check-response takes ${checkedSources.join(', ')}`,
    );
  }
  return load();
}

/**
 * Checks a handler's return value against the contract of the service that invoked it. `event`,
 * the event the handler answered, adds the rules that tie the answer to it; `where` names it in
 * errors (`--event events/sqs.json`).
 */
export function runResponseChecker(
  checker: ResponseChecker,
  response: unknown,
  event: unknown,
  where = 'the event',
): ResponseCheckResult {
  if (event === undefined && checker.event === 'required') {
    throw new UsageError(
      `${checker.source} responses are checked against the event they answer`,
      'give the event with --event <file>',
    );
  }
  if (event !== undefined) {
    const mismatch = isRecord(event)
      ? checker.eventMismatch?.(event)
      : checker.arrayEvent && Array.isArray(event) && isRecord(event[0]) && event.every(isRecord)
        ? checker.eventMismatch?.(event[0])
        : `is not a JSON object${checker.arrayEvent ? ' or a list of them' : ''}`;
    if (mismatch !== undefined)
      throw new UsageError(`${where} ${mismatch}`, `give the ${checker.source} event the handler answered`);
  }
  const problems = new ProblemList();
  checker.check(response, event as Record<string, unknown> | undefined, problems);
  return { source: checker.source, problems: problems.problems, notes: problems.notes };
}
