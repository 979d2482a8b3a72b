import { expect } from 'vitest';
import { checkEvent } from '../../src/check/registry.js';

// biome-ignore lint/suspicious/noExplicitAny: tests break events by editing any field of them
export type Editable = Record<string, any>;

/**
 * Checker tests: a valid event is generated, copied, broken in one way, and the checker must report
 * the broken rule at the expected path (and nothing of the unbroken event).
 */
export function expectBroken<Event>(
  valid: Event,
  kind: string,
  edit: (event: Editable) => void,
  path: string,
  message: RegExp,
): void {
  expect(checkEvent(valid)).toEqual({ kind, problems: [] });
  const event = structuredClone(valid) as Editable;
  edit(event);
  const result = checkEvent(event);
  expect(result.kind).toBe(kind);
  expect(result.problems).toContainEqual(
    expect.objectContaining({ path, message: expect.stringMatching(message) }),
  );
}
