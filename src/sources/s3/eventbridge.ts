import type { EventContext } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import { eventBridgeEvent } from '../eventbridge/envelope.js';
import { decodeS3Key } from './key.js';

/**
 * A bucket with EventBridge notifications on sends its own event for each change, not the
 * notification wrapped (FORMATS-events §3.3): a `detail-type` per change, kebab-case detail keys,
 * `etag` with a lowercase e, and the key as stored (not URL-encoded).
 */
interface Mapping {
  detailType: string;
  reason?: string;
  deletionType?: string;
}

const MAPPINGS: Readonly<Record<string, Mapping>> = {
  'ObjectCreated:Put': { detailType: 'Object Created', reason: 'PutObject' },
  'ObjectCreated:Post': { detailType: 'Object Created', reason: 'PostObject' },
  'ObjectCreated:Copy': { detailType: 'Object Created', reason: 'CopyObject' },
  'ObjectCreated:CompleteMultipartUpload': {
    detailType: 'Object Created',
    reason: 'CompleteMultipartUpload',
  },
  'ObjectRemoved:Delete': {
    detailType: 'Object Deleted',
    reason: 'DeleteObject',
    deletionType: 'Permanently Deleted',
  },
  'ObjectRemoved:DeleteMarkerCreated': {
    detailType: 'Object Deleted',
    reason: 'DeleteObject',
    deletionType: 'Delete Marker Created',
  },
  'ObjectRestore:Post': { detailType: 'Object Restore Initiated' },
  'ObjectRestore:Completed': { detailType: 'Object Restore Completed' },
  'ObjectRestore:Delete': { detailType: 'Object Restore Expired' },
  'ObjectTagging:Put': { detailType: 'Object Tags Added' },
  'ObjectTagging:Delete': { detailType: 'Object Tags Deleted' },
  'ObjectAcl:Put': { detailType: 'Object ACL Updated' },
  'LifecycleExpiration:Delete': {
    detailType: 'Object Expired',
    reason: 'Lifecycle Expiration',
    deletionType: 'Permanently Deleted',
  },
  'LifecycleExpiration:DeleteMarkerCreated': {
    detailType: 'Object Expired',
    reason: 'Lifecycle Expiration',
    deletionType: 'Delete Marker Created',
  },
  LifecycleTransition: { detailType: 'Object Storage Class Changed' },
  IntelligentTiering: { detailType: 'Object Access Tier Changed' },
};

/** The S3 notification types EventBridge has an event for (replication has none). */
export function checkEventBridgeType(eventName: string): void {
  if (!Object.hasOwn(MAPPINGS, eventName)) {
    throw new UsageError(
      `S3 sends no EventBridge event for ${eventName}`,
      'drop --via eventbridge, or choose an object-level type such as ObjectCreated:Put',
    );
  }
}

type S3Record = {
  eventName: string;
  userIdentity: { principalId: string };
  requestParameters: { sourceIPAddress: string };
  responseElements: Record<string, string>;
  s3: { bucket: { name: string; arn: string }; object: Record<string, unknown> };
  glacierEventData?: {
    restoreEventData: { lifecycleRestorationExpiryTime: string; lifecycleRestoreStorageClass: string };
  };
  lifecycleEventData?: { transitionEventData: { destinationStorageClass: string } };
  intelligentTieringEventData?: { destinationAccessTier: string };
};

/** The EventBridge event S3 sends for the same change as the notification `record`. */
export function s3EventBridgeEvent(ctx: EventContext, record: S3Record): Record<string, unknown> {
  const mapping = MAPPINGS[record.eventName] as Mapping;
  const source = record.s3.object;
  const object: Record<string, unknown> = { key: decodeS3Key(String(source.key)) };
  // Deletes have no size or etag, ACL changes no sequencer (FORMATS-events §3.3).
  if (source.size !== undefined) object.size = source.size;
  if (source.eTag !== undefined && mapping.detailType !== 'Object Deleted') object.etag = source.eTag;
  if (source.versionId !== undefined) object['version-id'] = source.versionId;
  if (source.sequencer !== undefined && !mapping.detailType.startsWith('Object Restore'))
    object.sequencer = source.sequencer;
  const byS3 = record.userIdentity.principalId === 's3.amazonaws.com';
  const detail: Record<string, unknown> = {
    version: '0',
    bucket: { name: record.s3.bucket.name },
    object,
    'request-id': record.responseElements['x-amz-request-id'],
    // The requester is the account for its own requests, or the service acting for it.
    requester: byS3 ? 's3.amazonaws.com' : ctx.run.accountId,
  };
  if (!byS3) detail['source-ip-address'] = record.requestParameters.sourceIPAddress;
  if (mapping.reason !== undefined) detail.reason = mapping.reason;
  if (mapping.deletionType !== undefined) detail['deletion-type'] = mapping.deletionType;
  const restore = record.glacierEventData?.restoreEventData;
  if (restore) detail['restore-expiry-time'] = restore.lifecycleRestorationExpiryTime;
  if (mapping.detailType.startsWith('Object Restore')) {
    detail['source-storage-class'] = restore?.lifecycleRestoreStorageClass ?? 'GLACIER';
  }
  const transition = record.lifecycleEventData?.transitionEventData;
  if (transition) detail['destination-storage-class'] = transition.destinationStorageClass;
  const tier = record.intelligentTieringEventData;
  if (tier) detail['destination-access-tier'] = tier.destinationAccessTier;
  return eventBridgeEvent(ctx, {
    source: 'aws.s3',
    detailType: mapping.detailType,
    resources: [record.s3.bucket.arn],
    detail,
  });
}
