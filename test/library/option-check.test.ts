import { describe, expect, it } from 'vitest';
import { commonLibraryOptions, commonOptionTable } from '../../src/core/common-options.js';
import type { Shape } from '../../src/core/option-shapes.js';
import {
  albEvent,
  apigwV1Event,
  apigwV2Event,
  directEvent,
  functionUrlEvent,
  generate,
  generateMany,
  sqsEvent,
  UsageError,
} from '../../src/index.js';
import { sources } from '../helpers/sources.js';

/** Calls a builder as JavaScript would, with whatever it is given. */
type Untyped = (options?: unknown) => Promise<unknown>;
const untyped = (builder: unknown) => builder as Untyped;

async function refusal(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a UsageError');
}

const cycle: Record<string, unknown> = { a: 1 };
cycle.self = { back: cycle };

describe('every public builder checks its options at run time', () => {
  it.each([
    [sqsEvent, { bodies: 'abc' }, `option 'bodies' is text ("abc") (give a list of text)`],
    [sqsEvent, { bodies: ['a', 2] }, `option 'bodies[1]' is the number 2 (give text)`],
    [sqsEvent, { queue: 12345 }, `option 'queue' is the number 12345 (give text)`],
    [
      sqsEvent,
      { receiveCount: 0 },
      `option 'receiveCount' is the number 0 (give a whole number from 1 to 1000000)`,
    ],
    [sqsEvent, { records: Number.NaN }, `option 'records' is NaN (give a whole number from 1 to 10000)`],
    [
      sqsEvent,
      { seed: Number.POSITIVE_INFINITY },
      `option 'seed' is Infinity (give text, or a finite number)`,
    ],
    [
      sqsEvent,
      { time: new Date('not a date') },
      `option 'time' is an invalid Date (give text, or a finite number, or a Date)`,
    ],
    [sqsEvent, { fifo: 'yes' }, `option 'fifo' is text ("yes") (give true or false)`],
    [
      sqsEvent,
      { attributes: { tenant: { dataType: 'String' } } },
      `option 'attributes.tenant' has no value (give an object with dataType, value (value required))`,
    ],
    [sqsEvent, { onWarning: 'stderr' }, `option 'onWarning' is text ("stderr") (give a function)`],
    [
      albEvent,
      { headers: 'X-A: 1' },
      `option 'headers' is text ("X-A: 1") (give an object of names to text or lists of text, or a list of [name, value] pairs)`,
    ],
    [albEvent, { query: [['a']] }, `option 'query[0]' is a list (give a [text, text] pair)`],
    [albEvent, { body: 42 }, `option 'body' is the number 42 (give text, or bytes (a Uint8Array or Buffer))`],
    [
      apigwV1Event,
      { endpoint: 'edgy' },
      `option 'endpoint' is text ("edgy") (give one of 'edge', 'regional')`,
    ],
    [
      apigwV2Event,
      { authorizer: 'lambda', authorizerContext: { tier: 1n } },
      `option 'authorizerContext.tier' is a BigInt (give JSON data (null, true/false, finite numbers, text, lists and plain objects))`,
    ],
    [functionUrlEvent, { auth: 'AWS_IAM' }, `option 'auth' is text ("AWS_IAM") (give one of 'none', 'iam')`],
    [
      sqsEvent,
      { override: { Records: [{ body: 10n }] } },
      `option 'override.Records[0].body' is a BigInt (give JSON data (null, true/false, finite numbers, text, lists and plain objects))`,
    ],
    [
      sqsEvent,
      { override: cycle },
      `option 'override.self.back' refers back to an object that contains it (a cycle) (give data without cycles)`,
    ],
    [
      directEvent,
      { payload: { run: () => 1 } },
      `option 'payload.run' is a function (give JSON data (null, true/false, finite numbers, text, lists and plain objects))`,
    ],
    [
      directEvent,
      { schema: new Map() },
      `option 'schema' is an object of a class (give JSON data (null, true/false, finite numbers, text, lists and plain objects))`,
    ],
    [sqsEvent, null, 'the options of sqs are null (give an object such as { seed: 1 })'],
  ])('%o refuses %o', async (builder, options, message) => {
    expect(await refusal(untyped(builder)(options))).toBe(message);
  });

  it('names unknown options with the closest library name', async () => {
    expect(await refusal(untyped(sqsEvent)({ recrods: 2 }))).toBe(
      "unknown option 'recrods' for sqs (did you mean 'records'?)",
    );
    // The CLI's spelling is not the library's.
    expect(await refusal(untyped(sqsEvent)({ 'group-id': 'g' }))).toBe(
      "unknown option 'group-id' for sqs (did you mean 'groupId'?)",
    );
    expect(await refusal(untyped(sqsEvent)({ attributes: { a: { vaule: 'x' } } }))).toBe(
      "unknown option 'vaule' in 'attributes.a' (did you mean 'value'?)",
    );
  });

  it('treats prototype names as unknown options, never as the object machinery', async () => {
    for (const options of [
      JSON.parse('{"__proto__":{"bodies":["x"]}}'),
      { constructor: 1 },
      { toString: 'x' },
    ]) {
      expect(await refusal(untyped(sqsEvent)(options))).toMatch(
        /^unknown option '(__proto__|constructor|toString)' for sqs \(use bodies, records, /,
      );
    }
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it('checks generate, generateMany and its count too', async () => {
    expect(await refusal(generate('sqs', { queue: 1 } as never))).toBe(
      "option 'queue' is the number 1 (give text)",
    );
    expect(await refusal(generate(7 as never))).toBe("unknown source '7' (see gen-event list)");
    expect(await refusal(generateMany('sqs', 'x' as never).next())).toBe(
      `option 'count' is text ("x") (give a whole number from 0 to ${Number.MAX_SAFE_INTEGER})`,
    );
    expect(await refusal(generateMany('direct', 2, { payload: 1n } as never).next())).toMatch(
      /^option 'payload' is a BigInt/,
    );
  });

  it('lets through what the types allow, and undefined as "not given"', async () => {
    const event = await sqsEvent({
      bodies: ['a'],
      queue: undefined,
      attributes: { n: { dataType: 'Number', value: '3' }, s: 'x' },
      time: new Date(Date.UTC(2025, 5, 1)),
      onWarning: () => {},
      seed: 2,
    });
    expect(event.Records[0]?.body).toBe('a');
    const alb = await albEvent({
      body: Buffer.from([0xff, 0x00]),
      query: [['a', '1']],
      headers: { X: ['1', '2'] },
    });
    expect(alb.isBase64Encoded).toBe(true);
  });

  it('data nested far deeper than the call stack is checked without overflowing', async () => {
    let deep: unknown = 1n;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const message = await refusal(untyped(directEvent)({ payload: deep }));
    expect(message).toMatch(/^option 'payload(\[0\]){200000}' is a BigInt/);
  });
});

describe('every source describes its library options', () => {
  it.each(sources.map((source) => [source.name, source]))(
    '%s: a table with a shape per option',
    (_, source) => {
      const names = Object.keys(source.libraryOptions);
      expect(names.length).toBeGreaterThan(1);
      for (const shape of Object.values(source.libraryOptions as Record<string, Shape<unknown>>))
        expect(typeof shape.read).toBe('function');
      // The common options are described once, not again by a source.
      expect(names.filter((name) => Object.hasOwn(commonLibraryOptions, name))).toEqual([]);
    },
  );

  it('the common table names each common CLI option that reaches the engine', () => {
    expect(Object.keys(commonLibraryOptions)).toEqual([
      'seed',
      'time',
      'region',
      'accountId',
      'onWarning',
      'set',
      'override',
      'strict',
    ]);
    expect(Object.keys(commonOptionTable)).toContain('merge'); // the CLI's name for override
  });
});
