import { type BytesInput, base64Of, bytesOf } from '../../core/bytes.js';
import { UsageError } from '../../core/errors.js';
import type { ArgumentReader } from '../../core/inputs.js';
import { bytesInput, integer, list, text } from '../../core/option-shapes.js';
import type { Random } from '../../core/random.js';
import { givenOnly, optionalInteger, optionalList, optionalString } from '../../core/raw-options.js';
import { readEach } from '../../core/read-each.js';
import { loadRealisticWords } from '../../core/realistic/load-words.js';
import { samplePayload } from '../../core/sample-payloads.js';
import { loadTemplate } from '../../core/template.js';
import type { RawOptions, Source } from '../source.js';
import { firehoseRecordId, nextSequence, sequenceStart } from './sequence.js';
import {
  deliveryStreamArn,
  kinesisStreamArn,
  parseDeliveryStream,
  parseSourceStream,
} from './stream-names.js';

/**
 * A Firehose data-transformation invocation: the records a delivery stream hands its Lambda processor.
 * FORMATS-events §8 lists it as not researched; the shape follows the Firehose developer guide's
 * transformation example and @types/aws-lambda's FirehoseTransformationEvent, with the key order and
 * ids of a Direct PUT capture (Powertools TS `packages/parser/tests/events/kinesis/firehose-sqs.json`:
 * `recordId, approximateArrivalTimestamp, data`, a 62-digit recordId) and, for a Kinesis stream source,
 * `sourceKinesisStreamArn` and `kinesisRecordMetadata` as in the AWS example (aws-lambda-go
 * `events/testdata/kinesis-firehose-event.json`, Powertools Python `kinesisFirehoseKinesisEvent.json`).
 */
export interface FirehoseOptions {
  /** Record data, text (UTF-8) or bytes; one record each (reused in turn when `records` is larger). */
  data?: readonly BytesInput[];
  /** Number of records. Default: the number of data items, else 1. */
  records?: number;
  /** Delivery stream name or ARN. */
  deliveryStream?: string;
  /** A Kinesis data stream as the delivery stream's source (name or ARN): adds its metadata to each record. */
  sourceStream?: string;
  /** The partition key of every record read from the source stream (default: a realistic key each). */
  partitionKey?: string;
}

/** Records in one invocation: Firehose buffers at most 3 MB for a Lambda processor; a count bound keeps runs sane. */
const MAX_RECORDS = 10_000;
/** Firehose refuses records over 1,000 KiB (PutRecord). */
const MAX_RECORD_BYTES = 1000 * 1024;

export const firehose: Source<FirehoseOptions> = {
  name: 'firehose',
  // Firehose invokes its processor synchronously.
  sizeLimit: { bytes: 6 * 1024 * 1024, what: 'synchronous invoke payload limit' },
  libraryOptions: {
    data: list(bytesInput()),
    records: integer(1, MAX_RECORDS),
    deliveryStream: text(),
    sourceStream: text(),
    partitionKey: text(),
  },
  options: {
    data: {
      type: 'string',
      repeatable: true,
      valueName: '<text|@file|->',
      description: 'A record’s data (files may be binary); one record per value',
    },
    records: {
      type: 'number',
      valueName: '<n>',
      description: 'Number of records (default: one per --data, else 1)',
    },
    'delivery-stream': {
      type: 'string',
      valueName: '<name|arn>',
      description: 'The delivery stream (default: a realistic name)',
    },
    'source-stream': {
      type: 'string',
      valueName: '<name|arn>',
      description:
        'A Kinesis data stream as the source: adds sourceKinesisStreamArn and kinesisRecordMetadata',
    },
    'partition-key': {
      type: 'string',
      valueName: '<key>',
      description: 'Partition key of the source stream’s records (with --source-stream)',
    },
  },
  examples: [
    [`gen-event firehose --data '{"ticker":"AMZN","price":187.5}' --seed 1`, 'one Direct PUT record'],
    ['gen-event firehose --records 5 --delivery-stream clickstream-to-s3', 'five realistic records'],
    [
      'gen-event firehose --source-stream orders-stream --data a --data b',
      'records read from a Kinesis data stream',
    ],
  ],

  async fromRaw(raw: RawOptions, args: ArgumentReader): Promise<FirehoseOptions> {
    const data = optionalList(raw, 'data');
    return givenOnly({
      data: data && (await readEach(data, async (value) => (await args.read(value, '--data')).bytes)),
      records: optionalInteger(raw, 'records', 1, MAX_RECORDS),
      deliveryStream: optionalString(raw, 'delivery-stream'),
      sourceStream: optionalString(raw, 'source-stream'),
      partitionKey: optionalString(raw, 'partition-key'),
    });
  },

  implied(options) {
    const delivery =
      options.deliveryStream === undefined ? undefined : parseDeliveryStream(options.deliveryStream).arn;
    const source =
      options.sourceStream === undefined ? undefined : parseSourceStream(options.sourceStream).arn;
    // A delivery stream reads a Kinesis stream of its own region and account.
    if (
      delivery &&
      source &&
      (delivery.region !== source.region || delivery.accountId !== source.accountId)
    ) {
      throw new UsageError(
        '--delivery-stream and --source-stream are in different regions or accounts',
        'a delivery stream reads a Kinesis stream of its own region and account',
      );
    }
    return delivery ?? source ?? {};
  },

  async prepare(options, run) {
    const template = loadTemplate('firehose');
    const data = (options.data ?? []).map(bytesOf);
    const recordCount = options.records ?? Math.max(data.length, 1);
    if (!Number.isInteger(recordCount) || recordCount < 1 || recordCount > MAX_RECORDS) {
      throw new UsageError(
        `${recordCount} records asked for`,
        `an invocation holds 1 to ${MAX_RECORDS} records`,
      );
    }
    if (data.length > recordCount) {
      throw new UsageError(
        `${data.length} data values given for --records ${recordCount}`,
        'give at most one --data per record',
      );
    }
    if (options.partitionKey !== undefined && options.sourceStream === undefined) {
      throw new UsageError(
        '--partition-key is given without --source-stream',
        'partition keys belong to a Kinesis stream source; add --source-stream',
      );
    }
    if (
      options.partitionKey !== undefined &&
      (options.partitionKey.length === 0 || options.partitionKey.length > 256)
    ) {
      throw new UsageError(
        `--partition-key is ${options.partitionKey.length} characters`,
        'a Kinesis partition key has 1 to 256 characters',
      );
    }
    for (const item of data) {
      if (item.length > MAX_RECORD_BYTES)
        run.warn(
          `a Firehose record is ${item.length} bytes, over the Firehose limit of ${MAX_RECORD_BYTES} bytes`,
        );
    }
    const source =
      options.sourceStream === undefined ? undefined : parseSourceStream(options.sourceStream).name;
    const name =
      options.deliveryStream === undefined
        ? defaultDeliveryStream(template, run.rng, source !== undefined)
        : parseDeliveryStream(options.deliveryStream).name;
    const streamArn = deliveryStreamArn(name, run);
    const sourceArn = source === undefined ? undefined : kinesisStreamArn(source, run);

    const givenData = data.map((item) => item.toString('base64'));
    const words = data.length === 0 ? await loadRealisticWords() : undefined;
    const dataOf = (rng: Random, i: number, at: number): string =>
      givenData[i % givenData.length] ??
      base64Of(`${JSON.stringify(samplePayload(words as NonNullable<typeof words>, rng, at))}\n`);

    return (ctx) => {
      const { rng } = ctx;
      // Records arrived in order over the buffering interval before the invocation.
      const arrivals = arrivalTimes(rng, recordCount, ctx.time);
      if (sourceArn === undefined) {
        let sequence = sequenceStart(rng);
        const records = arrivals.map((arrived, i) => {
          sequence = nextSequence(rng, sequence);
          return {
            recordId: firehoseRecordId(sequence, 0),
            approximateArrivalTimestamp: arrived,
            data: dataOf(rng, i, arrived),
          };
        });
        return { invocationId: rng.uuid(), deliveryStreamArn: streamArn, region: run.region, records };
      }
      // A Kinesis source: records from one or two shards, sequence numbers increasing within each.
      const shards = rng.int(1, 2) === 1 ? [rng.int(0, 3)] : [0, 1];
      const sequences = new Map<number, bigint>();
      const records = arrivals.map((arrived, i) => {
        const shard = shards[i % shards.length] as number;
        const sequence = nextSequence(rng, sequences.get(shard) ?? sequenceStart(rng));
        sequences.set(shard, sequence);
        // Records that were not KPL-aggregated have subsequence 0 (UNCONFIRMED: captures show 123456 and "").
        const subsequenceNumber = 0;
        return {
          recordId: firehoseRecordId(sequence, subsequenceNumber),
          approximateArrivalTimestamp: arrived,
          data: dataOf(rng, i, arrived),
          kinesisRecordMetadata: {
            shardId: `shardId-${String(shard).padStart(12, '0')}`,
            partitionKey: options.partitionKey ?? rng.uuid(),
            approximateArrivalTimestamp: arrived,
            sequenceNumber: sequence.toString(),
            subsequenceNumber,
          },
        };
      });
      return {
        invocationId: rng.uuid(),
        sourceKinesisStreamArn: sourceArn,
        deliveryStreamArn: streamArn,
        region: run.region,
        records,
      };
    };
  },
};

/** Arrival times in epoch ms, in order, the last shortly before the invocation. */
function arrivalTimes(rng: Random, count: number, invokedAt: number): number[] {
  const times = new Array<number>(count);
  let t = invokedAt - rng.int(50, 2000);
  for (let i = count - 1; i >= 0; i--) {
    times[i] = t;
    t -= rng.int(0, 60);
  }
  return times;
}

/** The console's default names (`PUT-S3-tdyyE` in a real capture; `KDS-` when a Kinesis stream is the source), or a chosen one. */
function defaultDeliveryStream(
  template: Readonly<Record<string, unknown>>,
  rng: Random,
  fromKinesis: boolean,
): string {
  if (rng.int(0, 1) === 0) return rng.pick(template.namedStreams as string[]);
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return `${fromKinesis ? 'KDS' : 'PUT'}-${rng.pick(template.destinations as string[])}-${rng.chars(letters, 5)}`;
}
