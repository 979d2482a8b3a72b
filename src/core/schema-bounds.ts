import { UsageError } from './errors.js';

/**
 * The most array items, object properties or string characters a schema may ask for, counted
 * through nesting (`minItems: 1000` inside `minItems: 1000` asks for 1,000,000). A payload that big is
 * far over every AWS limit, and generating it would take minutes and hundreds of megabytes, so it is
 * refused before any value is generated.
 */
export const MAX_SCHEMA_ELEMENTS = 1_000_000;

const MINIMUMS = ['minItems', 'minProperties', 'minContains', 'minLength'] as const;

/** Refuses a schema whose lower bounds ask for more than MAX_SCHEMA_ELEMENTS; walks with its own stack. */
export function checkSchemaBounds(schema: unknown, origin: string): void {
  const pending: { node: unknown; at: string; times: number }[] = [{ node: schema, at: '', times: 1 }];
  while (pending.length > 0) {
    const { node, at, times } = pending.pop() as (typeof pending)[number];
    if (node === null || typeof node !== 'object') continue;
    let inner = times;
    if (!Array.isArray(node)) {
      for (const keyword of MINIMUMS) {
        const minimum = (node as Record<string, unknown>)[keyword];
        if (typeof minimum !== 'number' || minimum <= 1) continue;
        const total = times * minimum;
        if (total > MAX_SCHEMA_ELEMENTS) {
          throw new UsageError(
            `${origin} asks for at least ${total} ${keyword === 'minLength' ? 'characters' : 'items'} at ${at || '/'} (${keyword} ${minimum}${times > 1 ? `, ${times} times over` : ''})`,
            `lower ${keyword}; a schema may ask for up to ${MAX_SCHEMA_ELEMENTS}`,
          );
        }
        if (keyword !== 'minLength') inner = Math.max(inner, total);
      }
    }
    for (const [key, child] of Object.entries(node)) {
      if (child !== null && typeof child === 'object')
        pending.push({ node: child, at: `${at}/${key}`, times: inner });
    }
  }
}
