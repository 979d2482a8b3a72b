import { SqsSchema } from '@aws-lambda-powertools/parser/schemas';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { checkEvent } from '../../../src/check/registry.js';
import { md5OfBody } from '../../../src/sources/sqs/digests.js';
import { runCli } from '../../helpers/cli.js';

async function sqs(args: string[], stdin = ''): Promise<SQSEvent> {
  const result = await runCli(['sqs', ...args], stdin);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as SQSEvent;
}

function firstRecord(event: SQSEvent): SQSRecord {
  const record = event.Records[0];
  if (!record) throw new Error('no record');
  return record;
}

const STANDARD_ATTRIBUTE_KEYS = [
  'ApproximateReceiveCount',
  'SentTimestamp',
  'SenderId',
  'ApproximateFirstReceiveTimestamp',
];
const FIFO_ATTRIBUTE_KEYS = [
  'ApproximateReceiveCount',
  'SentTimestamp',
  'SequenceNumber',
  'MessageGroupId',
  'SenderId',
  'MessageDeduplicationId',
  'ApproximateFirstReceiveTimestamp',
];

describe('sqs: every event of a matrix of flags and seeds is valid', () => {
  const flagSets: string[][] = [
    [],
    ['--body', 'hello'],
    ['--records', '7'],
    ['--fifo', '--records', '10'],
    ['--queue', 'billing.fifo', '--body', 'a', '--body', 'b'],
    [
      '--attribute',
      'tenant=acme',
      '--attribute',
      'priority:Number=3',
      '--attribute',
      'thumb:Binary=3q2+7w==',
    ],
    ['--attribute', 'price:Number.float=9.5', '--trace', '--receive-count', '4'],
    ['--queue', 'arn:aws:sqs:eu-west-1:123456789012:orders', '--records', '3'],
    ['--region', 'cn-north-1', '--account-id', '000123456789'],
    ['--records', '200'],
  ];
  for (const flags of flagSets) {
    for (const seed of ['1', 'two', '33']) {
      it(`${flags.join(' ') || '(defaults)'} --seed ${seed}`, async () => {
        const event = await sqs([...flags, '--seed', seed]);
        expect(() => SqsSchema.parse(event)).not.toThrow();
        expect(await checkEvent(event)).toEqual({ kind: 'sqs', problems: [] });
      });
    }
  }
});

describe('sqs: fields and the rules that tie them', () => {
  it('a standard record has exactly the real keys, in the real order', async () => {
    const record = firstRecord(await sqs(['--body', 'x', '--seed', '1']));
    expect(Object.keys(record)).toEqual([
      'messageId',
      'receiptHandle',
      'body',
      'attributes',
      'messageAttributes',
      'md5OfBody',
      'eventSource',
      'eventSourceARN',
      'awsRegion',
    ]);
    expect(Object.keys(record.attributes)).toEqual(STANDARD_ATTRIBUTE_KEYS);
    expect(record.messageAttributes).toEqual({});
    expect(record.md5OfBody).toBe('9dd4e461268c8034f5c8564e155c67a6');
  });

  it('md5OfMessageAttributes appears with attributes, before md5OfBody, and matches them', async () => {
    const record = firstRecord(
      await sqs(['--body', 'Sample content.', '--attribute', 'sample-attribute=sample-value']),
    );
    expect(Object.keys(record).slice(4, 7)).toEqual([
      'messageAttributes',
      'md5OfMessageAttributes',
      'md5OfBody',
    ]);
    expect(record.md5OfMessageAttributes).toBe('7c815262be77a62f56671125069ca888');
    expect(record.md5OfBody).toBe('b58e1d0a86521415d25b85b89f6ad6cd');
    expect(record.messageAttributes['sample-attribute']).toEqual({
      stringValue: 'sample-value',
      stringListValues: [],
      binaryListValues: [],
      dataType: 'String',
    });
  });

  it('Number, Binary and custom-suffix attributes keep their data type and digest', async () => {
    const record = firstRecord(
      await sqs([
        '--body',
        'x',
        '--attribute',
        'WeeksOn:Number=6',
        '--attribute',
        'Author=John Grisham',
        '--attribute',
        'Title=The Whistler',
      ]),
    );
    expect(record.md5OfMessageAttributes).toBe('d25a6aea97eb8f585bfa92d314504a92');
    const binary = firstRecord(await sqs(['--body', 'x', '--attribute', 'thumb:Binary.png=3q2+7wAB']));
    expect(binary.messageAttributes.thumb).toEqual({
      binaryValue: '3q2+7wAB',
      stringListValues: [],
      binaryListValues: [],
      dataType: 'Binary.png',
    });
  });

  it('ids have real shapes', async () => {
    const event = await sqs(['--records', '20', '--seed', '5']);
    for (const record of event.Records) {
      expect(record.messageId).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(record.receiptHandle).toMatch(/^AQEB[A-Za-z0-9+/]+={0,2}$/);
      expect(record.receiptHandle.length).toBeGreaterThanOrEqual(284);
      expect(record.receiptHandle.length).toBeLessThanOrEqual(432);
      expect(record.attributes.SenderId).toMatch(/^AIDA[A-Z2-7]{17}$/);
      expect(JSON.parse(record.body)).toHaveProperty('type');
      expect(record.md5OfBody).toBe(md5OfBody(record.body));
    }
    expect(new Set(event.Records.map((r) => r.messageId)).size).toBe(20);
  });

  it('times: sent ≤ first receive ≤ the event time, sent in order', async () => {
    const time = '2025-03-04T05:06:07.089Z';
    const event = await sqs(['--records', '10', '--time', time, '--receive-count', '3']);
    const at = Date.parse(time);
    let previous = 0;
    for (const record of event.Records) {
      const sent = Number(record.attributes.SentTimestamp);
      const firstReceive = Number(record.attributes.ApproximateFirstReceiveTimestamp);
      expect(sent).toBeLessThanOrEqual(firstReceive);
      expect(firstReceive).toBeLessThanOrEqual(at - 2 * 30_000);
      expect(sent).toBeGreaterThanOrEqual(previous);
      expect(record.attributes.ApproximateReceiveCount).toBe('3');
      previous = sent;
    }
  });

  it('region and account reach every ARN; a queue ARN implies them', async () => {
    const record = firstRecord(
      await sqs(['--region', 'eu-central-2', '--account-id', '012345678901', '--queue', 'jobs']),
    );
    expect(record.eventSourceARN).toBe('arn:aws:sqs:eu-central-2:012345678901:jobs');
    expect(record.awsRegion).toBe('eu-central-2');
    const fromArn = firstRecord(
      await sqs(['--queue', 'arn:aws:sqs:ap-south-1:220420460675:notification-queue']),
    );
    expect(fromArn.awsRegion).toBe('ap-south-1');
    expect(fromArn.eventSourceARN).toBe('arn:aws:sqs:ap-south-1:220420460675:notification-queue');
    const china = firstRecord(
      await sqs(['--region', 'cn-north-1', '--account-id', '123456789012', '--queue', 'q']),
    );
    expect(china.eventSourceARN).toBe('arn:aws-cn:sqs:cn-north-1:123456789012:q');
  });

  it('--trace adds an AWSTraceHeader whose time is the send time', async () => {
    const record = firstRecord(await sqs(['--trace', '--body', 'x', '--seed', '2']));
    const header = record.attributes.AWSTraceHeader as string;
    expect(header).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=[01]$/);
    expect(Number.parseInt(header.slice(7, 15), 16)).toBe(
      Math.floor(Number(record.attributes.SentTimestamp) / 1000),
    );
    expect(Object.keys(record.attributes)[1]).toBe('AWSTraceHeader');
  });
});

describe('sqs: FIFO', () => {
  it('--fifo adds the FIFO attributes in the real order, content-based dedup and increasing sequence numbers', async () => {
    const event = await sqs([
      '--fifo',
      '--queue',
      'orders',
      '--body',
      'a',
      '--body',
      'b',
      '--body',
      'c',
      '--group-id',
      'g-1',
    ]);
    let previous = 0n;
    for (const record of event.Records) {
      expect(Object.keys(record.attributes)).toEqual(FIFO_ATTRIBUTE_KEYS);
      expect(record.eventSourceARN.endsWith(':orders.fifo')).toBe(true);
      expect(record.attributes.MessageGroupId).toBe('g-1');
      expect(record.attributes.SequenceNumber).toMatch(/^\d{20}$/);
      const sequence = BigInt(record.attributes.SequenceNumber as string);
      expect(sequence > previous).toBe(true);
      previous = sequence;
    }
    expect(event.Records.map((r) => r.attributes.MessageDeduplicationId)).toEqual([
      'ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb',
      '3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d',
      '2e7d2c03a9507ae265ecf5b5356885a53393a2029d241394997265a1a25aefc6',
    ]);
  });

  it('a queue name ending .fifo makes the queue FIFO; --dedup-id replaces content-based dedup', async () => {
    const record = firstRecord(
      await sqs(['--queue', 'billing.fifo', '--body', 'x', '--dedup-id', 'order-42']),
    );
    expect(record.attributes.MessageDeduplicationId).toBe('order-42');
    expect(record.attributes.MessageGroupId).toMatch(/^[a-z]+-\d+$/);
  });

  it('more than 10 records on FIFO, or 10,000 on standard, is a usage error', async () => {
    const fifo = await runCli(['sqs', '--fifo', '--records', '11']);
    expect(fifo).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'gen-event: 11 records asked for a FIFO queue (a batch holds 1 to 10 records on a FIFO queue)\n',
    });
    const standard = await runCli(['sqs', '--records', '10001']);
    expect(standard.status).toBe(2);
    expect(standard.stderr).toBe(
      'gen-event: --records 10001 is out of range (give a number from 1 to 10000)\n',
    );
  });

  it('identical bodies on FIFO warn that the queue would have dropped the repeats', async () => {
    const result = await runCli(['sqs', '--fifo', '--body', 'same', '--records', '2']);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(
      /^gen-event: warning: records share the MessageDeduplicationId [0-9a-f]{16}…/,
    );
  });

  it('--group-id on a standard queue is refused', async () => {
    const result = await runCli(['sqs', '--group-id', 'g']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('add --fifo');
  });
});

describe('sqs: bodies pass through byte for byte', () => {
  const awkward = [
    '{"quote":"a \\"b\\" c","nested":{"x":[1,2,3]}}',
    'line one\nline two\r\n\ttabbed',
    'emoji 🎉 and ünïcödé and 日本語',
    'it\'s <xml attr="v">&amp;</xml>',
    '   leading and trailing spaces   ',
    'x'.repeat(100 * 1024),
  ];
  for (const body of awkward) {
    it(`${JSON.stringify(body.slice(0, 30))}${body.length > 30 ? '…' : ''}`, async () => {
      const record = firstRecord(await sqs(['--body', body]));
      expect(record.body).toBe(body);
      expect(record.md5OfBody).toBe(md5OfBody(body));
    });
  }

  it('bodies from a file and from stdin are read exactly', async () => {
    const stdinBody = '{"from":"stdin"}\n';
    const record = firstRecord(await sqs(['--body', '-'], stdinBody));
    expect(record.body).toBe(stdinBody);
  });

  it('@@ stands for a literal @', async () => {
    expect(firstRecord(await sqs(['--body', '@@handle'])).body).toBe('@handle');
  });

  it('with fewer bodies than records, the bodies are reused in turn', async () => {
    const event = await sqs(['--body', 'a', '--body', 'b', '--records', '5']);
    expect(event.Records.map((r) => r.body)).toEqual(['a', 'b', 'a', 'b', 'a']);
  });
});

describe('sqs: bodies from a JSON Schema', () => {
  it('are generated, seeded, and valid against the schema', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'gen-event-'));
    const schemaPath = join(dir, 'order.json');
    writeFileSync(
      schemaPath,
      JSON.stringify({
        type: 'object',
        properties: { orderId: { type: 'integer', minimum: 1, maximum: 999 }, sku: { $ref: '#/$defs/sku' } },
        required: ['orderId', 'sku'],
        additionalProperties: false,
        $defs: { sku: { type: 'string', pattern: '^[A-Z]{3}-[0-9]{4}$' } },
      }),
    );
    const first = await runCli(['sqs', '--body-schema', schemaPath, '--records', '3', '--seed', '9']);
    const second = await runCli(['sqs', '--body-schema', schemaPath, '--records', '3', '--seed', '9']);
    expect(first.stdout).toBe(second.stdout);
    const event = JSON.parse(first.stdout) as SQSEvent;
    for (const record of event.Records) {
      const body = JSON.parse(record.body) as { orderId: number; sku: string };
      expect(Object.keys(body).sort()).toEqual(['orderId', 'sku']);
      expect(body.orderId).toBeGreaterThanOrEqual(1);
      expect(body.orderId).toBeLessThanOrEqual(999);
      expect(body.sku).toMatch(/^[A-Z]{3}-[0-9]{4}$/);
    }
  });
});

describe('sqs: message attribute rules (FORMATS §6.1)', () => {
  const refused: [string, RegExp][] = [
    ['AWS.trace=x', /reserves/],
    ['amazon.x=1', /reserves/],
    ['.lead=x', /starts or ends with a period/],
    ['a..b=x', /two periods/],
    ['sp ace=x', /character SQS refuses/],
    ['n:Number=abc', /Number attribute/],
    ['b:Binary=not base64!', /not base64/],
    ['t:Strange=x', /data type/],
    ['empty=', /is empty/],
  ];
  for (const [arg, message] of refused) {
    it(`refuses --attribute '${arg}'`, async () => {
      const result = await runCli(['sqs', '--attribute', arg]);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
      expect(result.stderr.split('\n')).toHaveLength(2);
    });
  }

  it('refuses an eleventh attribute', async () => {
    const args = Array.from({ length: 11 }, (_, i) => ['--attribute', `a${i}=v`]).flat();
    const result = await runCli(['sqs', ...args]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('gen-event: 11 message attributes given (SQS allows at most 10; drop some)\n');
  });
});
