/**
 * What each S3 notification type carries (FORMATS-events §1.2 to §1.4, §1.8): its `eventVersion`,
 * which `s3.object` fields it has, who S3 says made the request, and the block that follows `s3`.
 */
export interface S3EventType {
  readonly name: string;
  /** Observed per type in 2025 (§1.3): 2.1 requests, 2.2 replication, 2.3 tagging/ACL/lifecycle/tiering. */
  readonly version: '2.1' | '2.2' | '2.3';
  readonly size: boolean;
  /** `empty`: the eTag of no bytes, as delete markers carry (§1.4). */
  readonly eTag: boolean | 'empty';
  /** `always`: the event itself makes a version (a delete marker has the marker's id). */
  readonly versionId: 'if-versioned' | 'always';
  readonly sequencer: boolean;
  /** `user`: an IAM principal and a client IP; `s3`: `s3.amazonaws.com` for both; `owner`: `AmazonCustomer:<owner>`. */
  readonly initiator: 'user' | 's3' | 'owner';
  readonly block?: 'glacier' | 'replication' | 'intelligent-tiering' | 'lifecycle-transition';
}

const created = {
  version: '2.1',
  size: true,
  eTag: true,
  versionId: 'if-versioned',
  sequencer: true,
} as const;
const removed = {
  version: '2.1',
  size: false,
  eTag: false,
  versionId: 'if-versioned',
  sequencer: true,
} as const;
const marker = { version: '2.1', size: false, eTag: 'empty', versionId: 'always', sequencer: true } as const;
// Tagging and ACL changes have an eTag but neither size nor sequencer (§1.4, AWS-VAL).
const metadata = {
  version: '2.3',
  size: false,
  eTag: true,
  versionId: 'if-versioned',
  sequencer: false,
} as const;
// Lifecycle transitions, tiering and replication: every field (§1.4, DOC examples).
const whole = { size: true, eTag: true, versionId: 'if-versioned', sequencer: true } as const;

const TYPES: readonly S3EventType[] = [
  { name: 'ObjectCreated:Put', ...created, initiator: 'user' },
  { name: 'ObjectCreated:Post', ...created, initiator: 'user' },
  { name: 'ObjectCreated:Copy', ...created, initiator: 'user' },
  { name: 'ObjectCreated:CompleteMultipartUpload', ...created, initiator: 'user' },
  { name: 'ObjectRemoved:Delete', ...removed, initiator: 'user' },
  { name: 'ObjectRemoved:DeleteMarkerCreated', ...marker, initiator: 'user' },
  { name: 'ObjectRestore:Post', ...created, initiator: 'user' },
  // The completion is reported on behalf of the bucket owner, with the glacier block (§1.1, §1.8).
  { name: 'ObjectRestore:Completed', ...created, initiator: 'owner', block: 'glacier' },
  // The restored copy expiring: S3's own act, version 2.3 (§1.2). Fields as the restore events:
  // no capture exists, the object is unchanged by it.
  { name: 'ObjectRestore:Delete', ...created, version: '2.3', initiator: 's3' },
  { name: 'ObjectTagging:Put', ...metadata, initiator: 'user' },
  { name: 'ObjectTagging:Delete', ...metadata, initiator: 'user' },
  { name: 'ObjectAcl:Put', ...metadata, initiator: 'user' },
  { name: 'LifecycleExpiration:Delete', ...removed, version: '2.3', initiator: 's3' },
  { name: 'LifecycleExpiration:DeleteMarkerCreated', ...marker, version: '2.3', initiator: 's3' },
  { name: 'LifecycleTransition', ...whole, version: '2.3', initiator: 's3', block: 'lifecycle-transition' },
  { name: 'IntelligentTiering', ...whole, version: '2.3', initiator: 's3', block: 'intelligent-tiering' },
  ...[
    'OperationFailedReplication',
    'OperationMissedThreshold',
    'OperationReplicatedAfterThreshold',
    'OperationNotTracked',
  ].map((action) => ({
    name: `Replication:${action}`,
    ...whole,
    version: '2.2' as const,
    initiator: 's3' as const,
    block: 'replication' as const,
  })),
];

/** Not a record: the message S3 sends once when a notification configuration is saved (§1.7). */
export const TEST_EVENT = 's3:TestEvent';

export const S3_EVENT_NAMES: readonly string[] = [...TYPES.map((type) => type.name), TEST_EVENT];

const BY_NAME = new Map(TYPES.map((type) => [type.name, type]));

export function eventType(name: string): S3EventType | undefined {
  return BY_NAME.get(name);
}

/** The eTag of an empty object, which a delete marker carries (§1.4). */
export const EMPTY_ETAG = 'd41d8cd98f00b204e9800998ecf8427e';

/** The configuration's test message (@types/aws-lambda has no type for it). */
export interface S3TestEvent {
  Service: 'Amazon S3';
  Event: 's3:TestEvent';
  Time: string;
  Bucket: string;
  RequestId: string;
  HostId: string;
}
