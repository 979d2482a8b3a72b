import { beforeAll, describe, expect, it } from 'vitest';
import { checkEvent } from '../../src/check/registry.js';
import { kinesisEvent } from '../../src/index.js';
import { type Editable, REMOVED, testBrokenRules } from './helpers.js';

const bases: Record<string, Editable> = {};

beforeAll(async () => {
  bases.batch = await kinesisEvent({ data: ['a', 'b', 'c'], partitionKey: 'k', seed: 'check' });
  bases.encrypted = await kinesisEvent({ encrypted: true, seed: 'check' });
});

describe('kinesis checker rules', () => {
  testBrokenRules('kinesis', bases, [
    [
      'eventID ends with the sequence number',
      'batch',
      { 'Records[0].kinesis.sequenceNumber': '49590338271490256608559692538361571095921575989136588898' },
      'Records[0].eventID',
      /ends with the record's sequenceNumber/,
    ],
    [
      'eventID is a shard id and a sequence number',
      'batch',
      (e) => {
        e.Records[1].eventID = e.Records[1].kinesis.sequenceNumber;
      },
      'Records[1].eventID',
      /shardId-<12 digits>:<sequenceNumber>/,
    ],
    [
      'sequence numbers increase within the shard',
      'batch',
      (e) => {
        const first = e.Records[0];
        e.Records[0] = e.Records[2];
        e.Records[2] = first;
      },
      'Records[1].kinesis.sequenceNumber',
      /increase within a shard/,
    ],
    [
      'a batch comes from one shard',
      'batch',
      (e) => {
        e.Records[2].eventID = e.Records[2].eventID.replace(/^shardId-\d{12}/, 'shardId-000000000999');
      },
      'Records[2].eventID',
      /one shard/,
    ],
    [
      'data is base64',
      'batch',
      { 'Records[0].kinesis.data': 'hello world' },
      'Records[0].kinesis.data',
      /base64/,
    ],
    [
      'arrival time in seconds',
      'batch',
      (e) => {
        e.Records[0].kinesis.approximateArrivalTimestamp = Math.round(
          e.Records[0].kinesis.approximateArrivalTimestamp * 1000,
        );
      },
      'Records[0].kinesis.approximateArrivalTimestamp',
      /epoch seconds/,
    ],
    [
      'arrival time to the millisecond',
      'batch',
      { 'Records[0].kinesis.approximateArrivalTimestamp': 1545084650.98765 },
      'Records[0].kinesis.approximateArrivalTimestamp',
      /millisecond precision/,
    ],
    [
      'partitionKey is present',
      'batch',
      { 'Records[0].kinesis.partitionKey': '' },
      'Records[0].kinesis.partitionKey',
      /1 to 256/,
    ],
    [
      'encryptionType is KMS',
      'encrypted',
      { 'Records[0].kinesis.encryptionType': 'AES' },
      'Records[0].kinesis.encryptionType',
      /KMS/,
    ],
    [
      'invokeIdentityArn is a role',
      'batch',
      { 'Records[0].invokeIdentityArn': 'arn:aws:iam::123456789012:user/bob' },
      'Records[0].invokeIdentityArn',
      /execution role/,
    ],
    [
      'eventSourceARN is a stream',
      'batch',
      { 'Records[0].eventSourceARN': 'arn:aws:kinesis:us-east-1:123456789012:stream' },
      'Records[0].eventSourceARN',
      /Kinesis stream ARN/,
    ],
    [
      'awsRegion agrees with the ARN',
      'batch',
      { 'Records[0].awsRegion': 'eu-west-1' },
      'Records[0].awsRegion',
      /region of the stream ARN/,
    ],
    [
      'eventName',
      'batch',
      { 'Records[0].eventName': 'aws:kinesis' },
      'Records[0].eventName',
      /aws:kinesis:record/,
    ],
    [
      'kinesisSchemaVersion',
      'batch',
      { 'Records[0].kinesis.kinesisSchemaVersion': REMOVED },
      'Records[0].kinesis.kinesisSchemaVersion',
      /1\.0/,
    ],
  ]);

  it('every event the generator makes passes, and so does the documented example', async () => {
    for (const seed of [1, 2, 3]) {
      expect(await checkEvent(await kinesisEvent({ records: 30, seed }))).toEqual({
        kind: 'kinesis',
        problems: [],
      });
    }
    const record = (sequence: string, data: string, arrival: number) => ({
      kinesis: {
        kinesisSchemaVersion: '1.0',
        partitionKey: '1',
        sequenceNumber: sequence,
        data,
        approximateArrivalTimestamp: arrival,
      },
      eventSource: 'aws:kinesis',
      eventVersion: '1.0',
      eventID: `shardId-000000000006:${sequence}`,
      eventName: 'aws:kinesis:record',
      invokeIdentityArn: 'arn:aws:iam::123456789012:role/lambda-role',
      awsRegion: 'us-east-2',
      eventSourceARN: 'arn:aws:kinesis:us-east-2:123456789012:stream/lambda-stream',
    });
    const documented = {
      Records: [
        record(
          '49590338271490256608559692538361571095921575989136588898',
          'SGVsbG8sIHRoaXMgaXMgYSB0ZXN0Lg==',
          1545084650.987,
        ),
        record(
          '49590338271490256608559692540925702759324208523137515618',
          'VGhpcyBpcyBvbmx5IGEgdGVzdC4=',
          1545084711.166,
        ),
      ],
    };
    expect(await checkEvent(documented)).toEqual({ kind: 'kinesis', problems: [] });
  });
});
