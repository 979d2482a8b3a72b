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
