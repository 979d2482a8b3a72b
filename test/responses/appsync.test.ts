import { beforeAll, describe, expect, test } from 'vitest';
import { ProblemList } from '../../src/check/problems.js';
import { appsyncEvent } from '../../src/index.js';
import { appsyncResponseChecker } from '../../src/sources/appsync/response.js';

type Event = Record<string, unknown>;
const events: Record<string, Event | undefined> = {};

beforeAll(async () => {
  // getPost selects subfields (an object type); likeCount selects none (a scalar).
  events.object = (await appsyncEvent({ field: 'getPost', seed: 1 })) as unknown as Event;
  events.scalar = (await appsyncEvent({
    parentType: 'Post',
    field: 'likeCount',
    seed: 1,
  })) as unknown as Event;
  events.batch = (await appsyncEvent({
    parentType: 'Post',
    field: 'author',
    batch: 3,
    seed: 1,
  })) as unknown as Event;
  events.none = undefined;
});

function problemsOf(response: unknown, event: Event | undefined) {
  const problems = new ProblemList();
  appsyncResponseChecker.check(response, event, problems);
  return problems.problems.map(({ path, message }) => ({ path, message }));
}

describe('appsync response checker', () => {
  test('is for the appsync source, and judges more with the event', () => {
    expect(appsyncResponseChecker.source).toBe('appsync');
    expect(appsyncResponseChecker.event).toBe('optional');
  });

  const accepted: [string, string, unknown][] = [
    [
      'an object for an object field',
      'object',
      { id: '1', title: 'Hello', author: { id: '2', username: 'jane' } },
    ],
    ['null for a nullable field', 'object', null],
    ['nothing returned (null)', 'object', undefined],
    ['a list of objects for a list field', 'object', [{ id: '1' }, null, { id: '2' }]],
    ['a number for a scalar field', 'scalar', 42],
    ['a list of scalars', 'scalar', ['a', 'b']],
    ['any JSON without the event', 'none', { anything: [1, 'two', { three: true }] }],
    ['a batch answer of values', 'batch', [{ id: '1', username: 'a' }, { id: '2', username: 'b' }, null]],
    [
      'a batch answer with a per-item error',
      'batch',
      [
        { id: '1', username: 'a' },
        { data: null, errorMessage: 'Author 7 not found', errorType: 'NotFound' },
        {
          data: { id: '3', username: 'c' },
          errorMessage: 'partial',
          errorType: null,
          errorInfo: { retry: false },
        },
      ],
    ],
  ];
  test.each(accepted)('accepts %s', (_what, event, response) => {
    expect(problemsOf(response, events[event])).toEqual([]);
  });

  const rejected: [string, string, unknown, { path: string; message: string }[]][] = [
    [
      'a batch answered with one object',
      'batch',
      { id: '1' },
      [
        {
          path: '(response)',
          message: 'a batch invoke is answered with an array of 3 item(s), one per event in order',
        },
      ],
    ],
    [
      'a batch answer one item short',
      'batch',
      [{ id: '1' }, { id: '2' }],
      [{ path: '(response)', message: 'the answer has 2 item(s) for a batch of 3: one per event, in order' }],
    ],
    [
      'a batch answer of nothing',
      'batch',
      undefined,
      [
        {
          path: '(response)',
          message: 'a batch invoke is answered with an array of 3 item(s), one per event in order',
        },
      ],
    ],
    [
      'a per-item error without its message',
      'batch',
      [{ id: '1' }, { data: null, errorType: 'NotFound' }, { id: '3' }],
      [
        {
          path: '[1].errorMessage',
          message: "an item's errorMessage is the GraphQL error's message: non-empty text",
        },
      ],
    ],
    [
      'a per-item error with other keys',
      'batch',
      [{ id: '1' }, { errorMessage: 'x', errorType: 'E', stack: 'at f()' }, { id: '3' }],
      [
        {
          path: '[1].stack',
          message: 'an item that fails has only data, errorMessage, errorType and errorInfo',
        },
      ],
    ],
    [
      'a per-item errorType that is not text',
      'batch',
      [{ id: '1' }, { errorMessage: 'x', errorType: 404 }, { id: '3' }],
      [{ path: '[1].errorType', message: 'errorType is text (or null)' }],
    ],
    [
      'a scalar item for an object field',
      'batch',
      [{ id: '1' }, 'jane', { id: '3' }],
      [
        {
          path: '[1]',
          message:
            'the query selects subfields, so the field is an object type: the answer is an object, a list of objects or null',
        },
      ],
    ],
    [
      'an object for a scalar field',
      'scalar',
      { count: 42 },
      [
        {
          path: '(response)',
          message:
            'the query selects no subfields, so the field is a scalar: the answer is a scalar or a list of scalars, not an object',
        },
      ],
    ],
    [
      'an error object returned from a plain invoke',
      'object',
      { errorMessage: 'Post not found', errorType: 'NotFound' },
      [
        {
          path: '(response)',
          message:
            "a plain invoke's answer is the field's value, so {errorMessage, errorType} reaches the client as data: throw to fail the field",
        },
      ],
    ],
    [
      'a function in the answer',
      'none',
      { id: '1', toString: () => 'x' },
      [
        {
          path: 'toString',
          message: 'the answer is sent as JSON, and a function is dropped: return JSON values only',
        },
      ],
    ],
    [
      'NaN deep in the answer',
      'none',
      { items: [{ score: Number.NaN }] },
      [
        {
          path: 'items[0].score',
          message: 'the answer is sent as JSON, and NaN becomes null: return JSON values only',
        },
      ],
    ],
    [
      'a BigInt',
      'none',
      [1n],
      [
        {
          path: '[0]',
          message: 'the answer is sent as JSON, and a BigInt cannot be serialised: return JSON values only',
        },
      ],
    ],
    [
      'an answer over 6 MB',
      'none',
      { body: 'x'.repeat(6_291_556) },
      [
        {
          path: '(response)',
          message:
            "the response is 6291567 bytes of JSON, over Lambda's 6 MB response limit (the field fails)",
        },
      ],
    ],
  ];
  test.each(rejected)('rejects %s', (_what, event, response, expected) => {
    expect(problemsOf(response, events[event])).toEqual(expected);
  });
});
