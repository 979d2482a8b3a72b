import { randomUUID } from 'node:crypto';
import { randomBetween, randomChars } from './baseline-random.js';

/**
 * What a person would write by hand for the Kinesis event `gen-event kinesis --data … --data …` makes,
 * with no library: base64 of each record's bytes, 56-digit sequence numbers increasing along the shard,
 * `eventID` = shard id + ':' + sequence number, arrival times in seconds with a millisecond fraction,
 * the same fields in the same order (FORMATS-events §6). The bench measures gen-event against this,
 * e.g. `handWrittenKinesisEvent(TEN_BODIES)` against `generateMany('kinesis', …, { data: TEN_BODIES })`.
 */
export function handWrittenKinesisEvent(data: readonly string[]): unknown {
  const shardId = 'shardId-000000000003';
  const prefix = `49${randomChars('0123456789', 27)}`;
  let counter = BigInt(`${randomBetween(1, 4)}${randomChars('0123456789', 26)}`);
  let arrival = Date.now() - 50 * data.length;
  const Records = [];
  for (const item of data) {
    counter += BigInt(randomBetween(1, 2 ** 30)) * 10n ** 13n;
    arrival += randomBetween(0, 50);
    const sequenceNumber = prefix + counter.toString();
    Records.push({
      kinesis: {
        kinesisSchemaVersion: '1.0',
        partitionKey: randomUUID(),
        sequenceNumber,
        data: Buffer.from(item, 'utf8').toString('base64'),
        approximateArrivalTimestamp: arrival / 1000,
      },
      eventSource: 'aws:kinesis',
      eventVersion: '1.0',
      eventID: `${shardId}:${sequenceNumber}`,
      eventName: 'aws:kinesis:record',
      invokeIdentityArn: 'arn:aws:iam::123456789012:role/lambda-kinesis-role',
      awsRegion: 'us-east-1',
      eventSourceARN: 'arn:aws:kinesis:us-east-1:123456789012:stream/telemetry',
    });
  }
  return { Records };
}
