import { type EventChecker, isRecord, type ProblemList } from '../../check/problems.js';
import { partitionOf } from '../../core/aws.js';
import { detectS3, detectS3TestEvent } from './detect.js';
import { EMPTY_ETAG, eventType, type S3EventType } from './event-names.js';
import { decodeS3Key, encodeS3Key, isEncodedS3Key } from './key.js';

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ETAG = /^[0-9a-f]{32}(-[1-9]\d{0,4})?$/;
const REQUEST_ID = /^[0-9A-Z]{16}$/;
const SEQUENCER = /^[0-9A-F]{16,}$/;
const HOST_ID = /^[A-Za-z0-9+/=]{20,}$/;
const RECORD_KEYS = [
  'eventVersion',
  'eventSource',
  'awsRegion',
  'eventTime',
  'eventName',
  'userIdentity',
  'requestParameters',
  'responseElements',
  's3',
];
const BLOCKS: Readonly<Record<NonNullable<S3EventType['block']>, string>> = {
  glacier: 'glacierEventData',
  replication: 'replicationEventData',
  'intelligent-tiering': 'intelligentTieringEventData',
  'lifecycle-transition': 'lifecycleEventData',
};

/** S3 event notifications as S3 invokes Lambda with them (FORMATS-events §1). */
export const s3Checker: EventChecker = {
  kind: 's3',
  source: 's3',
  detect: detectS3,

  check(event, problems) {
    const records = event.Records as unknown[];
    const lastSequencer = new Map<string, string>();
    records.forEach((record, i) => {
      const at = `Records[${i}]`;
      if (!isRecord(record)) {
        problems.add(at, 'a record is an object');
        return;
      }
      checkRecord(record, at, problems);
      // For one key, a later event has a larger sequencer (the shorter right-padded with 0, §1.6).
      const object = isRecord(record.s3) && isRecord(record.s3.object) ? record.s3.object : {};
      if (typeof object.key === 'string' && typeof object.sequencer === 'string') {
        const previous = lastSequencer.get(object.key);
        if (previous !== undefined && compareSequencers(object.sequencer, previous) <= 0) {
          problems.add(`${at}.s3.object.sequencer`, 'sequencers of one key increase from event to event');
        }
        lastSequencer.set(object.key, object.sequencer);
      }
    });
  },
};

/** The message S3 sends when a notification configuration is saved (FORMATS-events §1.7). */
export const s3TestEventChecker: EventChecker = {
  kind: 's3 (test event)',
  source: 's3',
  detect: detectS3TestEvent,

  check(event, problems) {
    problems.expectEqual('Service', event.Service, 'Amazon S3', 'Service is "Amazon S3"');
    problems.expectMatch('Time', event.Time, ISO_MS, 'Time is ISO-8601 with milliseconds and Z');
    if (typeof event.Bucket !== 'string' || event.Bucket.length === 0)
      problems.add('Bucket', 'Bucket names the bucket');
    problems.expectMatch('RequestId', event.RequestId, REQUEST_ID, 'RequestId has 16 characters of [0-9A-Z]');
    problems.expectMatch('HostId', event.HostId, HOST_ID, 'HostId is base64-like');
    problems.expectEqual(
      'keys',
      Object.keys(event),
      ['Service', 'Event', 'Time', 'Bucket', 'RequestId', 'HostId'],
      'the test event has exactly its six keys, in order',
    );
  },
};

function checkRecord(record: Record<string, unknown>, at: string, problems: ProblemList): void {
  problems.expectEqual(`${at}.eventSource`, record.eventSource, 'aws:s3', 'eventSource is aws:s3');
  const keys = Object.keys(record);
  problems.expectEqual(
    `${at}`,
    keys.slice(0, RECORD_KEYS.length),
    RECORD_KEYS,
    'record fields are in the order S3 writes them',
  );

  const name = typeof record.eventName === 'string' ? record.eventName : '';
  const type = eventType(name);
  if (name.startsWith('s3:')) {
    problems.add(`${at}.eventName`, 'eventName has no s3: prefix in an event', name.slice(3));
  } else if (!type) {
    problems.add(`${at}.eventName`, 'eventName is an S3 notification type such as ObjectCreated:Put');
  }
  // Per-type version until S3's unified 2.4 and later (§1.3); never 2.0.
  const version = String(record.eventVersion ?? '');
  const minor = /^2\.(\d+)$/.exec(version);
  if (!minor) problems.add(`${at}.eventVersion`, 'eventVersion is 2.<minor>');
  else if (type && Number(minor[1]) < 4 && version !== type.version) {
    problems.add(
      `${at}.eventVersion`,
      `${name} events have eventVersion ${type.version} (or the unified 2.4 and later)`,
      type.version,
    );
  }
  problems.expectMatch(
    `${at}.eventTime`,
    record.eventTime,
    ISO_MS,
    'eventTime is ISO-8601 with milliseconds and Z',
  );
  const region = typeof record.awsRegion === 'string' ? record.awsRegion : '';

  const identity = isRecord(record.userIdentity) ? record.userIdentity.principalId : undefined;
  const sourceIp = isRecord(record.requestParameters) ? record.requestParameters.sourceIPAddress : undefined;
  if (type?.initiator === 's3') {
    problems.expectEqual(
      `${at}.userIdentity.principalId`,
      identity,
      's3.amazonaws.com',
      `${name} is made by S3 itself`,
    );
    problems.expectEqual(
      `${at}.requestParameters.sourceIPAddress`,
      sourceIp,
      's3.amazonaws.com',
      `${name} comes from s3.amazonaws.com`,
    );
  } else if (typeof identity !== 'string' || identity.length === 0) {
    problems.add(`${at}.userIdentity.principalId`, 'userIdentity.principalId names who made the request');
  }
  const response = isRecord(record.responseElements) ? record.responseElements : {};
  if (type?.block !== 'replication') {
    problems.expectMatch(
      `${at}.responseElements.x-amz-request-id`,
      response['x-amz-request-id'],
      REQUEST_ID,
      'x-amz-request-id has 16 characters of [0-9A-Z]',
    );
  }
  problems.expectMatch(
    `${at}.responseElements.x-amz-id-2`,
    response['x-amz-id-2'],
    HOST_ID,
    'x-amz-id-2 is base64-like',
  );

  const s3 = isRecord(record.s3) ? record.s3 : undefined;
  if (!s3) {
    problems.add(`${at}.s3`, 's3 describes the bucket and object');
    return;
  }
  problems.expectEqual(`${at}.s3.s3SchemaVersion`, s3.s3SchemaVersion, '1.0', 's3SchemaVersion is "1.0"');
  const bucket = isRecord(s3.bucket) ? s3.bucket : {};
  if (typeof bucket.name === 'string') {
    problems.expectEqual(
      `${at}.s3.bucket.arn`,
      bucket.arn,
      `arn:${partitionOf(region)}:s3:::${bucket.name}`,
      'the bucket ARN is arn:<partition>:s3:::<name>, in the partition of awsRegion',
    );
  } else problems.add(`${at}.s3.bucket.name`, 'the bucket has a name');
  const object = isRecord(s3.object) ? s3.object : undefined;
  if (!object) {
    problems.add(`${at}.s3.object`, 's3.object describes the object');
    return;
  }
  checkObject(object, `${at}.s3.object`, type, problems);
  checkBlocks(record, at, type, problems);
}

function checkObject(
  object: Record<string, unknown>,
  at: string,
  type: S3EventType | undefined,
  problems: ProblemList,
): void {
  if (typeof object.key !== 'string' || object.key.length === 0)
    problems.add(`${at}.key`, 'key is the object key');
  else if (!isEncodedS3Key(object.key)) {
    let expected: string | undefined;
    try {
      expected = encodeS3Key(decodeS3Key(object.key));
    } catch {
      expected = undefined;
    }
    problems.add(`${at}.key`, 'key is form-URL-encoded (space as +, other characters as %XX)', expected);
  }
  if ('urlDecodedKey' in object) problems.add(`${at}.urlDecodedKey`, 'S3 never sends urlDecodedKey');
  if (
    'size' in object &&
    (typeof object.size !== 'number' || !Number.isInteger(object.size) || object.size < 0)
  ) {
    problems.add(`${at}.size`, 'size is a whole number of bytes');
  }
  if ('eTag' in object)
    problems.expectMatch(
      `${at}.eTag`,
      object.eTag,
      ETAG,
      'eTag is lowercase hex MD5, unquoted (multipart: -<parts>)',
    );
  if ('sequencer' in object)
    problems.expectMatch(`${at}.sequencer`, object.sequencer, SEQUENCER, 'sequencer is uppercase hex');
  if ('versionId' in object && (typeof object.versionId !== 'string' || object.versionId.length === 0)) {
    problems.add(`${at}.versionId`, 'versionId is a non-empty string; unversioned buckets omit it');
  }
  // A zero-byte single-part object has the MD5 of nothing (§1.4).
  if (object.size === 0 && typeof object.eTag === 'string' && !object.eTag.includes('-')) {
    problems.expectEqual(
      `${at}.eTag`,
      object.eTag,
      EMPTY_ETAG,
      'a zero-byte object has the eTag of no bytes',
    );
  }
  if (!type) return;
  const has = (field: string, present: boolean, what: string) => {
    if (present && !(field in object)) problems.add(`${at}.${field}`, `${type.name} events have ${what}`);
    if (!present && field in object) problems.add(`${at}.${field}`, `${type.name} events have no ${what}`);
  };
  has('size', type.size, 'size');
  has('eTag', type.eTag !== false, 'eTag');
  has('sequencer', type.sequencer, 'sequencer');
  if (type.versionId === 'always') has('versionId', true, 'versionId (the marker version)');
  if (type.eTag === 'empty')
    problems.expectEqual(`${at}.eTag`, object.eTag, EMPTY_ETAG, 'a delete marker has the eTag of no bytes');
}

function checkBlocks(
  record: Record<string, unknown>,
  at: string,
  type: S3EventType | undefined,
  problems: ProblemList,
): void {
  for (const [block, field] of Object.entries(BLOCKS)) {
    const belongs = type?.block === block;
    if (!belongs && field in record)
      problems.add(`${at}.${field}`, `${field} appears only on its own event type`);
    if (belongs && !isRecord(record[field]))
      problems.add(`${at}.${field}`, `${type?.name} events have ${field}`);
  }
  if (type?.block === 'glacier' && isRecord(record.glacierEventData)) {
    const restore = record.glacierEventData.restoreEventData;
    const where = `${at}.glacierEventData.restoreEventData`;
    if (!isRecord(restore)) problems.add(where, 'glacierEventData holds restoreEventData');
    else {
      problems.expectMatch(
        `${where}.lifecycleRestorationExpiryTime`,
        restore.lifecycleRestorationExpiryTime,
        ISO_MS,
        'the restore expiry is ISO-8601 with milliseconds and Z',
      );
      if (String(restore.lifecycleRestorationExpiryTime) <= String(record.eventTime)) {
        problems.add(
          `${where}.lifecycleRestorationExpiryTime`,
          'a restored copy expires after it was restored',
        );
      }
      problems.expectMatch(
        `${where}.lifecycleRestoreStorageClass`,
        restore.lifecycleRestoreStorageClass,
        /^(GLACIER|DEEP_ARCHIVE)$/,
        'the restore storage class is the archive class it came from',
      );
    }
  }
}

/** Compares two sequencers after right-padding the shorter with 0 (FORMATS-events §1.6). */
function compareSequencers(a: string, b: string): number {
  const width = Math.max(a.length, b.length);
  const left = a.padEnd(width, '0');
  const right = b.padEnd(width, '0');
  return left < right ? -1 : left > right ? 1 : 0;
}
