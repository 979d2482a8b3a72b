import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { KinesisDataStreamSchema } from '@aws-lambda-powertools/parser/schemas';
import type { KinesisStreamEvent, KinesisStreamRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { checkEvent } from '../../../src/check/registry.js';
import { generate, kinesisEvent } from '../../../src/index.js';
import { runCli } from '../../helpers/cli.js';
import { ndjsonEvents } from '../../helpers/matrix.js';

async function kinesis(args: string[], stdin = ''): Promise<KinesisStreamEvent> {
  const result = await runCli(['kinesis', ...args], stdin);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as KinesisStreamEvent;
}

function only(event: KinesisStreamEvent): KinesisStreamRecord {
  expect(event.Records).toHaveLength(1);
  return event.Records[0] as KinesisStreamRecord;
}

describe('kinesis: every event of a matrix of options and seeds is valid', () => {
  const flagSets: string[][] = [
    [],
    ['--records', '9'],
    ['--data', 'hello', '--partition-key', 'test_0'],
    ['--data', '{"a":1}', '--data', 'b', '--records', '5', '--shard', '3'],
    ['--stream', 'arn:aws:kinesis:us-east-2:123456789012:stream/lambda-stream', '--encrypted'],
    ['--role', 'lambda-role', '--stream', 'clicks', '--shard', 'shardId-000000000012'],
    ['--region', 'us-gov-west-1', '--account-id', '000123456789', '--records', '3'],
  ];
  for (const flags of flagSets) {
    for (const seed of ['1', 'two']) {
      it(`${flags.join(' ') || '(defaults)'} --seed ${seed} --count 200 --ndjson`, async () => {
        for (const event of await ndjsonEvents(['kinesis', ...flags, '--seed', seed], 200)) {
          expect(() => KinesisDataStreamSchema.parse(event)).not.toThrow();
          expect(await checkEvent(event)).toEqual({ kind: 'kinesis', problems: [] });
        }
      });
    }
  }
});

describe('kinesis: fields and the rules that tie them', () => {
  it('a record has the documented keys in order; data is base64 of the bytes', async () => {
    const record = only(
      await kinesis([
        '--data',
        'Hello, this is a test.',
        '--partition-key',
        '1',
        '--stream',
        'arn:aws:kinesis:us-east-2:123456789012:stream/lambda-stream',
        '--shard',
        '6',
        '--role',
        'lambda-role',
      ]),
    );
    expect(Object.keys(record)).toEqual([
      'kinesis',
      'eventSource',
      'eventVersion',
      'eventID',
      'eventName',
      'invokeIdentityArn',
      'awsRegion',
      'eventSourceARN',
    ]);
    expect(Object.keys(record.kinesis)).toEqual([
      'kinesisSchemaVersion',
      'partitionKey',
      'sequenceNumber',
      'data',
      'approximateArrivalTimestamp',
    ]);
    expect(record).toMatchObject({
      kinesis: { kinesisSchemaVersion: '1.0', partitionKey: '1', data: 'SGVsbG8sIHRoaXMgaXMgYSB0ZXN0Lg==' },
      eventSource: 'aws:kinesis',
      eventVersion: '1.0',
      eventName: 'aws:kinesis:record',
      invokeIdentityArn: 'arn:aws:iam::123456789012:role/lambda-role',
      awsRegion: 'us-east-2',
      eventSourceARN: 'arn:aws:kinesis:us-east-2:123456789012:stream/lambda-stream',
    });
    expect(record.eventID).toBe(`shardId-000000000006:${record.kinesis.sequenceNumber}`);
  });

  it('eventID is the shard id, a colon and the sequence number; 56 digits increasing, sharing a prefix', async () => {
    const event = await kinesis(['--records', '40', '--seed', '3', '--shard', 'shardId-000000000002']);
    const sequences = event.Records.map((r) => r.kinesis.sequenceNumber);
    for (const [i, record] of event.Records.entries()) {
      expect(record.eventID).toBe(`shardId-000000000002:${sequences[i]}`);
      expect(sequences[i]).toMatch(/^49\d{54}$/);
      expect(sequences[i]?.slice(0, 29)).toBe(sequences[0]?.slice(0, 29));
      if (i > 0) expect(BigInt(sequences[i] as string)).toBeGreaterThan(BigInt(sequences[i - 1] as string));
    }
  });

  it('arrival times are epoch seconds with a millisecond fraction, in order, before the event', async () => {
    const time = '2018-12-17T22:10:51.166Z';
    const event = await kinesis(['--records', '20', '--seed', '4', '--time', time]);
    const arrivals = event.Records.map((r) => r.kinesis.approximateArrivalTimestamp);
    expect([...arrivals].sort((a, b) => a - b)).toEqual(arrivals);
    for (const arrival of arrivals) {
      expect(String(arrival)).toMatch(/^\d{10}(\.\d{1,3})?$/);
      expect(arrival * 1000).toBeLessThanOrEqual(Date.parse(time));
      expect(arrival * 1000).toBeGreaterThan(Date.parse(time) - 5000);
    }
  });

  it('repeated --data make one record each, reused in turn; binary files keep every byte', async () => {
    const event = await kinesis(['--data', 'a', '--data', 'b', '--records', '5']);
    expect(event.Records.map((r) => Buffer.from(r.kinesis.data, 'base64').toString())).toEqual([
      'a',
      'b',
      'a',
      'b',
      'a',
    ]);
    const path = join(tmpdir(), `gen-event-kinesis-${process.pid}.bin`);
    const bytes = Buffer.from([0xf3, 0x89, 0x9a, 0xc2, 0x00, 0xff]);
    writeFileSync(path, bytes);
    expect(only(await kinesis(['--data', `@${path}`])).kinesis.data).toBe(bytes.toString('base64'));
    expect(only(await kinesis(['--data', '-'], 'from stdin')).kinesis.data).toBe(
      Buffer.from('from stdin').toString('base64'),
    );
  });

  it('realistic records: JSON data keyed by its own id; given data without a key get a UUID key', async () => {
    const record = only(await kinesis(['--seed', '8']));
    const data = JSON.parse(Buffer.from(record.kinesis.data, 'base64').toString('utf8'));
    expect(Object.values(data)).toContain(record.kinesis.partitionKey);
    expect(only(await kinesis(['--data', 'x', '--seed', '8'])).kinesis.partitionKey).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('--encrypted adds encryptionType KMS after the arrival time; Powertools decodes the data', async () => {
    const event = await kinesis(['--data', '{"sensor":"t-1"}', '--encrypted']);
    expect(Object.keys(only(event).kinesis).slice(-2)).toEqual([
      'approximateArrivalTimestamp',
      'encryptionType',
    ]);
    expect((only(event).kinesis as { encryptionType?: string }).encryptionType).toBe('KMS');
    const parsed = KinesisDataStreamSchema.parse(event);
    expect(parsed.Records[0]?.kinesis.data).toEqual({ sensor: 't-1' });
  });

  it('a stream ARN or a role ARN fixes the account and region of every ARN', async () => {
    const record = only(await kinesis(['--role', 'arn:aws:iam::111122223333:role/consumer']));
    expect(record.eventSourceARN).toMatch(/^arn:aws:kinesis:us-east-1:111122223333:stream\//);
    expect(record.invokeIdentityArn).toBe('arn:aws:iam::111122223333:role/consumer');
    const china = only(await kinesis(['--region', 'cn-north-1', '--stream', 'clicks']));
    expect(china.eventSourceARN).toMatch(/^arn:aws-cn:kinesis:cn-north-1:\d{12}:stream\/clicks$/);
    expect(china.invokeIdentityArn).toMatch(/^arn:aws-cn:iam::\d{12}:role\//);
  });

  it('the same seed gives the same bytes; --set edits the event', async () => {
    const a = await runCli(['kinesis', '--seed', '7', '--records', '3']);
    expect((await runCli(['kinesis', '--seed', '7', '--records', '3'])).stdout).toBe(a.stdout);
    const edited = await kinesis(['--data', 'x', '--set', 'Records[0].kinesis.partitionKey=k']);
    expect(only(edited).kinesis.partitionKey).toBe('k');
  });
});

describe('kinesis: the library', () => {
  it('kinesisEvent and generate give the CLI event for the same options', async () => {
    const fromLibrary = await kinesisEvent({
      data: ['a', Buffer.from([1, 2, 3])],
      stream: 'clicks',
      shard: 4,
      seed: 1,
    });
    const fromCli = await kinesis([
      '--data',
      'a',
      '--data',
      '@@x',
      '--stream',
      'clicks',
      '--shard',
      '4',
      '--seed',
      '1',
    ]);
    expect(fromCli.Records[0]).toEqual(fromLibrary.Records[0]);
    expect(fromLibrary.Records[1]?.kinesis.data).toBe('AQID');
    expect(await generate('kinesis', { seed: 2 })).toEqual(await kinesisEvent({ seed: 2 }));
  });
});

describe('kinesis: a batch processed by @aws-lambda-powertools/batch', () => {
  it('the records a handler fails are reported by their sequence numbers', async () => {
    const event = await kinesisEvent({ data: ['ok', 'fail', 'ok', 'fail', 'fail'], seed: 12 });
    const processor = new BatchProcessor(EventType.KinesisDataStreams);
    const response = await processPartialResponse(
      event,
      async (record: KinesisStreamRecord) => {
        if (Buffer.from(record.kinesis.data, 'base64').toString() === 'fail') throw new Error('rejected');
      },
      processor,
    );
    const sequence = (i: number) => event.Records[i]?.kinesis.sequenceNumber as string;
    expect(response).toEqual({
      batchItemFailures: [1, 3, 4].map((i) => ({ itemIdentifier: sequence(i) })),
    });
  });
});
