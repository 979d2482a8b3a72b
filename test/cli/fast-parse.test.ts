import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastParse } from '../../src/cli/fast-parse.js';
import { type ParseResult, parseCommandLine } from '../../src/cli/parser.js';
import { commonOptionTable } from '../../src/core/common-options.js';
import { sources } from '../helpers/sources.js';

/** The fast path as main runs it: with the source the first word names, loaded. */
function fastParseNamed(args: readonly string[]): ParseResult | undefined {
  const source = sources.find((s) => s.name === args[0] || s.aliases.includes(args[0] ?? ''));
  return source && fastParse(args, source);
}

type Outcome = { result: ParseResult } | { error: string };

async function fullParse(args: readonly string[]): Promise<Outcome> {
  try {
    return { result: await parseCommandLine(args) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** The fast path either steps aside or gives exactly what the full yargs parser gives. */
async function expectAgreement(args: readonly string[]): Promise<boolean> {
  const fast = fastParseNamed(args);
  if (fast === undefined) return false;
  expect(await fullParse(args), JSON.stringify(args)).toStrictEqual({ result: fast });
  return true;
}

const ordinaryRuns: string[][] = [
  ['sqs', '--body', 'x'],
  ['sqs'],
  ['sqs', '--body', '{"orderId":42}', '--body', 'b', '--seed', '7', '--compact'],
  ['sqs', '--body=x', '--records=3', '--fifo', '--group-id', 'g-1', '--dedup-id', 'd'],
  ['sqs', '--queue', 'arn:aws:sqs:eu-west-1:123456789012:orders', '--no-fifo', '--trace'],
  ['sqs', '--attribute', 'tenant=acme', '--attribute', 'priority:Number=3', '--receive-count', '0042'],
  ['sqs', '--seed', '-1', '--time', '2025-06-01T12:00:00Z', '--region', 'cn-north-1'],
  ['sqs', '--account-id', '000000000000', '--set', 'Records[0].body=1', '--set', 'a.b="x"'],
  ['sqs', '--merge', '-', '--strict', '--out', 'out/e.json', '--force'],
  ['sqs', '--body', '', '--body', '-', '--body', '@file.json', '--body', '@@literal'],
  ['sqs', '--fifo=false', '--compact=true', '--records', '1e9'],
  ['sqs', '--body', 'ünïcødé ✓', '--seed', 'a word'],
  ['direct', '--payload', '{"a":1}'],
  ['direct'],
  ['invoke', '--schema', 'order.schema.json', '--seed', '1'],
  ['direct', '--payload', '[1,2]', '--set', 'x=1', '--compact'],
  // Values that start with a dash are read as after `=`; `-` alone is still standard input.
  ['apigw-v2', '--query', '-GK=x', '--body', '-x'],
  ['http-api', '--query=-GK=x', '--header', '-X: 1', '--seed', '-7'],
  ['sqs', '--body', '-', '--body', '-x', '--set', '-a=1'],
];

const unusualRuns: string[][] = [
  [],
  ['--help'],
  ['-h'],
  ['--version'],
  ['sqs', '--help'],
  ['sqs', '-h'],
  ['sqs', 'help'],
  ['sqs', '--version'],
  ['list'],
  ['sqss'],
  ['sqs', '--recrods', '2'],
  ['sqs', '--queue'],
  ['sqs', '--body', '--fifo'],
  ['sqs', 'extra'],
  ['sqs', '--', '--body', 'x'],
  ['--seed', '1', 'sqs'],
  ['sqs', '-x'],
  ['sqs', '--payload', '{}'],
  ['direct', '--get-yargs-completions', 'sq'],
  ['sqs', '--no-help'],
  ['sqs', '--body', '--x'],
  ['sqs', '--body', '-h'],
  ['sqs', '--compact=yes'],
  ['sqs', '--no-body'],
  ['sqs', '--no-compact=false'],
  ['sqs', '--constructor'],
  ['sqs', '--__proto__', 'x'],
  ['sqs', '--toString=1'],
  ['nosuch', '--help'],
];

describe('the fast path parses ordinary runs exactly as the full yargs parser does', () => {
  it.each(ordinaryRuns.map((args) => [args.join(' '), args]))('takes and agrees: %s', async (_, args) => {
    expect(await expectAgreement(args)).toBe(true);
  });

  it.each(unusualRuns.map((args) => [args.join(' ') || '(nothing)', args]))(
    'steps aside for help, version, completion, errors and the unusual: %s',
    (_, args) => {
      expect(fastParseNamed(args)).toBeUndefined();
    },
  );

  it('the full parser refuses what the fast path steps aside for', async () => {
    for (const args of [
      ['sqs', '--compact=yes'],
      ['sqs', '--no-body'],
      ['sqs', '--constructor'],
      ['nosuch', '--help'],
    ]) {
      expect(await fullParse(args), args.join(' ')).toHaveProperty('error');
    }
  });

  it('agrees on random argument vectors', async () => {
    const optionNames = [
      ...new Set([
        ...sources.flatMap((source) => Object.keys(source.options)),
        ...Object.keys(commonOptionTable),
      ]),
    ];
    const name = fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...optionNames) },
      { weight: 1, arbitrary: fc.constantFrom('help', 'version', 'h', 'recrods', 'bdy', 'x') },
    );
    const value = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom(
        '-1',
        '0042',
        '1e9',
        'true',
        'false',
        '-',
        '--',
        '-x',
        '-GK=x',
        '--x',
        '@f',
        '@@x',
        '{"a":1}',
        'a=b',
        'help',
      ),
    );
    const token = fc.oneof(
      { weight: 6, arbitrary: fc.tuple(name, value).map(([n, v]) => [`--${n}`, v]) },
      { weight: 2, arbitrary: fc.tuple(name, value).map(([n, v]) => [`--${n}=${v}`]) },
      { weight: 2, arbitrary: name.map((n) => [`--${n}`]) },
      { weight: 1, arbitrary: name.map((n) => [`--no-${n}`]) },
      {
        weight: 1,
        arbitrary: fc.tuple(name, fc.constantFrom('yes', 'TRUE', '1', '')).map(([n, v]) => [`--${n}=${v}`]),
      },
      { weight: 1, arbitrary: fc.constantFrom(['--constructor'], ['--__proto__'], ['--toString=x']) },
      { weight: 1, arbitrary: fc.constantFrom(['-h'], ['-x'], ['-abc'], ['--'], ['-'], ['word']) },
      { weight: 1, arbitrary: value.map((v) => [v]) },
    );
    const command = fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...sources.flatMap((s) => [s.name, ...s.aliases])) },
      { weight: 1, arbitrary: fc.constantFrom('list', 'sqss', 'help', '--seed', '') },
    );
    const argv = fc
      .tuple(command, fc.array(token, { maxLength: 6 }))
      .map(([first, rest]) => [first, ...rest.flat()]);

    let taken = 0;
    await fc.assert(
      fc.asyncProperty(argv, async (args) => {
        if (await expectAgreement(args)) taken += 1;
      }),
      { numRuns: 400 },
    );
    // The property must exercise the fast path itself, not only its stepping aside.
    expect(taken).toBeGreaterThan(40);
  });
});
