import { type EventChecker, isRecord, type ProblemList } from '../../check/problems.js';
import { isBase64 } from '../../core/bytes.js';
import { detectFirehose } from './detect.js';

const KEYS = ['invocationId', 'deliveryStreamArn', 'region', 'records'];
const KINESIS_KEYS = ['invocationId', 'sourceKinesisStreamArn', 'deliveryStreamArn', 'region', 'records'];
const RECORD_KEYS = ['recordId', 'approximateArrivalTimestamp', 'data'];
const METADATA_KEYS = [
  'shardId',
  'partitionKey',
  'approximateArrivalTimestamp',
  'sequenceNumber',
  'subsequenceNumber',
];
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const DELIVERY_STREAM_ARN =
  /^arn:aws[a-z-]*:firehose:([a-z0-9-]+):(\d{12}):deliverystream\/[a-zA-Z0-9_.-]{1,64}$/;
const KINESIS_STREAM_ARN = /^arn:aws[a-z-]*:kinesis:([a-z0-9-]+):(\d{12}):stream\/[a-zA-Z0-9_.-]{1,128}$/;
/** A record id: the 56-digit sequence number and a 6-digit subsequence. */
const RECORD_ID = /^\d{62}$/;
const SEQUENCE = /^\d{56}$/;

/** Firehose data-transformation invocations (Direct PUT, or a Kinesis data stream source). */
export const firehoseChecker: EventChecker = {
  kind: 'firehose',
  source: 'firehose',
  detect: detectFirehose,

  check(event, problems) {
    const fromKinesis = 'sourceKinesisStreamArn' in event;
    problems.expectEqual(
      '(top level)',
      Object.keys(event),
      fromKinesis ? KINESIS_KEYS : KEYS,
      'the invocation has exactly the real keys, in order',
    );
    problems.expectMatch('invocationId', event.invocationId, UUID_V4, 'invocationId is a lowercase UUID v4');
    const arn = DELIVERY_STREAM_ARN.exec(String(event.deliveryStreamArn));
    if (!arn) {
      problems.add(
        'deliveryStreamArn',
        'deliveryStreamArn is a delivery stream ARN',
        'arn:aws:firehose:<region>:<account>:deliverystream/<name>',
      );
    } else {
      problems.expectEqual('region', event.region, arn[1], 'region is the region of the delivery stream');
    }
    if (fromKinesis) {
      const source = KINESIS_STREAM_ARN.exec(String(event.sourceKinesisStreamArn));
      if (!source)
        problems.add(
          'sourceKinesisStreamArn',
          'sourceKinesisStreamArn is a Kinesis stream ARN',
          'arn:aws:kinesis:<region>:<account>:stream/<name>',
        );
      else if (arn && source[1] !== arn[1])
        problems.add(
          'sourceKinesisStreamArn',
          'the source stream is in the delivery stream’s region',
          arn[1],
        );
    }
    const records = event.records as unknown[];
    if (records.length === 0) problems.add('records', 'an invocation has at least one record');
    const lastSequence = new Map<string, bigint>();
    records.forEach((record, i) => {
      const at = `records[${i}]`;
      if (!isRecord(record)) {
        problems.add(at, 'a record is an object');
        return;
      }
      checkRecord(record, at, fromKinesis, lastSequence, problems);
    });
  },
};

function checkRecord(
  record: Record<string, unknown>,
  at: string,
  fromKinesis: boolean,
  lastSequence: Map<string, bigint>,
  problems: ProblemList,
): void {
  problems.expectEqual(
    at,
    Object.keys(record),
    fromKinesis ? [...RECORD_KEYS, 'kinesisRecordMetadata'] : RECORD_KEYS,
    fromKinesis
      ? 'a record read from a Kinesis stream has recordId, approximateArrivalTimestamp, data and kinesisRecordMetadata'
      : 'a record has recordId, approximateArrivalTimestamp and data, in that order',
  );
  problems.expectMatch(
    `${at}.recordId`,
    record.recordId,
    RECORD_ID,
    'recordId is 62 digits (sequence number and subsequence)',
  );
  if (!isEpochMs(record.approximateArrivalTimestamp))
    problems.add(
      `${at}.approximateArrivalTimestamp`,
      'approximateArrivalTimestamp is epoch milliseconds (a 13-digit number)',
    );
  if (!isBase64(record.data)) problems.add(`${at}.data`, 'data is base64');
  if (!fromKinesis) return;

  const metadata = record.kinesisRecordMetadata;
  const where = `${at}.kinesisRecordMetadata`;
  if (!isRecord(metadata)) {
    problems.add(where, 'kinesisRecordMetadata is an object');
    return;
  }
  problems.expectEqual(
    where,
    Object.keys(metadata),
    METADATA_KEYS,
    'kinesisRecordMetadata has exactly the real keys, in order',
  );
  problems.expectMatch(
    `${where}.shardId`,
    metadata.shardId,
    /^shardId-\d{12}$/,
    'shardId is shardId-<12 digits>',
  );
  if (
    typeof metadata.partitionKey !== 'string' ||
    metadata.partitionKey.length < 1 ||
    metadata.partitionKey.length > 256
  )
    problems.add(`${where}.partitionKey`, 'partitionKey has 1 to 256 characters');
  problems.expectEqual(
    `${where}.approximateArrivalTimestamp`,
    metadata.approximateArrivalTimestamp,
    record.approximateArrivalTimestamp,
    "the stream's arrival time is the record's",
  );
  if (!Number.isInteger(metadata.subsequenceNumber) || (metadata.subsequenceNumber as number) < 0)
    problems.add(`${where}.subsequenceNumber`, 'subsequenceNumber is a whole number from 0');
  if (typeof metadata.sequenceNumber !== 'string' || !SEQUENCE.test(metadata.sequenceNumber)) {
    problems.add(`${where}.sequenceNumber`, 'sequenceNumber has 56 digits');
    return;
  }
  if (Number.isInteger(metadata.subsequenceNumber)) {
    problems.expectEqual(
      `${at}.recordId`,
      record.recordId,
      `${metadata.sequenceNumber}${String(metadata.subsequenceNumber).padStart(6, '0')}`,
      'recordId is the sequence number followed by the subsequence in 6 digits',
    );
  }
  const shard = String(metadata.shardId);
  const sequence = BigInt(metadata.sequenceNumber);
  const previous = lastSequence.get(shard);
  if (previous !== undefined && sequence <= previous)
    problems.add(`${where}.sequenceNumber`, 'sequence numbers increase within a shard');
  lastSequence.set(shard, sequence);
}

const isEpochMs = (value: unknown): boolean => typeof value === 'number' && /^\d{13}$/.test(String(value));
