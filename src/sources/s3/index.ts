import type { EventContext, RunContext } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import type { ArgumentReader } from '../../core/inputs.js';
import { bytesInput, flag, integer, text } from '../../core/option-shapes.js';
import type { Random } from '../../core/random.js';
import { givenOnly, optionalBoolean, optionalInteger, optionalString } from '../../core/raw-options.js';
import { compileTemplate, loadTemplate } from '../../core/template.js';
import { parseTopic } from '../sns/topic.js';
import type { RawOptions, Source } from '../source.js';
import { parseQueue } from '../sqs/queue.js';
import {
  readSnsHopOptions,
  readViaOptions,
  type SnsHopOptions,
  snsHopLibraryOptions,
  snsHopOptionTable,
  usesChain,
  type ViaOptions,
  viaLibraryOptions,
  viaOptionTable,
} from '../via/options.js';
import { EMPTY_ETAG, eventType, S3_EVENT_NAMES, type S3EventType, TEST_EVENT } from './event-names.js';
import {
  clientIpv4,
  iamUserPrincipal,
  randomETag,
  s3ETag,
  s3HostId,
  s3OwnerId,
  s3RequestId,
  s3Sequencer,
  s3VersionId,
} from './ids.js';
import { encodeS3Key } from './key.js';

export type { S3EventType } from './event-names.js';

/**
 * What an S3 notification is made of; every field is optional and has a realistic default. With
 * `via`, the notification is delivered through SQS, SNS or EventBridge, whose options apply.
 */
export interface S3Options extends ViaOptions, SnsHopOptions {
  /** `ObjectCreated:Put` (default), `ObjectRemoved:Delete`, … or `s3:TestEvent` (FORMATS-events §1.2). */
  eventName?: string;
  bucket?: string;
  /** The object's real key; the event carries it form-URL-encoded. */
  key?: string;
  /** Object size in bytes; follows from `body` when one is given. */
  size?: number;
  /** The object's content: its size and eTag (MD5) follow from it. */
  body?: string | Uint8Array;
  /** The object version: the bucket is versioned. */
  versionId?: string;
  /** A versioned bucket with realistic version ids. */
  versioned?: boolean;
  /** Records in the event (S3 itself sends one; default 1). */
  records?: number;
  /** `eventVersion` for every record, e.g. `2.4` for S3's unified version; default per event type. */
  eventVersion?: string;
  /** The notification configuration's Id. */
  configurationId?: string;
}

/** Most records an event is made with: S3 sends one, more are for handlers that loop (§1.1). */
const MAX_RECORDS = 100;
/** S3 object size limit: 5 TiB. */
const MAX_SIZE = 5 * 1024 ** 4;
// Bucket names: 3 to 63 of lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit.
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const EVENT_VERSION = /^2\.\d+$/;
/** Restored copies are kept for this long in the realistic default (a restore request's `Days`). */
const RESTORE_DAYS = 7;
const DAY_MS = 86_400_000;

export const s3: Source<S3Options> = {
  name: 's3',
  // S3 → Lambda is an asynchronous invoke (FORMATS-events §1.9).
  sizeLimit: { bytes: 256 * 1024, what: 'asynchronous invoke payload limit' },
  libraryOptions: {
    // Any text: the builder's own refusal says what is wrong with it (an s3: prefix, a near miss).
    eventName: text(),
    bucket: text(),
    key: text(),
    size: integer(0, MAX_SIZE),
    body: bytesInput(),
    versionId: text(),
    versioned: flag(),
    records: integer(1, MAX_RECORDS),
    eventVersion: text(),
    configurationId: text(),
    ...viaLibraryOptions,
    ...snsHopLibraryOptions,
  },
  options: {
    'event-name': {
      type: 'string',
      choices: S3_EVENT_NAMES,
      valueName: '<type>',
      description: 'Notification type (default ObjectCreated:Put; s3:TestEvent for the configuration test)',
    },
    bucket: { type: 'string', valueName: '<name>', description: 'Bucket name (default: realistic)' },
    key: {
      type: 'string',
      valueName: '<key>',
      description: 'Object key as stored; the event carries it URL-encoded (default: realistic)',
    },
    size: {
      type: 'number',
      valueName: '<bytes>',
      description: 'Object size (default: from --body, else realistic)',
    },
    body: {
      type: 'string',
      valueName: '<text|@file|->',
      description: 'Object content: size and eTag (MD5) follow from it (@@text for a literal @)',
    },
    'version-id': {
      type: 'string',
      valueName: '<id>',
      description: 'Object version id (a versioned bucket)',
    },
    versioned: { type: 'boolean', description: 'A versioned bucket: realistic versionId values' },
    records: {
      type: 'number',
      valueName: '<n>',
      description: 'Records in the event (S3 sends 1; default 1)',
    },
    'event-version': {
      type: 'string',
      valueName: '<2.x>',
      description: 'eventVersion of every record (default: what S3 sends for the type)',
    },
    'configuration-id': {
      type: 'string',
      valueName: '<id>',
      description: 'Id of the notification configuration (default: realistic)',
    },
    ...viaOptionTable,
    ...snsHopOptionTable,
  },
  examples: [
    ['gen-event s3 --bucket photos --key "2025/summer trip.jpg" --body @photo.png', 'an upload of this file'],
    ['gen-event s3 --event-name ObjectRemoved:DeleteMarkerCreated --versioned --seed 2', 'a delete marker'],
    ['gen-event s3 --key "a b.jpg" --via sns --via sqs --seed 1', 'an upload notified through SNS into SQS'],
  ],

  async fromRaw(raw: RawOptions, args: ArgumentReader): Promise<S3Options> {
    const body = optionalString(raw, 'body');
    const own = givenOnly({
      eventName: optionalString(raw, 'event-name'),
      bucket: optionalString(raw, 'bucket'),
      key: optionalString(raw, 'key'),
      size: optionalInteger(raw, 'size', 0, MAX_SIZE),
      // Object content is bytes: a file of any kind is taken as it is.
      body: body === undefined ? undefined : (await args.read(body, '--body')).bytes,
      versionId: optionalString(raw, 'version-id'),
      versioned: optionalBoolean(raw, 'versioned'),
      records: optionalInteger(raw, 'records', 1, MAX_RECORDS),
      eventVersion: optionalString(raw, 'event-version'),
      configurationId: optionalString(raw, 'configuration-id'),
    });
    return { ...own, ...readViaOptions(raw), ...readSnsHopOptions(raw) };
  },

  implied(options) {
    if (options.queue?.startsWith('arn:')) return parseQueue(options.queue, options.fifo === true).arn ?? {};
    if (options.topic?.startsWith('arn:')) return parseTopic(options.topic).arn ?? {};
    return {};
  },

  async prepare(options, run) {
    const build = prepareS3Notification(options, run);
    if (!usesChain(options)) return build;
    const eventName = options.eventName ?? 'ObjectCreated:Put';
    const { prepareChain } = await import('../via/chain.js');
    const { checkEventBridgeType, s3EventBridgeEvent } = await import('./eventbridge.js');
    if (options.via?.[0] === 'eventbridge') {
      // EventBridge gets S3's own event for one object change, not the notification (FORMATS-events §3.3).
      if (eventName === TEST_EVENT) {
        throw new UsageError(
          'S3 sends no s3:TestEvent to EventBridge',
          'drop --via eventbridge for the test event',
        );
      }
      checkEventBridgeType(eventName);
      if ((options.records ?? 1) > 1) {
        throw new UsageError(
          'an EventBridge event carries one object change',
          'drop --records with --via eventbridge',
        );
      }
    }
    return prepareChain(
      's3',
      options,
      run,
      (ctx) => ({ event: build(ctx) }),
      (ctx, event) => s3EventBridgeEvent(ctx, (event as { Records: [never] }).Records[0]),
    );
  },
};

/** Checks the options once and returns the builder of S3 notifications (also used inside delivery chains). */
export function prepareS3Notification(options: S3Options, run: RunContext): (ctx: EventContext) => unknown {
  const template = loadTemplate('s3');
  const eventName = options.eventName ?? 'ObjectCreated:Put';
  const bucket = options.bucket ?? realisticBucket(template, run.rng);
  checkBucket(bucket);
  const hostId = s3HostId(run.rng);

  if (eventName === TEST_EVENT) {
    const objectOptions = [
      'key',
      'size',
      'body',
      'versionId',
      'versioned',
      'records',
      'eventVersion',
    ] as const;
    const given = objectOptions.find((name) => options[name] !== undefined);
    if (given !== undefined) {
      throw new UsageError(
        `s3:TestEvent takes no ${kebab(given)}`,
        'it names only the bucket; drop the option',
      );
    }
    const fillTest = compileTemplate(template.testEvent, 's3.json');
    // FORMATS-events §1.7: RequestId is 16 uppercase hex digits in the documented message.
    return (ctx) =>
      fillTest({
        time: new Date(ctx.time).toISOString(),
        bucket,
        requestId: ctx.rng.chars('0123456789ABCDEF', 16),
        hostId,
      });
  }

  if (eventName.startsWith('s3:')) {
    throw new UsageError(
      `--event-name '${eventName}' has the s3: prefix`,
      'events carry the name without it',
    );
  }
  const type = eventType(eventName);
  if (!type) {
    throw new UsageError(
      `--event-name '${eventName}' is not an S3 notification type`,
      'use ObjectCreated:Put, ObjectRemoved:Delete, … (see gen-event s3 --help)',
    );
  }
  const body = typeof options.body === 'string' ? Buffer.from(options.body, 'utf8') : options.body;
  if (body !== undefined && options.size !== undefined && options.size !== body.length) {
    throw new UsageError(
      `--size ${options.size} disagrees with --body (${body.length} bytes)`,
      'drop --size: it follows from the body',
    );
  }
  if (options.size !== undefined && !type.size) {
    throw new UsageError(`${eventName} carries no object size`, 'drop --size for this type');
  }
  if (body !== undefined && !type.size && type.eTag !== true) {
    throw new UsageError(`${eventName} carries no object size or eTag`, 'drop --body for this type');
  }
  if (options.versionId !== undefined && options.versionId.length === 0) {
    throw new UsageError('--version-id is empty', 'give the version id, or drop it');
  }
  if (options.eventVersion !== undefined && !EVENT_VERSION.test(options.eventVersion)) {
    throw new UsageError(
      `--event-version '${options.eventVersion}' is not an S3 event version`,
      'give 2.1, 2.2, 2.3 or later, e.g. 2.4',
    );
  }
  const key = options.key;
  if (key !== undefined) checkKey(key);

  const multipart = eventName === 'ObjectCreated:CompleteMultipartUpload';
  const givenETag = body === undefined ? undefined : s3ETag(body, multipart);
  const versioned = options.versioned === true || options.versionId !== undefined;
  const recordCount = options.records ?? 1;
  const fillRecord = compileTemplate(template.record, 's3.json');
  const ownerId = s3OwnerId(run.rng);
  const uploader = iamUserPrincipal(run.rng);
  const configurationId = options.configurationId ?? realisticConfigurationId(template, run.rng);
  const eventVersion = options.eventVersion ?? type.version;

  return (ctx) => {
    const { rng } = ctx;
    const records = [];
    // Records of one event happened in order, the last at the event's instant.
    const times = new Array<number>(recordCount);
    for (let i = recordCount - 1, t = ctx.time; i >= 0; i--, t -= rng.int(1, 400)) times[i] = t;
    for (let i = 0; i < recordCount; i++) {
      const at = times[i] as number;
      const objectKey = key ?? realisticKey(template, rng, at);
      const size = type.size ? (body?.length ?? options.size ?? realisticSize(rng)) : undefined;
      records.push(
        fillRecord({
          eventVersion,
          region: run.region,
          eventTime: new Date(at).toISOString(),
          eventName,
          ...initiator(type, rng, uploader, ownerId),
          requestId: s3RequestId(rng),
          hostId: s3HostId(rng),
          configurationId,
          bucket,
          ownerId,
          partition: run.partition,
          key: encodeS3Key(objectKey),
          size,
          eTag: eTagOf(type, size, givenETag, multipart, rng),
          versionId:
            type.versionId === 'always' || versioned ? (options.versionId ?? s3VersionId(rng)) : undefined,
          sequencer: type.sequencer ? s3Sequencer(rng, at) : undefined,
          ...NO_BLOCKS,
          ...typeBlock(type, template, rng, at, bucket, run.partition),
        }),
      );
    }
    return { Records: records };
  };
}

/** Who S3 says made the request: the uploader, S3 itself, or the bucket owner (§1.1). */
function initiator(type: S3EventType, rng: Random, uploader: string, ownerId: string) {
  if (type.initiator === 's3') return { principalId: 's3.amazonaws.com', sourceIp: 's3.amazonaws.com' };
  if (type.initiator === 'owner')
    return { principalId: `AmazonCustomer:${ownerId}`, sourceIp: clientIpv4(rng) };
  return { principalId: uploader, sourceIp: clientIpv4(rng) };
}

function eTagOf(
  type: S3EventType,
  size: number | undefined,
  givenETag: string | undefined,
  multipart: boolean,
  rng: Random,
): string | undefined {
  if (type.eTag === 'empty') return EMPTY_ETAG;
  if (!type.eTag) return undefined;
  if (givenETag !== undefined) return givenETag;
  // A zero-byte object's MD5 is known (§1.4); a multipart upload's eTag ends in its part count.
  if (size === 0) return multipart ? `${randomETag(rng)}-1` : EMPTY_ETAG;
  return multipart
    ? `${randomETag(rng)}-${Math.max(1, Math.ceil((size ?? 1) / (8 * 1024 * 1024)))}`
    : randomETag(rng);
}

/** Every block placeholder, absent unless the type's own block replaces it. */
const NO_BLOCKS = {
  glacierEventData: undefined,
  replicationEventData: undefined,
  intelligentTieringEventData: undefined,
  lifecycleEventData: undefined,
};

/** The block a type carries after `s3` (FORMATS-events §1.8). */
function typeBlock(
  type: S3EventType,
  template: Readonly<Record<string, unknown>>,
  rng: Random,
  at: number,
  bucket: string,
  partition: string,
): Record<string, unknown> {
  switch (type.block) {
    case 'glacier':
      // The restored copy is kept until midnight UTC after the requested days; the class is the source's.
      return {
        glacierEventData: {
          restoreEventData: {
            lifecycleRestorationExpiryTime: new Date(
              Math.ceil((at + RESTORE_DAYS * DAY_MS) / DAY_MS) * DAY_MS,
            ).toISOString(),
            lifecycleRestoreStorageClass: rng.pick(['GLACIER', 'GLACIER', 'DEEP_ARCHIVE']),
          },
        },
      };
    case 'replication': {
      // Field order of the replication example and of the SDK's entity (§1.8); the threshold is the
      // 15-minute S3 RTC threshold, the replication time when it finally replicated.
      const action = type.name.slice('Replication:'.length);
      const data: Record<string, unknown> = {
        replicationRuleId: rng.pick(['replicate-all', 'crr-to-dr-region', 'backup-rule', rng.uuid()]),
        destinationBucket: `arn:${partition}:s3:::${bucket}-replica`,
        s3Operation: rng.pick(['OBJECT_PUT', 'OBJECT_PUT', 'OBJECT_DELETE']),
        requestTime: new Date(at - rng.int(1000, 900_000)).toISOString(),
      };
      if (action === 'OperationFailedReplication')
        data.failureReason = rng.pick(template.replicationFailures as string[]);
      if (action === 'OperationMissedThreshold' || action === 'OperationReplicatedAfterThreshold')
        data.threshold = '15';
      if (action === 'OperationReplicatedAfterThreshold') data.replicationTime = new Date(at).toISOString();
      return { replicationEventData: data };
    }
    case 'intelligent-tiering':
      return {
        intelligentTieringEventData: { destinationAccessTier: rng.pick(template.archiveTiers as string[]) },
      };
    case 'lifecycle-transition':
      return {
        lifecycleEventData: {
          transitionEventData: { destinationStorageClass: rng.pick(template.transitionClasses as string[]) },
        },
      };
    default:
      return {};
  }
}

function checkBucket(bucket: string): void {
  if (!BUCKET_NAME.test(bucket) || bucket.includes('..') || /^\d+\.\d+\.\d+\.\d+$/.test(bucket)) {
    throw new UsageError(
      `--bucket '${bucket}' is not a valid bucket name`,
      'use 3 to 63 lowercase letters, digits, hyphens and dots',
    );
  }
}

function checkKey(key: string): void {
  const bytes = Buffer.byteLength(key);
  if (bytes === 0 || bytes > 1024) {
    throw new UsageError(`--key is ${bytes} bytes`, 'an S3 key has 1 to 1024 bytes of UTF-8');
  }
}

function kebab(name: string): string {
  return `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** Value patterns compiled once each: keys are made for every record. */
const compiledPatterns = new Map<string, ReturnType<typeof compileTemplate>>();

function fill(pattern: string, rng: Random, at: number): string {
  const date = new Date(at);
  let compiled = compiledPatterns.get(pattern);
  if (!compiled) {
    compiled = compileTemplate(pattern, 's3.json');
    compiledPatterns.set(pattern, compiled);
  }
  return compiled({
    n: rng.int(1000, 99999),
    d: rng.int(1, 4),
    year: String(date.getUTCFullYear()),
    month: String(date.getUTCMonth() + 1).padStart(2, '0'),
    day: String(date.getUTCDate()).padStart(2, '0'),
    uuid: rng.uuid(),
    hex: rng.hex(12),
  }) as string;
}

function realisticBucket(template: Readonly<Record<string, unknown>>, rng: Random): string {
  return fill(
    rng.pick(template.bucketNames as string[]) + rng.pick(template.bucketSuffixes as string[]),
    rng,
    0,
  );
}

function realisticKey(template: Readonly<Record<string, unknown>>, rng: Random, at: number): string {
  return fill(rng.pick(template.keyPrefixes as string[]) + rng.pick(template.keyNames as string[]), rng, at);
}

function realisticConfigurationId(template: Readonly<Record<string, unknown>>, rng: Random): string {
  return fill(rng.pick(template.configurationIds as string[]), rng, 0);
}

/** Object sizes spread over several orders of magnitude, as uploads are. */
function realisticSize(rng: Random): number {
  return rng.int(1, 10 ** rng.int(3, 7));
}
