import type { ProblemList } from './problems.js';

/**
 * Lambda's synchronous response limit: "Response payload size (6291557 bytes) exceeded maximum
 * allowed payload size (6291556 bytes)" is the error Lambda gives one byte over it (FORMATS §1.6: 6 MB).
 */
export const LAMBDA_RESPONSE_BYTES = 6_291_556;

/** Where a response checker reports a problem with the response as a whole. */
export const WHOLE = '(response)';

/** `a string`, `a number`, `an array`, `null`, `missing`… for the messages of response checkers. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'number' && !Number.isInteger(value) ? 'a fraction' : `a ${typeof value}`;
}

/** The JSON text of the response is over `limit` bytes. */
export function checkResponseSize(
  response: unknown,
  limit: number,
  what: string,
  problems: ProblemList,
): void {
  const bytes = Buffer.byteLength(JSON.stringify(response) ?? '');
  if (bytes > limit)
    problems.add(WHOLE, `the response is ${bytes} bytes of JSON, over ${what}`, `≤ ${limit} bytes`);
}
