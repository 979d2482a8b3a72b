import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commonLibraryOptions, commonOptionTable } from '../../src/core/common-options.js';
import { generate, InputError, UsageError } from '../../src/index.js';
import { runCli } from '../helpers/cli.js';
import { sources } from '../helpers/sources.js';

const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();
const work = mkdtempSync(join(tmpdir(), 'gen-event-fuzz-'));
const inputs = join(work, 'inputs');
const outputs = join(work, 'out');
mkdirSync(inputs);
writeFileSync(
  join(inputs, 'schema.json'),
  '{"type":"object","properties":{"id":{"type":"integer"}},"required":["id"]}',
);
writeFileSync(join(inputs, 'event.json'), '{"Records":[{"body":"patched"}]}');
const randomFile = join(inputs, 'random.txt');

/** Everything in a folder with its bytes: what must not change. */
function contents(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isFile()) out[name] = readFileSync(path, 'latin1');
  }
  return out;
}

const allOptions = [
  ...new Set([...sources.flatMap((s) => Object.keys(s.options)), ...Object.keys(commonOptionTable)]),
];
const outTargets = [
  join(outputs, 'event.json'),
  `${outputs}/`,
  join(outputs, 'sub', 'events.ndjson'),
  outputs,
];

const value = fc.oneof(
  fc.constantFrom(
    '0',
    '1',
    '3',
    '11',
    '-1',
    '1e9',
    'abc',
    '',
    '-',
    '10001',
    'true',
    '2025-01-01T00:00:00Z',
    '1700000000000',
  ),
  fc.constantFrom(
    '{"a":1}',
    '[1,2',
    'null',
    '"x"',
    '{"__proto__":{"p":1}}',
    'a=b',
    'x:Number=1',
    'b:Binary=3q2+7w==',
    'AWS.x=1',
  ),
  fc.constantFrom(
    `@${randomFile}`,
    `@${join(inputs, 'schema.json')}`,
    `@${join(inputs, 'event.json')}`,
    '@missing',
    `@${inputs}`,
  ),
  fc.constantFrom(
    'Records[0].body=1',
    '__proto__.p=1',
    'a[x]=1',
    '=1',
    'constructor=1',
    'orders.fifo',
    'arn:aws:sqs:eu-west-1:123456789012:q',
  ),
  fc.string({ maxLength: 12 }),
);

const option = fc.oneof(
  fc
    .tuple(fc.constantFrom(...allOptions.filter((o) => o !== 'out')), value)
    .map(([name, v]) => [`--${name}`, v]),
  fc.constantFrom(...allOptions.map((o) => [`--${o}`])),
  fc.constantFrom(...outTargets).map((target) => ['--out', target]),
  fc.constantFrom(
    ['--bdy', 'x'],
    ['-x'],
    ['--'],
    ['extra-positional'],
    ['--no-fifo'],
    ['--count=2'],
    ['--seed=1'],
    ['--compact=yes'],
    ['--no-body'],
    ['--no-out'],
    ['--constructor'],
    ['--__proto__', 'x'],
    ['--set', 'Records[99999999].body=1'],
    ['--set', 'a["b\\q"]=1'],
    ['--set', 'x["a]=b"]=1'],
    ['--attribute', '__proto__=x'],
  ),
);

const argv = fc.tuple(
  fc.constantFrom(...sources.flatMap((s) => [s.name, ...s.aliases]), 'sqss', 'list'),
  fc.array(option, { maxLength: 6 }),
);

describe('fuzz: random argument vectors and file contents', () => {
  it('always end in valid JSON with status 0, or one error line with status 1 or 2', async () => {
    const before = contents(inputs);
    await fc.assert(
      fc.asyncProperty(
        argv,
        fc.string({ maxLength: 200 }),
        fc.uint8Array({ maxLength: 64 }),
        async ([command, options], stdin, bytes) => {
          writeFileSync(randomFile, Buffer.from(bytes));
          rmSync(outputs, { recursive: true, force: true });
          const args = [command, ...options.flat()];
          const result = await runCli(args, stdin);
          const where = JSON.stringify(args);
          expect([0, 1, 2], where).toContain(result.status);
          if (result.status === 0) {
            if (command === 'list') return;
            const lines = result.stdout.split('\n').filter((line) => line.length > 0);
            if (args.includes('--help')) return;
            const written = args.includes('--out');
            if (!written) expect(lines.length, where).toBeGreaterThan(0);
            const text = args.includes('--ndjson') ? lines : [result.stdout];
            for (const line of written ? [] : text) expect(() => JSON.parse(line), where).not.toThrow();
          } else {
            expect(result.stdout, where).toBe('');
            expect(result.stderr, where).toMatch(/^gen-event: [^\n]+\n$/);
          }
          expect(Object.keys(Object.prototype), where).toEqual([]);
          expect(({} as Record<string, unknown>).p, where).toBeUndefined();
        },
      ),
      { numRuns: 1500, seed: 20261121 },
    );
    // The last run may have written its --out target; anything else left in the folder is a stray write.
    rmSync(outputs, { recursive: true, force: true });
    writeFileSync(randomFile, '');
    const after = contents(inputs);
    before['random.txt'] = '';
    expect(after).toEqual(before);
    expect(readdirSync(work).sort()).toEqual(['inputs']);
  }, 180_000);
});

/** Library option objects a caller without TypeScript might pass: wrong types, cycles, BigInt, prototype keys. */
const libraryNames = [
  ...new Set([
    ...sources.flatMap((s) => Object.keys(s.libraryOptions)),
    ...Object.keys(commonLibraryOptions),
  ]),
];
const cyclic = (): unknown => {
  const node: Record<string, unknown> = { a: [1] };
  (node.a as unknown[]).push(node);
  return node;
};
const oddValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(
      'abc',
      '',
      'X-A: 1',
      12345,
      0,
      -1,
      1.5,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      10n,
      true,
      null,
      undefined,
      () => 1,
      Symbol('s'),
      new Date('x'),
      new Date(1_750_000_000_000),
      new Map(),
      Buffer.from('hi'),
      'orders.fifo',
      'none',
      'iam',
      '2025-06-01T12:00:00Z',
    ),
    fc.constant(null).map(cyclic),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(
      fc.constantFrom('__proto__', 'constructor', 'toString', 'value', 'dataType', 'a', 'Records'),
      tie('value'),
      { maxKeys: 3 },
    ),
  ),
})).value;
const optionObject = fc
  .array(
    fc.tuple(
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...libraryNames) },
        { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'bodys', 'body') },
      ),
      oddValue,
    ),
    { maxLength: 4 },
  )
  .map((entries) => {
    const options: Record<string, unknown> = {};
    for (const [key, value] of entries) {
      Object.defineProperty(options, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return options;
  });

describe('fuzz: random library option objects', () => {
  it('end in a UsageError, an InputError or a valid event, and never touch Object.prototype', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...sources.map((s) => s.name)),
        optionObject,
        async (source, options) => {
          try {
            const event = await generate(source as 'sqs', { ...options, seed: 1 } as never);
            expect(() => JSON.stringify(event)).not.toThrow();
          } catch (error) {
            if (!(error instanceof UsageError || error instanceof InputError)) throw error;
            expect(error.message).toMatch(/^[^\n]+ \([^\n]+\)$/);
          }
          expect(Object.keys(Object.prototype)).toEqual([]);
          expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
          expect(({} as Record<string, unknown>).value).toBeUndefined();
        },
      ),
      { numRuns: 1500, seed: 20261202 },
    );
  }, 120_000);
});
