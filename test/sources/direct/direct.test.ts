import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'gen-event-direct-'));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

describe('direct: the payload is the event', () => {
  it.each([
    ['{"key1":"value1","key2":"value2","key3":"value3"}'],
    ['[1,"two",{"three":3}]'],
    ['"\\"world\\""'],
    ['42'],
    ['true'],
    ['null'],
    ['{"nested":{"deep":{"unicode":"é☕🎉","escapes":"a\\nb\\t\\"q\\""}}}'],
  ])('%s passes through as the same JSON value', async (payload) => {
    const result = await runCli(['direct', '--payload', payload, '--compact']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${JSON.stringify(JSON.parse(payload))}\n`);
  });

  it('the invoke alias, a file and stdin give the same payload', async () => {
    const payload = '{"orderId":42,"items":[{"sku":"A-1"}]}';
    const path = file('payload.json', payload);
    const fromFile = await runCli(['invoke', '--payload', `@${path}`, '--compact']);
    const fromStdin = await runCli(['direct', '--payload', '-', '--compact'], payload);
    expect(fromFile.stdout).toBe(`${payload}\n`);
    expect(fromStdin.stdout).toBe(`${payload}\n`);
  });

  it('pretty output is 2-space indented with a trailing newline', async () => {
    const result = await runCli(['direct', '--payload', '{"a":[1]}']);
    expect(result.stdout).toBe('{\n  "a": [\n    1\n  ]\n}\n');
  });

  it('invalid JSON is an input error that says where it broke', async () => {
    const result = await runCli(['direct', '--payload', '{"a":1,}']);
    expect(result).toEqual({
      status: 1,
      stdout: '',
      stderr: 'gen-event: --payload is not valid JSON at line 1 column 8 (fix the JSON)\n',
    });
    const path = file('broken.json', '{\n  "a": [1, 2\n}');
    const fromFile = await runCli(['direct', '--payload', `@${path}`]);
    expect(fromFile.stderr).toBe(`gen-event: ${path} is not valid JSON at line 3 column 1 (fix the JSON)\n`);
  });

  it('without a payload: a small realistic object, the same for the same seed', async () => {
    const first = await runCli(['direct', '--seed', 'abc']);
    const second = await runCli(['direct', '--seed', 'abc']);
    expect(first.stdout).toBe(second.stdout);
    const payload = JSON.parse(first.stdout) as Record<string, unknown>;
    expect(payload.type).toMatch(/^(OrderPlaced|UserSignedUp|PaymentCaptured|ShipmentDispatched)$/);
  });
});

describe('direct: payloads from a JSON Schema', () => {
  const schema = {
    type: 'object',
    properties: {
      customer: { $ref: '#/$defs/customer' },
      amount: { type: 'number', minimum: 1, maximum: 100 },
      status: { enum: ['new', 'paid'] },
    },
    required: ['customer', 'amount', 'status'],
    additionalProperties: false,
    $defs: {
      customer: {
        type: 'object',
        properties: { id: { type: 'string', format: 'uuid' } },
        required: ['id'],
        additionalProperties: false,
      },
    },
  };

  it('are seeded and follow the schema, local $refs included', async () => {
    const path = file('schema.json', schema);
    const first = await runCli(['direct', '--schema', path, '--seed', '4']);
    const second = await runCli(['direct', '--schema', path, '--seed', '4']);
    const other = await runCli(['direct', '--schema', path, '--seed', '5']);
    expect(first.stdout).toBe(second.stdout);
    expect(first.stdout).not.toBe(other.stdout);
    const payload = JSON.parse(first.stdout) as { customer: { id: string }; amount: number; status: string };
    expect(Object.keys(payload).sort()).toEqual(['amount', 'customer', 'status']);
    expect(payload.customer.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(payload.amount).toBeGreaterThanOrEqual(1);
    expect(payload.amount).toBeLessThanOrEqual(100);
    expect(['new', 'paid']).toContain(payload.status);
  });

  it('a remote $ref is refused and never fetched', async () => {
    const path = file('remote.json', { $ref: 'https://example.com/schemas/order.json' });
    const result = await runCli(['direct', '--schema', path]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `gen-event: --schema has a $ref to 'https://example.com/schemas/order.json', outside the schema (gen-event never fetches schemas; inline it under $defs and use "#/$defs/...")\n`,
    );
  });

  it('a $ref to another file is refused too', async () => {
    const path = file('other.json', { properties: { a: { $ref: './common.json#/a' } } });
    expect((await runCli(['direct', '--schema', path])).status).toBe(2);
  });

  it('an unresolvable local $ref is an input error', async () => {
    const path = file('dangling.json', { $ref: '#/$defs/missing' });
    const result = await runCli(['direct', '--schema', path]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      "gen-event: --schema is not a valid JSON Schema: can't resolve reference #/$defs/missing from id # (fix the schema)\n",
    );
  });

  it('a circular schema is generated to a bounded depth', async () => {
    const path = file('circular.json', {
      $ref: '#/$defs/node',
      $defs: {
        node: {
          type: 'object',
          properties: { child: { $ref: '#/$defs/node' } },
          additionalProperties: false,
        },
      },
    });
    const result = await runCli(['direct', '--schema', path, '--compact', '--seed', '1']);
    expect(result.status).toBe(0);
    expect(result.stdout.length).toBeLessThan(200);
  });

  it('a circular schema no finite value satisfies is refused, not looped on', async () => {
    const path = file('endless.json', {
      $ref: '#/$defs/node',
      $defs: {
        node: { type: 'object', properties: { child: { $ref: '#/$defs/node' } }, required: ['child'] },
      },
    });
    const result = await runCli(['direct', '--schema', path]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^gen-event: --schema cannot be satisfied: no generated value passes it \(.*\) \(check the schema/,
    );
  });

  it.each([
    [{ type: 'integer', minimum: 5, maximum: 1 }, '/ must be <= 1'],
    [{ allOf: [{ type: 'string' }, { type: 'integer' }] }, '/ must be integer'],
    [
      { type: 'object', properties: { a: { type: 'string', minLength: 3, maxLength: 2 } }, required: ['a'] },
      '/a must NOT have more than 2 characters',
    ],
  ])('a schema that cannot be satisfied is refused: %j', async (schema, why) => {
    const path = file(`unsat-${Math.random().toString(36).slice(2)}.json`, schema);
    const result = await runCli(['direct', '--schema', path]);
    expect(result).toEqual({
      status: 1,
      stdout: '',
      stderr: `gen-event: --schema cannot be satisfied: no generated value passes it (${why}) (check the schema for contradictions such as minimum > maximum)\n`,
    });
  });

  it("an invalid schema is refused with the validator's reason", async () => {
    const path = file('typo.json', { type: 'strnig' });
    const result = await runCli(['direct', '--schema', path]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^gen-event: --schema is not a valid JSON Schema: schema is invalid: data\/type must be equal to one of the allowed values/,
    );
  });

  it('--payload and --schema together are refused', async () => {
    const path = file('s.json', { type: 'string' });
    const result = await runCli(['direct', '--payload', '1', '--schema', path]);
    expect(result.status).toBe(2);
  });
});

describe('direct: numbers JavaScript cannot hold exactly', () => {
  it('an integer past 2^53 is written rounded, with a warning that says how to keep it', async () => {
    const result = await runCli([
      'direct',
      '--payload',
      '{"id":12345678901234567890,"ok":9007199254740991}',
      '--compact',
    ]);
    expect(result).toEqual({
      status: 0,
      stdout: '{"id":12345678901234567000,"ok":9007199254740991}\n',
      stderr:
        'gen-event: warning: the payload has an integer past 2^53, written as 12345678901234567000: digits beyond 2^53 are lost (write it as a string to keep every digit)\n',
    });
    expect((await runCli(['direct', '--payload', '{"id":12345678901234567890}', '--strict'])).status).toBe(2);
  });
});
