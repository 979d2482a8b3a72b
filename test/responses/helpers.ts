import { expect, it } from 'vitest';
import { ProblemList } from '../../src/check/problems.js';
import type { ResponseChecker } from '../../src/check/response-checker.js';

/** Runs a response checker as check-response does. */
export function judge(checker: ResponseChecker, response: unknown, event?: object): ProblemList {
  const problems = new ProblemList();
  checker.check(response, event as Record<string, unknown> | undefined, problems);
  return problems;
}

/** A response shape the service documents, and the event it answers (when the rule needs one). */
export type Right = readonly [what: string, response: unknown, event?: object];

/** A wrong response, the event it answers (or undefined), and every problem expected as [path, message]. */
export type Wrong = readonly [
  what: string,
  response: unknown,
  event: object | undefined,
  problems: readonly (readonly [string, string])[],
];

/** Every documented shape passes with zero problems. */
export function testRightResponses(checker: ResponseChecker, rows: readonly Right[]): void {
  it.each(rows.map((row) => [row[0], row] as const))('accepts %s', (_what, [, response, event]) => {
    expect(judge(checker, response, event).problems).toStrictEqual([]);
  });
}

/** Each wrong response gives exactly the problems listed, at their paths, with their messages. */
export function testWrongResponses(checker: ResponseChecker, rows: readonly Wrong[]): void {
  it('has at least five wrong responses', () => {
    expect(rows.length).toBeGreaterThanOrEqual(5);
  });
  it.each(rows.map((row) => [row[0], row] as const))('rejects %s', (_what, [, response, event, expected]) => {
    const { problems } = judge(checker, response, event);
    expect(problems.map((p) => [p.path, p.message])).toStrictEqual(expected.map((pair) => [...pair]));
  });
}
