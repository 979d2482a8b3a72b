import { expect, test } from 'vitest';
import { checkEvent } from '../../src/check/registry.js';
import { applySet, parseSetPath } from '../../src/core/overrides.js';

// biome-ignore lint/suspicious/noExplicitAny: tests break events by editing any field of them
export type Editable = Record<string, any>;

/** Stands for "delete this field" in an edit table. */
export const REMOVED = Symbol('removed');

/** `{path: value}` edits (paths as `--set` reads them), or a function for edits that use the event's own values. */
export type Edit = Readonly<Record<string, unknown>> | ((event: Editable) => void);

/** One rule broken on purpose: the rule, the valid event to start from, the edit, and the problem expected. */
export type BrokenRule = readonly [rule: string, base: string, edit: Edit, path: string, message: RegExp];

function applyEdit(event: Editable, edit: Edit): void {
  if (typeof edit === 'function') {
    edit(event);
    return;
  }
  for (const [path, value] of Object.entries(edit)) {
    const segments = parseSetPath(path);
    if (value !== REMOVED) {
      applySet(event, { path: segments, value: structuredClone(value) });
      continue;
    }
    const parent = segments.slice(0, -1).reduce((node, segment) => node[segment], event);
    delete parent[segments[segments.length - 1] as string];
  }
}

/**
 * Checker tests: each valid event passes with no problem; a copy broken in one way is reported at
 * the expected path with the expected words.
 */
export function testBrokenRules(
  kind: string,
  bases: Readonly<Record<string, Editable>>,
  rules: readonly BrokenRule[],
): void {
  test.each(rules)('%s', async (_rule, base, edit, path, message) => {
    const valid = bases[base];
    expect(await checkEvent(valid)).toEqual({ kind, problems: [] });
    const event = structuredClone(valid) as Editable;
    applyEdit(event, edit);
    const result = await checkEvent(event);
    expect(result.kind).toBe(kind);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ path, message: expect.stringMatching(message) }),
    );
  });
}
