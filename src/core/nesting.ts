import { InputError } from './errors.js';

/**
 * How deeply arrays and objects may nest in any JSON gen-event reads (payloads, merges, schemas,
 * recipes, `--set` values). Building and writing an event walks it recursively, and so does
 * JSON.stringify: past a few thousand levels the stack runs out. No AWS event comes near this depth.
 */
export const MAX_NESTING = 1000;

/** Refuses a value nested deeper than MAX_NESTING; walks with its own stack, so any depth is safe. */
export function checkNesting(value: unknown, origin: string): void {
  const pending: [unknown, number][] = [[value, 1]];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    const [node, depth] = item;
    if (node === null || typeof node !== 'object') continue;
    if (depth > MAX_NESTING) throw tooDeep(origin);
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (child !== null && typeof child === 'object') pending.push([child, depth + 1]);
    }
  }
}

export function tooDeep(origin: string): InputError {
  return new InputError(
    `${origin} nests arrays and objects more than ${MAX_NESTING} levels deep`,
    'flatten it; no AWS event nests that deep',
  );
}
