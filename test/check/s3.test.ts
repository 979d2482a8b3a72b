import { beforeAll, describe } from 'vitest';
import { s3Event } from '../../src/index.js';
import { type Editable, REMOVED, testBrokenRules } from './helpers.js';

const bases: Record<string, Editable> = {};

beforeAll(async () => {
  bases.put = await s3Event({ key: 'a b/c@d.jpg', body: 'hello', versioned: true, records: 2, seed: 1 });
  bases.marker = await s3Event({ eventName: 'ObjectRemoved:DeleteMarkerCreated', seed: 1 });
  bases.restored = await s3Event({ eventName: 'ObjectRestore:Completed', seed: 1 });
  bases.lifecycle = await s3Event({ eventName: 'LifecycleExpiration:Delete', seed: 1 });
  bases.tagging = await s3Event({ eventName: 'ObjectTagging:Put', seed: 1 });
  bases.test = await s3Event({ eventName: 's3:TestEvent', seed: 1 });
});

const at = 'Records[0]';
describe('s3 checker rules', () => {
  testBrokenRules('s3', bases, [
    [
      'a key with a raw space',
      'put',
      { [`${at}.s3.object.key`]: 'a b/c%40d.jpg' },
      `${at}.s3.object.key`,
      /form-URL-encoded/,
    ],
    [
      'a key with %20 for a space',
      'put',
      { [`${at}.s3.object.key`]: 'a%20b/c%40d.jpg' },
      `${at}.s3.object.key`,
      /form-URL-encoded/,
    ],
    [
      'a key with a raw @',
      'put',
      { [`${at}.s3.object.key`]: 'a+b/c@d.jpg' },
      `${at}.s3.object.key`,
      /form-URL-encoded/,
    ],
    [
      'urlDecodedKey is an invention',
      'put',
      { [`${at}.s3.object.urlDecodedKey`]: 'a b' },
      `${at}.s3.object.urlDecodedKey`,
      /never sends/,
    ],
    [
      'eventName without s3: prefix',
      'put',
      { [`${at}.eventName`]: 's3:ObjectCreated:Put' },
      `${at}.eventName`,
      /no s3: prefix/,
    ],
    [
      'an unknown eventName',
      'put',
      { [`${at}.eventName`]: 'ObjectCreated:Upload' },
      `${at}.eventName`,
      /notification type/,
    ],
    [
      'eventVersion per type',
      'put',
      { [`${at}.eventVersion`]: '2.3' },
      `${at}.eventVersion`,
      /eventVersion 2\.1/,
    ],
    [
      'eventVersion 2.0 is not sent',
      'tagging',
      { [`${at}.eventVersion`]: '2.0' },
      `${at}.eventVersion`,
      /eventVersion 2\.3/,
    ],
    [
      'eventTime has milliseconds',
      'put',
      { [`${at}.eventTime`]: '2025-01-01T00:00:00Z' },
      `${at}.eventTime`,
      /milliseconds/,
    ],
    [
      'eTag is unquoted',
      'put',
      { [`${at}.s3.object.eTag`]: '"5d41402abc4b2a76b9719d911017c592"' },
      `${at}.s3.object.eTag`,
      /unquoted/,
    ],
    ['size is a number', 'put', { [`${at}.s3.object.size`]: '5' }, `${at}.s3.object.size`, /whole number/],
    [
      'a zero-byte object has the empty eTag',
      'put',
      { [`${at}.s3.object.size`]: 0 },
      `${at}.s3.object.eTag`,
      /no bytes/,
    ],
    [
      'a create has a size',
      'put',
      { [`${at}.s3.object.size`]: REMOVED },
      `${at}.s3.object.size`,
      /have size/,
    ],
    [
      'a create has a sequencer',
      'put',
      { [`${at}.s3.object.sequencer`]: REMOVED },
      `${at}.s3.object.sequencer`,
      /have sequencer/,
    ],
    [
      'sequencer is uppercase hex',
      'put',
      { [`${at}.s3.object.sequencer`]: 'Happy Sequencer' },
      `${at}.s3.object.sequencer`,
      /uppercase hex/,
    ],
    [
      'sequencers of one key increase',
      'put',
      (e) => {
        e.Records[1].s3.object.key = e.Records[0].s3.object.key;
        e.Records[1].s3.object.sequencer = e.Records[0].s3.object.sequencer;
      },
      'Records[1].s3.object.sequencer',
      /increase/,
    ],
    [
      'versionId is never null',
      'put',
      { [`${at}.s3.object.versionId`]: null },
      `${at}.s3.object.versionId`,
      /non-empty/,
    ],
    [
      'a delete marker has the empty eTag',
      'marker',
      { [`${at}.s3.object.eTag`]: '5d41402abc4b2a76b9719d911017c592' },
      `${at}.s3.object.eTag`,
      /delete marker/,
    ],
    [
      'a delete marker has a versionId',
      'marker',
      { [`${at}.s3.object.versionId`]: REMOVED },
      `${at}.s3.object.versionId`,
      /marker version/,
    ],
    [
      'a delete marker has no size',
      'marker',
      { [`${at}.s3.object.size`]: 0 },
      `${at}.s3.object.size`,
      /no size/,
    ],
    [
      'tagging has no sequencer',
      'tagging',
      { [`${at}.s3.object.sequencer`]: '0068012C2DC9F7CF4E' },
      `${at}.s3.object.sequencer`,
      /no sequencer/,
    ],
    ['tagging has no size', 'tagging', { [`${at}.s3.object.size`]: 5 }, `${at}.s3.object.size`, /no size/],
    [
      'lifecycle is made by S3',
      'lifecycle',
      { [`${at}.userIdentity.principalId`]: 'AWS:AIDAEXAMPLE' },
      `${at}.userIdentity.principalId`,
      /S3 itself/,
    ],
    [
      'lifecycle comes from s3.amazonaws.com',
      'lifecycle',
      { [`${at}.requestParameters.sourceIPAddress`]: '1.2.3.4' },
      `${at}.requestParameters.sourceIPAddress`,
      /s3\.amazonaws\.com/,
    ],
    [
      'request id has 16 characters',
      'put',
      { [`${at}.responseElements.x-amz-request-id`]: 'abc' },
      `${at}.responseElements.x-amz-request-id`,
      /16 characters/,
    ],
    [
      'bucket ARN has no region',
      'put',
      (e) => {
        e.Records[0].s3.bucket.arn = `arn:aws:s3:us-east-1::${e.Records[0].s3.bucket.name}`;
      },
      `${at}.s3.bucket.arn`,
      /arn:<partition>:s3:::<name>/,
    ],
    [
      'bucket ARN partition follows the region',
      'put',
      { [`${at}.awsRegion`]: 'cn-north-1' },
      `${at}.s3.bucket.arn`,
      /partition/,
    ],
    [
      's3SchemaVersion is 1.0',
      'put',
      { [`${at}.s3.s3SchemaVersion`]: '2.0' },
      `${at}.s3.s3SchemaVersion`,
      /"1\.0"/,
    ],
    [
      'record key order',
      'put',
      (e) => {
        const r = e.Records[0];
        const { eventVersion, ...rest } = r;
        e.Records[0] = { ...rest, eventVersion };
      },
      at,
      /order/,
    ],
    [
      'glacierEventData only on restore completion',
      'put',
      { [`${at}.glacierEventData`]: { restoreEventData: {} } },
      `${at}.glacierEventData`,
      /only on its own/,
    ],
    [
      'restore completion has glacierEventData',
      'restored',
      { [`${at}.glacierEventData`]: REMOVED },
      `${at}.glacierEventData`,
      /have glacierEventData/,
    ],
    [
      'the restore storage class is an archive class',
      'restored',
      { [`${at}.glacierEventData.restoreEventData.lifecycleRestoreStorageClass`]: 'standard' },
      `${at}.glacierEventData.restoreEventData.lifecycleRestoreStorageClass`,
      /archive class/,
    ],
    [
      'a restored copy expires later',
      'restored',
      {
        [`${at}.glacierEventData.restoreEventData.lifecycleRestorationExpiryTime`]:
          '1970-01-01T00:00:00.000Z',
      },
      `${at}.glacierEventData.restoreEventData.lifecycleRestorationExpiryTime`,
      /expires after/,
    ],
  ]);
  testBrokenRules('s3 (test event)', bases, [
    ['Service is Amazon S3', 'test', { Service: 'S3' }, 'Service', /Amazon S3/],
    ['RequestId has 16 characters', 'test', { RequestId: 'x' }, 'RequestId', /16 characters/],
    ['Time has milliseconds', 'test', { Time: '2014-10-13T15:57:02Z' }, 'Time', /milliseconds/],
    ['no Records-style extra keys', 'test', { Records: [] }, 'keys', /six keys/],
  ]);
});
