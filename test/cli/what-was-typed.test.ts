import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../helpers/cli.js';

/** Runs the CLI and expects a usage error with exactly this line. */
async function refused(args: string[], line: string, status = 2): Promise<void> {
  const result = await runCli(args);
  expect(result.stderr, args.join(' ')).toBe(`gen-event: ${line}\n`);
  expect(result.status).toBe(status);
  expect(result.stdout).toBe('');
}

// biome-ignore lint/suspicious/noExplicitAny: events are read field by field in these tests
async function event(args: string[]): Promise<Record<string, any>> {
  const result = await runCli([...args, '--seed', '1', '--compact']);
  expect(result.stderr, args.join(' ')).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout);
}

describe('a switch given a value, and --no- before an option that takes one', () => {
  it.each([
    [['sqs', '--compact=yes'], '--compact is a switch and takes no value (write --compact or --no-compact)'],
    [['sqs', '--trace=maybe'], '--trace is a switch and takes no value (write --trace or --no-trace)'],
    [['sqs', '--fifo=TRUE'], '--fifo is a switch and takes no value (write --fifo or --no-fifo)'],
    [['sqs', '--no-compact=yes'], '--no-compact takes no value (write --no-compact)'],
    [
      ['sqs', '--no-body'],
      '--no-body is not an option: --body is not a switch (give --body <text|@file|->, or leave it out for its default)',
    ],
    [
      ['sqs', '--body', 'a', '--no-body'],
      '--no-body is not an option: --body is not a switch (give --body <text|@file|->, or leave it out for its default)',
    ],
    [
      ['sqs', '--no-seed'],
      '--no-seed is not an option: --seed is not a switch (give --seed <int|string>, or leave it out for its default)',
    ],
    [
      ['sqs', '--no-records'],
      '--no-records is not an option: --records is not a switch (give --records <n>, or leave it out for its default)',
    ],
  ])('%j is refused', async (args, line) => {
    await refused(args, line);
  });

  it('--no-out never writes a file named false', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'gen-event-no-out-'));
    const result = spawnCli(['sqs', '--no-out'], { cwd });
    expect(result.stderr).toBe(
      'gen-event: --no-out is not an option: --out is not a switch (give --out <file|dir/>, or leave it out for its default)\n',
    );
    expect(result.status).toBe(2);
    expect(readdirSync(cwd)).toEqual([]);
    rmSync(cwd, { recursive: true });
  });

  it('true and false are still a switch spelt out, and --no-<switch> still works', async () => {
    expect(Object.keys((await event(['sqs', '--fifo=true'])).Records[0].attributes)).toContain(
      'MessageGroupId',
    );
    expect(
      Object.keys((await event(['sqs', '--fifo=false', '--no-trace'])).Records[0].attributes),
    ).not.toContain('MessageGroupId');
  });
});

describe('option names that are properties of every object', () => {
  it.each([
    [['sqs', '--constructor'], 'unknown option --constructor for sqs (run gen-event sqs --help)'],
    [['sqs', '--__proto__', 'x'], 'unknown option --__proto__ for sqs (run gen-event sqs --help)'],
    [['sqs', '--toString=x'], 'unknown option --toString for sqs (run gen-event sqs --help)'],
    [['alb', '--no-hasOwnProperty'], 'unknown option --no-hasOwnProperty for alb (run gen-event alb --help)'],
    [['--valueOf'], 'unknown option --valueOf (run gen-event --help)'],
  ])('%j gets the unknown-option message', async (args, line) => {
    await refused(args, line);
  });
});

describe('an unknown source with --help or --version is an error, not the general help', () => {
  it.each([
    [['nosuch', '--help'], "unknown source 'nosuch' (run gen-event list to see them)"],
    [['--help', 'sqss'], "unknown source 'sqss' (did you mean sqs?)"],
    [['nosuch', '--version'], "unknown source 'nosuch' (run gen-event list to see them)"],
  ])('%j', async (args, line) => {
    await refused(args, line);
  });
});

describe('--set says what it cannot do', () => {
  it.each([
    [
      'Records[5].body=1',
      "--set path 'Records[5].body' has the index 5, but Records has 1 element (use an index from 0 to 1 (1 adds an element))",
    ],
    [
      'Records[99999999].body=1',
      "--set path 'Records[99999999].body' has the index 99999999, but Records has 1 element (use an index from 0 to 1 (1 adds an element))",
    ],
    [
      'Records.size=1',
      "--set path 'Records.size' names the field 'size' of Records, which is a list (use an index, as in Records[0])",
    ],
    [
      'Records[0]["a\\q"]=1',
      `--set 'Records[0]["a\\q"]=1' has a bad escape in ["a\\q"] (inside ["..."] write \\" for a quote and \\\\ for a backslash)`,
    ],
  ])('--set %s', async (set, line) => {
    await refused(['sqs', '--body', 'x', '--set', set], line);
  });

  it('quoted keys hold ], = and dots', async () => {
    const record = (await event(['sqs', '--body', 'x', '--set', 'Records[0]["a]=b.c"]=1'])).Records[0];
    expect(record['a]=b.c']).toBe(1);
    const added = await event(['sqs', '--body', 'x', '--set', 'Records[1]={"body":"y"}']);
    expect(added.Records.map((r: { body: string }) => r.body)).toEqual(['x', 'y']);
  });
});

describe('keys named like object machinery stay ordinary keys of the event', () => {
  it('message attributes', async () => {
    const names = ['__proto__', 'constructor', 'toString'];
    const e = await event(['sqs', ...names.flatMap((n) => ['--attribute', `${n}=v`])]);
    expect(Object.keys(e.Records[0].messageAttributes)).toEqual(names);
  });

  it('path parameters of REST resources and HTTP API routes', async () => {
    const rest = await event(['rest', '--resource', '/a/{__proto__}/{toString}', '--path', '/a/x/y']);
    expect(JSON.stringify(rest.pathParameters)).toBe('{"__proto__":"x","toString":"y"}');
    const http = await event(['http-api', '--route', 'GET /a/{__proto__}', '--path', '/a/x']);
    expect(JSON.stringify(http.pathParameters)).toBe('{"__proto__":"x"}');
  });

  it('stage variables, claims and authorizer context', async () => {
    const rest = await event([
      'rest',
      '--stage-variable',
      '__proto__=s',
      '--authorizer',
      'cognito',
      '--claim',
      '__proto__=c',
    ]);
    expect(JSON.stringify(rest.stageVariables)).toBe('{"__proto__":"s"}');
    expect(Object.hasOwn(rest.requestContext.authorizer.claims, '__proto__')).toBe(true);
    const http = await event(['http-api', '--authorizer', 'lambda', '--authorizer-context', '__proto__=1']);
    expect(JSON.stringify(http.requestContext.authorizer)).toBe('{"lambda":{"__proto__":"1"}}');
  });

  it('headers, query and payload keys', async () => {
    const alb = await event(['alb', '--header', '__proto__: h', '--query', 'constructor=q']);
    expect(Object.hasOwn(alb.headers, '__proto__')).toBe(true);
    expect(alb.queryStringParameters).toEqual({ constructor: 'q' });
    const direct = await event(['direct', '--payload', '{"__proto__":{"a":1},"toString":2}']);
    expect(JSON.stringify(direct)).toBe('{"__proto__":{"a":1},"toString":2}');
  });

  it('a schema property named __proto__ is refused: the generator could never produce it', async () => {
    const result = await runCli(
      ['direct', '--schema', '-'],
      '{"type":"object","properties":{"__proto__":{"const":1}}}',
    );
    expect(result.stderr).toBe(
      "gen-event: --schema has a property named '__proto__', which generated values cannot hold (rename the property, or give the value itself with --payload)\n",
    );
    expect(result.status).toBe(2);
  });
});

describe('values the service would refuse', () => {
  const rule = 'SQS numbers have at most 38 significant digits and lie between 10^-128 and 10^+126';
  it.each([
    [
      ['--fifo', '--group-id', 'café'],
      '--group-id has a character SQS refuses (a MessageGroupId has 1 to 128 ASCII letters, digits and punctuation, without spaces)',
    ],
    [
      ['--fifo', '--dedup-id', 'a b'],
      '--dedup-id has a character SQS refuses (a MessageDeduplicationId has 1 to 128 ASCII letters, digits and punctuation, without spaces)',
    ],
    [
      ['--fifo', '--dedup-id', 'x'.repeat(129)],
      '--dedup-id is 129 characters (a MessageDeduplicationId has 1 to 128 ASCII letters, digits and punctuation, without spaces)',
    ],
    [['--attribute', 'n:Number=1e126'], `Number attribute 'n' is 1e126, outside what SQS holds (${rule})`],
    [['--attribute', 'n:Number=1e-129'], `Number attribute 'n' is 1e-129, outside what SQS holds (${rule})`],
    [
      ['--attribute', `n:Number=${'9'.repeat(39)}`],
      `Number attribute 'n' has 39 significant digits (${rule})`,
    ],
    [
      ['--attribute', 's=a\u0001b'],
      "String attribute 's' has a character SQS refuses (SQS takes tab, line breaks and printable Unicode, no other control characters)",
    ],
  ])('sqs %j', async (args, line) => {
    await refused(['sqs', ...args], line);
  });

  it('numbers SQS holds pass as typed', async () => {
    const e = await event([
      'sqs',
      '--attribute',
      `n:Number=-${'9'.repeat(38)}000e10`,
      '--attribute',
      'm:Number=1e-128',
    ]);
    expect(e.Records[0].messageAttributes.n.stringValue).toBe(`-${'9'.repeat(38)}000e10`);
  });

  it('a header value with a control character', async () => {
    await refused(
      ['alb', '--header', 'X-A: a\u0007b'],
      '--header X-A has the control character "\\u0007" in its value (HTTP allows tab but no other control character in a header: give the value on one line)',
    );
    expect((await event(['alb', '--header', 'X-A: a\tb'])).headers['x-a']).toBe('a\tb');
  });
});

describe('every --time message fits what is wrong', () => {
  it.each([
    [
      '2025-06-01T12:00:00+25:00',
      'has the offset +25:00, which is not a time zone (give Z or an offset from -23:59 to +23:59, such as +02:00)',
    ],
    [
      '2016-12-31T23:59:60Z',
      'has a leap second (AWS timestamps have no leap seconds: use :59, or the next minute)',
    ],
    [
      '2025-06-01T24:00:00Z',
      'is not a time of day (hours go from 00 to 23, minutes and seconds from 00 to 59)',
    ],
    ['2025-02-30', 'is not a real date (check the day and month)'],
  ])('%s', async (time, line) => {
    await refused(['sqs', '--time', time], `--time '${time}' ${line}`);
  });
});
