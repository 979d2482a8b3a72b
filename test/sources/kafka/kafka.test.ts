import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KafkaMskEventSchema, KafkaSelfManagedEventSchema } from '@aws-lambda-powertools/parser/schemas';
import type { MSKEvent, MSKRecord, SelfManagedKafkaEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { checkEvent } from '../../../src/check/registry.js';
import { kafkaEvent } from '../../../src/index.js';
import { testCommonOptions } from '../../helpers/common-options.js';
import { cliOutput, ndjsonEvents } from '../../helpers/matrix.js';

async function kafka(args: string[], stdin = ''): Promise<MSKEvent> {
  return JSON.parse(await cliOutput(['kafka', ...args], stdin));
}

const allRecords = (event: { records: Record<string, MSKRecord[]> }): MSKRecord[] =>
  Object.values(event.records).flat();

describe('kafka: every event of a matrix of flags and seeds is valid', () => {
  const flagSets: [flags: string[], selfManaged: boolean][] = [
    [[], false],
    [['--value', 'hello', '--key', 'k'], false],
    [['--records', '50', '--partition', '0', '--partition', '3', '--partition', '7'], false],
    [['--header', 'trace-id=abc', '--header', 'tenant=acme', '--keyless', '--records', '4'], false],
    [['--timestamp-type', 'LOG_APPEND_TIME', '--records', '20'], false],
    [
      [
        '--cluster',
        'arn:aws:kafka:eu-west-1:123456789012:cluster/orders/0b8f1e2a-3c4d-4e5f-8a9b-0c1d2e3f4a5b-2',
      ],
      false,
    ],
    [['--region', 'cn-north-1', '--account-id', '000123456789'], false],
    [['--self-managed'], true],
    [
      [
        '--self-managed',
        '--bootstrap-servers',
        'kafka-1.example.com:9092',
        '--records',
        '9',
        '--partition',
        '1',
        '--partition',
        '2',
      ],
      true,
    ],
  ];
  for (const [flags, selfManaged] of flagSets) {
    for (const seed of ['1', 'two']) {
      it(`${flags.join(' ') || '(defaults)'} --seed ${seed} --count 200 --ndjson`, async () => {
        const schema = selfManaged ? KafkaSelfManagedEventSchema : KafkaMskEventSchema;
        const kind = selfManaged ? 'kafka (self-managed)' : 'kafka (msk)';
        for (const event of await ndjsonEvents(['kafka', ...flags, '--seed', seed], 200)) {
          expect(() => schema.parse(event)).not.toThrow();
          expect(await checkEvent(event)).toEqual({ kind, problems: [] });
        }
      });
    }
  }
});

describe('kafka: fields and the rules that tie them', () => {
  it('an MSK event has the documented keys in order; records too', async () => {
    const event = await kafka(['--value', 'x', '--key', 'k', '--seed', '1']);
    expect(Object.keys(event)).toEqual(['eventSource', 'eventSourceArn', 'bootstrapServers', 'records']);
    expect(event.eventSource).toBe('aws:kafka');
    expect(Object.keys(allRecords(event)[0] as object)).toEqual([
      'topic',
      'partition',
      'offset',
      'timestamp',
      'timestampType',
      'key',
      'value',
      'headers',
    ]);
  });

  it('self-managed: eventSource SelfManagedKafka, the given brokers, no eventSourceArn', async () => {
    const event: { eventSource: string } & Omit<SelfManagedKafkaEvent, 'eventSource'> = await kafka([
      '--self-managed',
      '--bootstrap-servers',
      'kafka-1.example.com:9092,kafka-2.example.com:9092',
    ]);
    expect(Object.keys(event)).toEqual(['eventSource', 'bootstrapServers', 'records']);
    expect(event.eventSource).toBe('SelfManagedKafka');
    expect(event.bootstrapServers).toBe('kafka-1.example.com:9092,kafka-2.example.com:9092');
  });

  it('key and value are base64 of the bytes; a binary file stays byte for byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gen-event-kafka-'));
    writeFileSync(join(dir, 'blob.bin'), Buffer.from([0, 0xff, 0xfe, 0x80]));
    const event = await kafka([
      '--value',
      '{"orderId":42}',
      '--value',
      `@${join(dir, 'blob.bin')}`,
      '--key',
      'order-42',
    ]);
    const [first, second] = allRecords(event);
    expect(first?.value).toBe('eyJvcmRlcklkIjo0Mn0=');
    expect(first?.key).toBe('b3JkZXItNDI=');
    expect(second?.value).toBe('AP/+gA==');
  });

  it('--header gives each record [{name: [UTF-8 byte numbers]}] in order', async () => {
    const event = await kafka(['--value', 'x', '--header', 'headerKey=headerValue', '--header', 'lang=é€']);
    expect(allRecords(event)[0]?.headers).toEqual([
      { headerKey: [104, 101, 97, 100, 101, 114, 86, 97, 108, 117, 101] },
      { lang: [195, 169, 226, 130, 172] },
    ]);
  });

  it('records sit under <topic>-<partition>, partitions taken in turn, offsets counting up by one', async () => {
    const event = await kafka([
      '--topic',
      'orders',
      '--records',
      '7',
      '--partition',
      '3',
      '--partition',
      '0',
      '--seed',
      '4',
    ]);
    expect(Object.keys(event.records)).toEqual(['orders-3', 'orders-0']);
    expect(event.records['orders-3']).toHaveLength(4);
    expect(event.records['orders-0']).toHaveLength(3);
    for (const [group, records] of Object.entries(event.records)) {
      const offsets = records.map((r) => r.offset);
      expect(offsets).toEqual(offsets.map((_, i) => (offsets[0] as number) + i));
      for (const record of records) expect(`${record.topic}-${record.partition}`).toBe(group);
      const times = records.map((r) => r.timestamp);
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
  });

  it('timestamps are epoch ms before --time; --timestamp-type sets the type', async () => {
    const event = await kafka([
      '--timestamp-type',
      'LOG_APPEND_TIME',
      '--records',
      '3',
      '--time',
      '2025-06-01T12:00:00Z',
    ]);
    for (const record of allRecords(event)) {
      expect(record.timestampType).toBe('LOG_APPEND_TIME');
      expect(record.timestamp).toBeLessThan(Date.UTC(2025, 5, 1, 12));
      expect(record.timestamp).toBeGreaterThan(Date.UTC(2025, 5, 1, 12) - 2000);
    }
  });

  it('--keyless leaves the key field out', async () => {
    const record = allRecords(await kafka(['--keyless', '--value', 'x']))[0] as object;
    expect('key' in record).toBe(false);
  });

  it('an MSK cluster ARN places the run; brokers are in its region', async () => {
    const arn = 'arn:aws:kafka:eu-west-1:123456789012:cluster/orders/0b8f1e2a-3c4d-4e5f-8a9b-0c1d2e3f4a5b-2';
    const event = await kafka(['--cluster', arn]);
    expect(event.eventSourceArn).toBe(arn);
    for (const broker of event.bootstrapServers.split(','))
      expect(broker).toMatch(/^b-\d\.orders\.[a-z0-9]{6}\.c\d\.kafka\.eu-west-1\.amazonaws\.com:9098$/);
  });

  it('the library builder gives the CLI’s event, typed MSKEvent or SelfManagedKafkaEvent', async () => {
    const msk: MSKEvent = await kafkaEvent({ values: ['x'], topic: 't', seed: 3 });
    expect(msk).toEqual(await kafka(['--value', 'x', '--topic', 't', '--seed', '3']));
    const selfManaged: SelfManagedKafkaEvent = await kafkaEvent({
      selfManaged: true,
      values: ['x'],
      seed: 3,
    });
    expect(selfManaged.eventSource).toBe('SelfManagedKafka');
  });
});

describe('kafka: options every source takes', () => {
  testCommonOptions('kafka', 'kafka (msk)', ['--value', 'x'], 'bootstrapServers');
});
