import { isRecord, type ProblemList } from '../../check/problems.js';
import type { ResponseChecker } from '../../check/response-checker.js';
import { checkResponseSize, LAMBDA_RESPONSE_BYTES, WHOLE } from '../../check/response-values.js';

/** Lambda's limit on a synchronous invocation's response, which AppSync's invoke is (FORMATS §1.6). */

/**
 * The per-item error of a batch answer: `{data, errorMessage, errorType, errorInfo}`, AppSync turning
 * each item with an `errorMessage` into a GraphQL error for that item (FORMATS-api-identity §5.2).
 * UNCONFIRMED in the spec; chosen from the AppSync guide's "returning individual errors" (the same
 * keys, read by its batch response template) and the batch middleware built on it, which return
 * `data` with optional `errorMessage`/`errorType`.
 */
const ERROR_KEYS = new Set(['data', 'errorMessage', 'errorType', 'errorInfo']);

const isErrorShaped = (value: unknown): value is Record<string, unknown> =>
  isRecord(value) && ('errorMessage' in value || 'errorType' in value);

/** The first value below `value` JSON cannot carry, as Lambda's serialiser drops or changes it. */
function notJson(
  value: unknown,
  path: string,
  seen: Set<object>,
): { path: string; what: string } | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number')
    return Number.isFinite(value) ? undefined : { path, what: `${value} becomes null` };
  if (typeof value === 'bigint') return { path, what: 'a BigInt cannot be serialised' };
  if (typeof value !== 'object')
    return { path, what: `${value === undefined ? 'undefined' : `a ${typeof value}`} is dropped` };
  if (seen.has(value)) return { path, what: 'a cycle cannot be serialised' };
  seen.add(value);
  const entries = Array.isArray(value)
    ? value.map((v, i) => [`[${i}]`, v] as const)
    : Object.entries(value).map(([k, v]) => [`.${k}`, v] as const);
  for (const [step, item] of entries) {
    // undefined in an object is left out, as JSON.stringify leaves it; in a list it becomes null.
    if (item === undefined && !Array.isArray(value)) continue;
    const found = notJson(item, path === WHOLE ? step.replace(/^\./, '') : `${path}${step}`, seen);
    if (found) return found;
  }
  seen.delete(value);
  return undefined;
}

/**
 * A GraphQL field with no selection set is a scalar (or an enum, or a list of them); one with a
 * selection set an object type (or a list of objects). The answer's kind must match, or AppSync
 * resolves the field to null with an error.
 */
function checkKind(value: unknown, selection: unknown, path: string, problems: ProblemList): void {
  if (!Array.isArray(selection) || value === null || value === undefined) return;
  const values = Array.isArray(value) ? value.flat(Number.POSITIVE_INFINITY) : [value];
  const objects = values.filter((item) => isRecord(item)).length;
  if (selection.length === 0 && objects > 0)
    problems.add(
      path,
      'the query selects no subfields, so the field is a scalar: the answer is a scalar or a list of scalars, not an object',
    );
  else if (selection.length > 0 && objects < values.filter((item) => item !== null).length)
    problems.add(
      path,
      'the query selects subfields, so the field is an object type: the answer is an object, a list of objects or null',
    );
}

function checkBatchItem(item: unknown, path: string, selection: unknown, problems: ProblemList): void {
  if (!isErrorShaped(item)) {
    checkKind(item, selection, path, problems);
    return;
  }
  for (const key of Object.keys(item)) {
    if (!ERROR_KEYS.has(key))
      problems.add(
        `${path}.${key}`,
        'an item that fails has only data, errorMessage, errorType and errorInfo',
      );
  }
  if (typeof item.errorMessage !== 'string' || item.errorMessage.length === 0)
    problems.add(
      `${path}.errorMessage`,
      "an item's errorMessage is the GraphQL error's message: non-empty text",
    );
  if ('errorType' in item && item.errorType !== null && typeof item.errorType !== 'string')
    problems.add(`${path}.errorType`, 'errorType is text (or null)');
  if ('errorInfo' in item && item.errorInfo !== null && !isRecord(item.errorInfo))
    problems.add(`${path}.errorInfo`, 'errorInfo is an object (or null)');
  checkKind(item.data, selection, `${path}.data`, problems);
}

/**
 * What a direct Lambda resolver answers. A plain invoke returns the field's value, any JSON; a batch
 * invoke (`--event` a batch) an array with one item per event, in order, each the value or the
 * per-item error shape. With the event, the answer's kind is judged against the selection.
 */
export const appsyncResponseChecker: ResponseChecker = {
  source: 'appsync',
  event: 'optional',
  arrayEvent: true,
  check(response, event, problems) {
    // A handler that returns nothing answers null, which a plain invoke may (a nullable field).
    const fault = response === undefined ? undefined : notJson(response, WHOLE, new Set());
    if (fault) {
      problems.add(fault.path, `the answer is sent as JSON, and ${fault.what}: return JSON values only`);
      return;
    }
    checkResponseSize(
      response ?? null,
      LAMBDA_RESPONSE_BYTES,
      "Lambda's 6 MB response limit (the field fails)",
      problems,
    );
    if (event === undefined) return;
    const batch = event as unknown;
    if (Array.isArray(batch)) {
      const selection =
        isRecord(batch[0]) && isRecord(batch[0].info) ? batch[0].info.selectionSetList : undefined;
      if (!Array.isArray(response)) {
        problems.add(
          WHOLE,
          `a batch invoke is answered with an array of ${batch.length} item(s), one per event in order`,
        );
        return;
      }
      if (response.length !== batch.length)
        problems.add(
          WHOLE,
          `the answer has ${response.length} item(s) for a batch of ${batch.length}: one per event, in order`,
        );
      response.forEach((item, index) => {
        checkBatchItem(item, `[${index}]`, selection, problems);
      });
      return;
    }
    const selection = isRecord(event.info) ? event.info.selectionSetList : undefined;
    // Per-item errors belong to batch answers; a plain invoke fails by throwing (UNCONFIRMED: the
    // implicit response handling of a plain direct invoke is not documented to read them).
    if (isErrorShaped(response) && Array.isArray(selection) && !selection.includes('errorMessage')) {
      problems.add(
        WHOLE,
        "a plain invoke's answer is the field's value, so {errorMessage, errorType} reaches the client as data: throw to fail the field",
      );
      return;
    }
    checkKind(response, selection, WHOLE, problems);
  },
};
