import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KinesisFirehoseSchema } from '@aws-lambda-powertools/parser/schemas';
import type { FirehoseTransformationEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { checkEvent } from '../../../src/check/registry.js';
import { firehoseEvent } from '../../../src/index.js';
import { testCommonOptions } from '../../helpers/common-options.js';
import { cliOutput, ndjsonEvents } from '../../helpers/matrix.js';

async function firehose(args: string[]): Promise<FirehoseTransformationEvent> {
  return JSON.parse(await cliOutput(['firehose', ...args]));
}

describe('firehose: every event of a matrix of flags and seeds is valid', () => {
  const flagSets: string[][] = [
    [],
    ['--data', 'hello'],
    ['--data', 'a', '--data', 'b', '--records', '25'],
    ['--delivery-stream', 'arn:aws:firehose:eu-west-1:123456789012:deliverystream/orders-archive'],
    ['--source-stream', 'orders-stream', '--records', '12'],
    ['--source-stream', 'arn:aws:kinesis:ap-south-1:123456789012:stream/clicks', '--partition-key', 'user-7'],
    ['--region', 'cn-north-1', '--account-id', '000123456789', '--source-stream', 's'],
  ];
  for (const flags of flagSets) {
    for (const seed of ['1', 'two']) {
      it(`${flags.join(' ') || '(defaults)'} --seed ${seed} --count 200 --ndjson`, async () => {
        for (const event of await ndjsonEvents(['firehose', ...flags, '--seed', seed], 200)) {
          expect(() => KinesisFirehoseSchema.parse(event)).not.toThrow();
          expect(await checkEvent(event)).toEqual({ kind: 'firehose', problems: [] });
        }
      });
    }
  }
});

describe('firehose: fields and the rules that tie them', () => {
  it('Direct PUT: the real keys in order, data as base64 of the exact bytes', async () => {
    const event = await firehose(['--data', '{"ticker":"AMZN","price":187.5}', '--seed', '1']);
    expect(Object.keys(event)).toEqual(['invocationId', 'deliveryStreamArn', 'region', 'records']);
    const [record] = event.records;
    expect(Object.keys(record as object)).toEqual(['recordId', 'approximateArrivalTimestamp', 'data']);
    expect(record?.data).toBe('eyJ0aWNrZXIiOiJBTVpOIiwicHJpY2UiOjE4Ny41fQ==');
    expect(Buffer.from(record?.data ?? '', 'base64').toString()).toBe('{"ticker":"AMZN","price":187.5}');
    expect(record?.recordId).toMatch(/^49\d{54}000000$/);
    expect(event.invocationId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('binary --data from a file stays byte for byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gen-event-firehose-'));
    writeFileSync(join(dir, 'blob.bin'), Buffer.from([0x1f, 0x8b, 0x00, 0xff]));
    const event = await firehose(['--data', `@${join(dir, 'blob.bin')}`]);
    expect(event.records[0]?.data).toBe('H4sA/w==');
  });

  it('the delivery stream ARN places the run: region and ARN agree', async () => {
    const arn = 'arn:aws:firehose:eu-west-1:123456789012:deliverystream/orders-archive';
    const event = await firehose(['--delivery-stream', arn]);
    expect(event.deliveryStreamArn).toBe(arn);
    expect(event.region).toBe('eu-west-1');
  });

  it('a Kinesis source: sourceKinesisStreamArn, and metadata whose ids, times and order agree', async () => {
    const event = await firehose([
      '--source-stream',
      'orders-stream',
      '--records',
      '6',
      '--partition-key',
      'customer-7',
      '--region',
      'eu-central-1',
      '--account-id',
      '123456789012',
      '--seed',
      '2',
    ]);
    expect(Object.keys(event)).toEqual([
      'invocationId',
      'sourceKinesisStreamArn',
      'deliveryStreamArn',
      'region',
      'records',
    ]);
    expect(event.sourceKinesisStreamArn).toBe(
      'arn:aws:kinesis:eu-central-1:123456789012:stream/orders-stream',
    );
    const byShard = new Map<string, bigint>();
    for (const record of event.records) {
      const metadata = record.kinesisRecordMetadata;
      expect(Object.keys(metadata ?? {})).toEqual([
        'shardId',
        'partitionKey',
        'approximateArrivalTimestamp',
        'sequenceNumber',
        'subsequenceNumber',
      ]);
      expect(metadata?.partitionKey).toBe('customer-7');
      expect(metadata?.approximateArrivalTimestamp).toBe(record.approximateArrivalTimestamp);
      expect(metadata?.sequenceNumber).toMatch(/^\d{56}$/);
      expect(record.recordId).toBe(`${metadata?.sequenceNumber}000000`);
      const sequence = BigInt(metadata?.sequenceNumber ?? '0');
      const shard = metadata?.shardId ?? '';
      expect(shard).toMatch(/^shardId-\d{12}$/);
      if (byShard.has(shard)) expect(sequence).toBeGreaterThan(byShard.get(shard) as bigint);
      byShard.set(shard, sequence);
    }
  });

  it('arrival times are epoch ms, in order, before --time', async () => {
    const event = await firehose(['--records', '5', '--time', '2025-06-01T12:00:00Z']);
    const times = event.records.map((r) => r.approximateArrivalTimestamp);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const t of times) {
      expect(t).toBeLessThan(Date.UTC(2025, 5, 1, 12));
      expect(t).toBeGreaterThan(Date.UTC(2025, 5, 1, 11, 59));
    }
  });

  it('the library builder gives the CLI’s event, typed FirehoseTransformationEvent', async () => {
    const event: FirehoseTransformationEvent = await firehoseEvent({
      data: ['x'],
      deliveryStream: 'd',
      seed: 5,
    });
    expect(event).toEqual(await firehose(['--data', 'x', '--delivery-stream', 'd', '--seed', '5']));
  });
});

describe('firehose: options every source takes', () => {
  testCommonOptions('firehose', 'firehose', ['--data', 'x'], 'invocationId');
});
