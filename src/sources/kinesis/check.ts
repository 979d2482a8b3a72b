import { type EventChecker, isRecord, MAX_EPOCH_SECONDS, type ProblemList } from '../../check/problems.js';
import { isBase64 } from '../../core/base64.js';
import { detectKinesis } from './detect.js';

const STREAM_ARN = /^arn:aws[a-z-]*:kinesis:([a-z0-9-]+):(\d{12}):stream\/[A-Za-z0-9_.-]{1,128}$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const EVENT_ID = /^(shardId-\d{12}):(\d+)$/;

/** Kinesis Data Streams batches as the event source mapping delivers them (FORMATS-events §6). */
export const kinesisChecker: EventChecker = {
  kind: 'kinesis',
  source: 'kinesis',
  detect: detectKinesis,

  check(event, problems) {
    const records = event.Records as unknown[];
    if (records.length > 10_000)
      problems.add('Records', `a batch has at most 10,000 records, not ${records.length}`);
    let shard: string | undefined;
    let previous: bigint | undefined;
    records.forEach((record, i) => {
      const at = `Records[${i}]`;
      if (!isRecord(record)) {
        problems.add(at, 'a record is an object');
        return;
      }
      checkRecord(record, at, problems);
      // A batch is read from one shard, in sequence-number order (FORMATS-events §6).
      const id = EVENT_ID.exec(String(record.eventID ?? ''));
      if (!id) return;
      if (shard === undefined) shard = id[1];
      else if (id[1] !== shard) problems.add(`${at}.eventID`, `a batch comes from one shard (${shard})`);
      const sequence = BigInt(id[2] as string);
      if (previous !== undefined && sequence <= previous)
        problems.add(`${at}.kinesis.sequenceNumber`, 'sequence numbers increase within a shard');
      previous = sequence;
    });
  },
};

function checkRecord(record: Record<string, unknown>, at: string, problems: ProblemList): void {
  problems.expectEqual(`${at}.eventSource`, record.eventSource, 'aws:kinesis', 'eventSource is aws:kinesis');
  problems.expectEqual(`${at}.eventVersion`, record.eventVersion, '1.0', 'eventVersion is "1.0"');
  problems.expectEqual(
    `${at}.eventName`,
    record.eventName,
    'aws:kinesis:record',
    'eventName is aws:kinesis:record',
  );
  problems.expectMatch(
    `${at}.invokeIdentityArn`,
    record.invokeIdentityArn,
    ROLE_ARN,
    "invokeIdentityArn is the function's execution role ARN",
  );
  const arn = STREAM_ARN.exec(String(record.eventSourceARN ?? ''));
  if (!arn)
    problems.add(
      `${at}.eventSourceARN`,
      'eventSourceARN is a Kinesis stream ARN',
      'arn:aws:kinesis:<region>:<account>:stream/<name>',
    );
  else
    problems.expectEqual(
      `${at}.awsRegion`,
      record.awsRegion,
      arn[1],
      'awsRegion is the region of the stream ARN',
    );

  const payload = record.kinesis;
  if (!isRecord(payload)) {
    problems.add(`${at}.kinesis`, 'kinesis is an object');
    return;
  }
  const where = `${at}.kinesis`;
  problems.expectEqual(
    `${where}.kinesisSchemaVersion`,
    payload.kinesisSchemaVersion,
    '1.0',
    'kinesisSchemaVersion is "1.0"',
  );
  const key = payload.partitionKey;
  if (typeof key !== 'string' || key.length === 0 || [...key].length > 256)
    problems.add(`${where}.partitionKey`, 'partitionKey has 1 to 256 characters');
  problems.expectMatch(
    `${where}.sequenceNumber`,
    payload.sequenceNumber,
    /^\d{1,128}$/,
    'sequenceNumber is decimal text',
  );
  if (typeof payload.data !== 'string' || !isBase64(payload.data))
    problems.add(`${where}.data`, 'data is the record bytes in base64');
  else if (Buffer.byteLength(payload.data, 'base64') > 1_048_576)
    problems.add(`${where}.data`, 'a record holds at most 1 MiB of data');
  const arrival = payload.approximateArrivalTimestamp;
  if (typeof arrival !== 'number' || arrival <= 0 || arrival >= MAX_EPOCH_SECONDS)
    problems.add(
      `${where}.approximateArrivalTimestamp`,
      'approximateArrivalTimestamp is epoch seconds (milliseconds as a fraction)',
    );
  else if (Math.abs(Math.round(arrival * 1000) - arrival * 1000) > 1e-3)
    problems.add(
      `${where}.approximateArrivalTimestamp`,
      'approximateArrivalTimestamp has at most millisecond precision',
    );
  if ('encryptionType' in payload && payload.encryptionType !== 'KMS')
    problems.add(`${where}.encryptionType`, 'encryptionType, when present, is KMS', 'KMS');

  // eventID is the shard id, a colon, and the record's own sequence number (FORMATS-events §0 rule 12).
  const id = EVENT_ID.exec(String(record.eventID ?? ''));
  if (!id) problems.add(`${at}.eventID`, 'eventID is shardId-<12 digits>:<sequenceNumber>');
  else
    problems.expectEqual(
      `${at}.eventID`,
      id[2],
      payload.sequenceNumber,
      "eventID ends with the record's sequenceNumber",
    );
}
