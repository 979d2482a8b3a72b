import { spawn } from 'node:child_process';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commonLibraryOptions, commonOptionTable } from '../../src/core/common-options.js';
import { generate, InputError, UsageError } from '../../src/index.js';
import { binPath, runCli } from '../helpers/cli.js';
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
/** A file whose contents each run draws: random JSON-ish text, deep nesting or a size around the limits. */
const drawnFile = join(inputs, 'drawn.json');
const danglingOut = join(work, 'dangling-out');
symlinkSync('nowhere', danglingOut);

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
  danglingOut,
];

/** What drawn.json holds in one run: JSON text, nesting past the limit, or an input just over a small --max-input. */
const drawnContents = fc.oneof(
  fc.json({ maxDepth: 4 }),
  fc.integer({ min: 990, max: 1010 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
  fc.integer({ min: 1, max: 3000 }).map((length) => 'x'.repeat(length)),
);

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
  // Files that are not ordinary: endless, empty, a link to nowhere, drawn contents (see drawnContents).
  fc.constantFrom('@/dev/zero', '@/dev/null', `@${danglingOut}`, `@${drawnFile}`, drawnFile),
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
    ['--max-input', '1000'],
    ['--max-input', '0'],
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
        drawnContents,
        async ([command, options], stdin, bytes, drawn) => {
          writeFileSync(randomFile, Buffer.from(bytes));
          writeFileSync(drawnFile, drawn);
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
          expect(lstatSync(danglingOut).isSymbolicLink(), where).toBe(true);
          expect(readlinkSync(danglingOut), where).toBe('nowhere');
        },
      ),
      { numRuns: 1500, seed: 20261121 },
    );
    // The last run may have written its --out target; anything else left in the folder is a stray write.
    rmSync(outputs, { recursive: true, force: true });
    writeFileSync(randomFile, '');
    writeFileSync(drawnFile, '');
    const after = contents(inputs);
    before['random.txt'] = '';
    before['drawn.json'] = '';
    expect(after).toEqual(before);
    expect(readdirSync(work).sort()).toEqual(['dangling-out', 'inputs']);
  }, 360_000);
});

/** Every file under a folder, temporary ones (dot files) included. */
function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) =>
    statSync(join(dir, name)).isFile(),
  );
}

describe('fuzz: a signal at a random moment of a write', () => {
  const writes = fc.constantFrom(
    ['sqs', '--count', '20000', '--out', 'events/'],
    ['alb', '--count', '20000', '--out', 'events/', '--name', 'a/{n}/event.json'],
    ['sqs', '--count', '3000000', '--ndjson', '--out', 'load.ndjson'],
    ['direct', '--count', '20000', '--out', 'events/', '--compact'],
    ['seed', 'recipe.json'],
  );
  it('ends with 0 or 128 + the signal, leaves only whole files and no temporary file', async () => {
    const fixtures = Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`f${i}`, { source: 'sqs' }]));
    await fc.assert(
      fc.asyncProperty(
        writes,
        fc.constantFrom('SIGINT', 'SIGTERM', 'SIGHUP' as const),
        fc.integer({ min: 0, max: 2500 }),
        async (args, signal, delay) => {
          const dir = mkdtempSync(join(work, 'signal-'));
          writeFileSync(join(dir, 'recipe.json'), JSON.stringify({ out: 'fixtures', fixtures }));
          const child = spawn(process.execPath, [binPath, ...args], { cwd: dir });
          let stderr = '';
          child.stderr.on('data', (chunk) => {
            stderr += chunk;
          });
          const ended = new Promise<[number | null, string | null]>((resolve) =>
            child.on('close', (status, killedBy) => resolve([status, killedBy])),
          );
          await new Promise((resolve) => setTimeout(resolve, delay));
          child.kill(signal);
          const [status, killedBy] = await ended;
          const where = `${args.join(' ')} / ${signal} after ${delay} ms: ${status} ${killedBy} ${stderr}`;
          const statuses = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
          // Killed by the signal itself when it came before the write began (nothing to clean up).
          expect(status === 0 || status === statuses[signal] || killedBy === signal, where).toBe(true);
          if (status === statuses[signal]) expect(stderr, where).toMatch(/^gen-event: [^\n]+\n$/);
          const files = allFiles(dir).filter((name) => name !== 'recipe.json');
          expect(
            files.filter((name) => name.split('/').some((part) => part.startsWith('.'))),
            where,
          ).toEqual([]);
          for (const name of files) {
            const text = readFileSync(join(dir, name), 'utf8');
            for (const line of name.endsWith('.ndjson') ? text.trimEnd().split('\n') : [text])
              expect(() => JSON.parse(line), where).not.toThrow();
          }
          rmSync(dir, { recursive: true, force: true });
        },
      ),
      { numRuns: 12, seed: 20261202 },
    );
  }, 240_000);
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
