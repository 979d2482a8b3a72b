import type { RunContext } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import type { ArgumentReader } from '../../core/inputs.js';
import { bytesInput, either, flag, integer, list, text } from '../../core/option-shapes.js';
import type { Random } from '../../core/random.js';
import {
  givenOnly,
  optionalBoolean,
  optionalInteger,
  optionalList,
  optionalString,
} from '../../core/raw-options.js';
import { loadRealisticWords } from '../../core/realistic/load-words.js';
import { samplePayload } from '../../core/sample-payloads.js';
import { compileTemplate, loadTemplate } from '../../core/template.js';
import type { RawOptions, Source } from '../source.js';
import {
  kinesisSequenceNumbers,
  parseShard,
  parseStream,
  type StreamIdentity,
  sequencePrefix,
  shardId,
} from './stream.js';

/** What a Kinesis Data Streams event is made of; every field is optional and has a realistic default. */
export interface KinesisOptions {
  /** Record data: text (as UTF-8) or bytes; one record each (reused in turn when `records` is larger). */
  data?: readonly (string | Uint8Array)[];
  /** Number of records. Default: the number of data, else 1. At most 10,000. */
  records?: number;
  /** The producer's partition key for every record. Default: a realistic key per record. */
  partitionKey?: string;
  /** Stream name or ARN. */
  stream?: string;
  /** The shard the batch is read from: a number or `shardId-000000000003`. */
  shard?: string | number;
  /** The function's execution role (name or ARN), shown as `invokeIdentityArn`. */
  role?: string;
  /** Server-side encryption is on: records say `encryptionType: "KMS"`. */
  encrypted?: boolean;
}

/** Event source mapping batch size limit (FORMATS-events §6). */
const MAX_RECORDS = 10_000;
/** A record's data blob: at most 1 MiB (FORMATS-events §6). */
const MAX_DATA_BYTES = 1_048_576;
/** Partition keys: 1 to 256 characters (Kinesis PutRecord). */
const MAX_PARTITION_KEY = 256;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/([\w+=,.@/-]{1,512})$/;

export const kinesis: Source<KinesisOptions> = {
  name: 'kinesis',
  sizeLimit: { bytes: 6 * 1024 * 1024, what: 'event source mapping payload limit' },
  libraryOptions: {
    data: list(bytesInput()),
    records: integer(1, MAX_RECORDS),
    partitionKey: text(),
    stream: text(),
    shard: either(text(), integer(0, Number.MAX_SAFE_INTEGER)),
    role: text(),
    encrypted: flag(),
  },
  options: {
    data: {
      type: 'string',
      repeatable: true,
      valueName: '<text|@file|->',
      description: "A record's data, byte for byte (a file may be binary); base64 in the event",
    },
    records: {
      type: 'number',
      valueName: '<n>',
      description: 'Number of records (default: one per --data, else 1)',
    },
    'partition-key': {
      type: 'string',
      valueName: '<key>',
      description: 'Partition key of every record (default: a realistic key per record)',
    },
    stream: {
      type: 'string',
      valueName: '<name|arn>',
      description: 'Stream name or ARN (default: a realistic name)',
    },
    shard: {
      type: 'string',
      valueName: '<n|shardId-…>',
      description: 'The shard the batch comes from (default: a low shard number)',
    },
    role: {
      type: 'string',
      valueName: '<name|arn>',
      description: "The function's execution role, shown as invokeIdentityArn",
    },
    encrypted: { type: 'boolean', description: 'Server-side encryption on: encryptionType KMS' },
  },
  examples: [
    [`gen-event kinesis --data '{"sensor":"t-1","c":21.5}' --partition-key t-1`, 'one record with this data'],
    ['gen-event kinesis --data a --data b --stream clicks --shard 3', 'two records from shard 3'],
    ['gen-event kinesis --records 100 --seed 5 --compact', 'a batch of realistic JSON records'],
  ],

  async fromRaw(raw: RawOptions, args: ArgumentReader): Promise<KinesisOptions> {
    const data = optionalList(raw, 'data');
    const read: Uint8Array[] = [];
    // One after another, so standard input and errors come in the order given.
    for (const value of data ?? []) read.push((await args.read(value, '--data')).bytes);
    return givenOnly({
      data: data && read,
      records: optionalInteger(raw, 'records', 1, MAX_RECORDS),
      partitionKey: optionalString(raw, 'partition-key'),
      stream: optionalString(raw, 'stream'),
      shard: optionalString(raw, 'shard'),
      role: optionalString(raw, 'role'),
      encrypted: optionalBoolean(raw, 'encrypted'),
    });
  },

  implied(options) {
    const stream = options.stream === undefined ? undefined : parseStream(options.stream).arn;
    const role = options.role === undefined ? undefined : ROLE_ARN.exec(options.role);
    return { ...(role ? { accountId: role[1] as string } : {}), ...(stream ?? {}) };
  },

  async prepare(options, run) {
    const template = loadTemplate('kinesis');
    const fillEvent = compileTemplate(template.event, 'kinesis.json');
    const fillRecord = compileTemplate(template.record, 'kinesis.json');
    const stream: StreamIdentity = options.stream
      ? parseStream(options.stream)
      : defaultStream(template, run.rng);
    const shard =
      options.shard === undefined ? shardId(run.rng.int(0, 7)) : parseShard(String(options.shard));
    const role = roleName(options.role, template, stream.name, run);
    const prefix = sequencePrefix(run.rng);

    // Data given are the same in every event: encoded once per run.
    for (const item of options.data ?? []) {
      if (typeof item !== 'string' && !(item instanceof Uint8Array))
        throw new UsageError('a data item is neither text nor bytes', 'give strings or Uint8Arrays');
    }
    const given = (options.data ?? []).map((item) =>
      Buffer.from(typeof item === 'string' ? Buffer.from(item, 'utf8') : item),
    );
    const recordCount = options.records ?? Math.max(given.length, 1);
    if (!Number.isInteger(recordCount) || recordCount < 1 || recordCount > MAX_RECORDS) {
      throw new UsageError(`${recordCount} records asked for`, `a batch holds 1 to ${MAX_RECORDS} records`);
    }
    if (given.length > recordCount) {
      throw new UsageError(
        `${given.length} --data for ${recordCount} records`,
        'give at most one --data per record',
      );
    }
    for (const bytes of given) {
      if (bytes.length > MAX_DATA_BYTES)
        run.warn(
          `a record's data is ${bytes.length} bytes, over the Kinesis limit of ${MAX_DATA_BYTES} bytes`,
        );
    }
    const givenBase64 = given.map((bytes) => bytes.toString('base64'));
    const partitionKey = options.partitionKey;
    if (
      partitionKey !== undefined &&
      (partitionKey.length === 0 || [...partitionKey].length > MAX_PARTITION_KEY)
    ) {
      throw new UsageError(
        `--partition-key has ${[...partitionKey].length} characters`,
        `a partition key has 1 to ${MAX_PARTITION_KEY}`,
      );
    }
    const words = givenBase64.length === 0 ? await loadRealisticWords() : undefined;

    return (ctx) => {
      const { rng } = ctx;
      const arrivals = arrivalTimes(rng, recordCount, ctx.time);
      const sequenceNumbers = kinesisSequenceNumbers(rng, prefix, recordCount);
      const records = [];
      for (let i = 0; i < recordCount; i++) {
        const arrival = arrivals[i] as number;
        let data = givenBase64[i % Math.max(givenBase64.length, 1)];
        let key = partitionKey;
        if (data === undefined) {
          const sample = samplePayload(words as NonNullable<typeof words>, rng, arrival);
          data = Buffer.from(JSON.stringify(sample)).toString('base64');
          // The producer keys a realistic record by its own id (orderId, userId…).
          key ??= String(sample[Object.keys(sample).find((name) => name.endsWith('Id')) as string]);
        }
        records.push(
          fillRecord({
            partitionKey: key ?? rng.uuid(),
            sequenceNumber: sequenceNumbers[i],
            data,
            // Epoch seconds with the milliseconds as a fraction (FORMATS-events §6).
            arrival: arrival / 1000,
            // Present only when server-side encryption is on (FORMATS-events §6, from a third-party capture).
            encryptionType: options.encrypted ? 'KMS' : undefined,
            shardId: shard,
            partition: run.partition,
            accountId: run.accountId,
            role,
            region: run.region,
            stream: stream.name,
          }),
        );
      }
      return fillEvent({ records });
    };
  },
};

/** The role's name (and path) for `invokeIdentityArn`: given, from a role ARN, or realistic. */
function roleName(
  given: string | undefined,
  template: Readonly<Record<string, unknown>>,
  stream: string,
  run: RunContext,
): string {
  if (given === undefined) {
    const pattern = compileTemplate(run.rng.pick(template.roleNames as string[]), 'kinesis.json');
    return pattern({ stream, suffix: run.rng.lowerAlnum(8) }) as string;
  }
  if (given.startsWith('arn:')) {
    const match = ROLE_ARN.exec(given);
    if (!match)
      throw new UsageError(
        `--role '${given}' is not an IAM role ARN`,
        'use arn:aws:iam::<account>:role/<name>',
      );
    if (match[1] !== run.accountId) {
      throw new UsageError(
        `--role is in account ${match[1]}, the stream in ${run.accountId}`,
        'give a role of the same account, or its name alone',
      );
    }
    return match[2] as string;
  }
  if (!/^[\w+=,.@-]{1,64}$/.test(given)) {
    throw new UsageError(
      `--role '${given}' is not a role name`,
      'use 1 to 64 letters, digits and + = , . @ _ -',
    );
  }
  return given;
}

/** Arrival instants of the batch's records, in order, the last some milliseconds before the event. */
function arrivalTimes(rng: Random, count: number, eventTime: number): number[] {
  const times = new Array<number>(count);
  let t = eventTime - rng.int(5, 500);
  for (let i = count - 1; i >= 0; i--) {
    times[i] = t;
    t -= rng.int(0, 50);
  }
  return times;
}

function defaultStream(template: Readonly<Record<string, unknown>>, rng: Random): StreamIdentity {
  return { name: rng.pick(template.streamNames as string[]) + rng.pick(template.streamSuffixes as string[]) };
}
