import { beforeAll, describe } from 'vitest';
import { firehoseEvent } from '../../src/index.js';
import { type Editable, REMOVED, testBrokenRules } from './helpers.js';

const bases: Record<string, Editable> = {};

beforeAll(async () => {
  bases.put = await firehoseEvent({ records: 3, seed: 1 });
  bases.kinesis = await firehoseEvent({ sourceStream: 'orders', records: 4, seed: 1 });
});

const M = 'records[1].kinesisRecordMetadata';

describe('firehose checker rules', () => {
  testBrokenRules('firehose', bases, [
    ['top-level keys', 'put', { extra: 1 }, '(top level)', /exactly the real keys/],
    ['invocationId', 'put', { invocationId: 'invoked123' }, 'invocationId', /UUID v4/],
    [
      'delivery stream ARN',
      'put',
      { deliveryStreamArn: 'aws:lambda:events' },
      'deliveryStreamArn',
      /delivery stream ARN/,
    ],
    ['region agrees', 'put', { region: 'us-west-2' }, 'region', /region of the delivery stream/],
    ['records non-empty', 'put', { records: [] }, 'records', /at least one record/],
    [
      'record keys',
      'put',
      { 'records[0].kinesisRecordMetadata': {} },
      'records[0]',
      /recordId, approximateArrivalTimestamp and data/,
    ],
    ['recordId', 'put', { 'records[0].recordId': 'record1' }, 'records[0].recordId', /62 digits/],
    [
      'arrival in ms',
      'put',
      { 'records[0].approximateArrivalTimestamp': 1664028820.148 },
      'records[0].approximateArrivalTimestamp',
      /epoch milliseconds/,
    ],
    ['data base64', 'put', { 'records[0].data': 'Hello World' }, 'records[0].data', /data is base64/],
    [
      'source ARN',
      'kinesis',
      { sourceKinesisStreamArn: 'arn:aws:sqs:us-east-1:123456789012:q' },
      'sourceKinesisStreamArn',
      /Kinesis stream ARN/,
    ],
    [
      'source region',
      'kinesis',
      (e) => (e.sourceKinesisStreamArn = e.sourceKinesisStreamArn.replace('us-east-1', 'eu-west-1')),
      'sourceKinesisStreamArn',
      /delivery stream’s region/,
    ],
    [
      'metadata present',
      'kinesis',
      { 'records[1].kinesisRecordMetadata': REMOVED },
      'records[1]',
      /kinesisRecordMetadata/,
    ],
    ['metadata keys', 'kinesis', { [`${M}.extra`]: 1 }, M, /exactly the real keys/],
    ['shardId', 'kinesis', { [`${M}.shardId`]: 'shard-0' }, `${M}.shardId`, /shardId-<12 digits>/],
    ['partitionKey', 'kinesis', { [`${M}.partitionKey`]: '' }, `${M}.partitionKey`, /1 to 256/],
    [
      'metadata arrival',
      'kinesis',
      (e) => (e.records[1].kinesisRecordMetadata.approximateArrivalTimestamp += 1),
      `${M}.approximateArrivalTimestamp`,
      /arrival time is the record's/,
    ],
    ['subsequence', 'kinesis', { [`${M}.subsequenceNumber`]: '' }, `${M}.subsequenceNumber`, /whole number/],
    ['sequence digits', 'kinesis', { [`${M}.sequenceNumber`]: '123' }, `${M}.sequenceNumber`, /56 digits/],
    [
      'recordId from sequence',
      'kinesis',
      (e) => (e.records[1].recordId = `${e.records[0].kinesisRecordMetadata.sequenceNumber}000000`),
      'records[1].recordId',
      /sequence number followed by the subsequence/,
    ],
    [
      'sequences increase within a shard',
      'kinesis',
      (e) => {
        for (const r of e.records) r.kinesisRecordMetadata.shardId = 'shardId-000000000000';
        const first = e.records[0].kinesisRecordMetadata.sequenceNumber;
        e.records[1].kinesisRecordMetadata.sequenceNumber = first;
        e.records[1].recordId = `${first}000000`;
      },
      `${M}.sequenceNumber`,
      /increase within a shard/,
    ],
  ]);
});
