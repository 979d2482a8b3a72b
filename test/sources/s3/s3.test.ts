import { createHash } from 'node:crypto';
import { S3Schema } from '@aws-lambda-powertools/parser/schemas';
import type { S3Event, S3EventRecord } from 'aws-lambda';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { checkEvent } from '../../../src/check/registry.js';
import { generate, s3Event } from '../../../src/index.js';
import { S3_EVENT_NAMES, type S3TestEvent } from '../../../src/sources/s3/event-names.js';
import { decodeS3Key, encodeS3Key } from '../../../src/sources/s3/key.js';
import { runCli } from '../../helpers/cli.js';
import { ndjsonEvents, oneEvent } from '../../helpers/matrix.js';

const record = (event: S3Event): S3EventRecord => event.Records[0] as S3EventRecord;
const s3 = (args: string[], stdin = '') => oneEvent<S3Event>(['s3', ...args], stdin);

describe('s3: every event of a matrix of options and seeds is valid (Powertools S3Schema and the checker)', () => {
  const notificationNames = S3_EVENT_NAMES.filter((name) => name !== 's3:TestEvent');
  const flagSets: string[][] = [
    [],
    ['--bucket', 'photos', '--key', 'summer trip/día 1@beach+sea.jpg', '--body', 'hello'],
    ['--size', '0'],
    ['--versioned', '--records', '3'],
    ['--version-id', 'yd3d4HaWOT2zguDLvIQLU6ptDTwKBnQV', '--key', 'a/b'],
    ['--event-version', '2.6', '--configuration-id', 'OnUpload'],
    ['--region', 'cn-north-1', '--account-id', '000123456789'],
    ...notificationNames.map((name) => ['--event-name', name]),
  ];
  for (const flags of flagSets) {
    for (const seed of ['1', 'two']) {
      it(`${flags.join(' ') || '(defaults)'} --seed ${seed}`, async () => {
        for (const event of await ndjsonEvents(['s3', ...flags, '--seed', seed])) {
          expect(() => S3Schema.parse(event)).not.toThrow();
          expect(await checkEvent(event)).toEqual({ kind: 's3', problems: [] });
        }
      });
    }
  }
  it('s3:TestEvent --count 200 passes its checker', async () => {
    for (const event of await ndjsonEvents(['s3', '--event-name', 's3:TestEvent', '--seed', '3'])) {
      expect(await checkEvent(event)).toEqual({ kind: 's3 (test event)', problems: [] });
    }
  });
});

describe('s3: key encoding (FORMATS-events §1.5)', () => {
  it.each([
    ['red flower.jpg', 'red+flower.jpg'],
    ['a@b', 'a%40b'],
    ['test/key', 'test/key'],
    ['expiration/delete', 'expiration/delete'],
    ['c++ notes.txt', 'c%2B%2B+notes.txt'],
    ['dt=2018-05-04/_SUCCESS', 'dt%3D2018-05-04/_SUCCESS'],
    ['photo (1).jpg', 'photo+%281%29.jpg'],
    ['día.txt', 'd%C3%ADa.txt'],
    ['a-b_c.d*e~f', 'a-b_c.d*e%7Ef'],
    ['10:47:07.log', '10%3A47%3A07.log'],
  ])('%s → %s', (key, encoded) => {
    expect(encodeS3Key(key)).toBe(encoded);
    expect(decodeS3Key(encoded)).toBe(key);
  });

  it('--key is the real key; the event carries it encoded', async () => {
    expect(record(await s3(['--key', 'Quarterly Report Q1.xlsx'])).s3.object.key).toBe(
      'Quarterly+Report+Q1.xlsx',
    );
  });
});

describe('s3: size and eTag follow from the body', () => {
  it('eTag is the MD5 hex of the body and size its byte length', async () => {
    const object = record(await s3(['--body', 'something'])).s3.object;
    expect(object.size).toBe(9);
    // AWS-VAL capture: the 9-byte body "something" has this eTag.
    expect(object.eTag).toBe('437b930db84b8079c2dd804a71936b5f');
    const fromStdin = record(await s3(['--body', '-'], 'día\n')).s3.object;
    expect(fromStdin.size).toBe(5);
    expect(fromStdin.eTag).toBe(createHash('md5').update('día\n').digest('hex'));
  });

  it('a multipart upload has the MD5 of its part digests and the part count', async () => {
    const object = record(
      await s3(['--event-name', 'ObjectCreated:CompleteMultipartUpload', '--body', 'something']),
    ).s3.object;
    const partDigest = createHash('md5').update('something').digest();
    expect(object.eTag).toBe(`${createHash('md5').update(partDigest).digest('hex')}-1`);
  });

  it('an empty object has the MD5 of no bytes', async () => {
    expect(record(await s3(['--size', '0'])).s3.object.eTag).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(record(await s3(['--body', ''])).s3.object).toMatchObject({
      size: 0,
      eTag: 'd41d8cd98f00b204e9800998ecf8427e',
    });
  });

  it('the library takes bytes as well as text', async () => {
    const event = await s3Event({ body: new Uint8Array([0, 1, 2, 255]), seed: 1 });
    expect(record(event).s3.object.eTag).toBe(
      createHash('md5')
        .update(Buffer.from([0, 1, 2, 255]))
        .digest('hex'),
    );
  });
});

describe('s3: the fields each type has and lacks, in the real order (§1.1, §1.4)', () => {
  const objectKeys = async (name: string, extra: string[] = []) =>
    Object.keys(record(await s3(['--event-name', name, '--seed', '4', ...extra])).s3.object);

  it('record keys in the real order', async () => {
    const r = record(await s3(['--seed', '1']));
    expect(Object.keys(r)).toEqual([
      'eventVersion',
      'eventSource',
      'awsRegion',
      'eventTime',
      'eventName',
      'userIdentity',
      'requestParameters',
      'responseElements',
      's3',
    ]);
    expect(Object.keys(r.s3)).toEqual(['s3SchemaVersion', 'configurationId', 'bucket', 'object']);
    expect(Object.keys(r.s3.bucket)).toEqual(['name', 'ownerIdentity', 'arn']);
    expect(Object.keys(r.responseElements)).toEqual(['x-amz-request-id', 'x-amz-id-2']);
  });

  it.each([
    ['ObjectCreated:Put', [], ['key', 'size', 'eTag', 'sequencer']],
    ['ObjectCreated:Put', ['--versioned'], ['key', 'size', 'eTag', 'versionId', 'sequencer']],
    ['ObjectRemoved:Delete', [], ['key', 'sequencer']],
    ['ObjectRemoved:Delete', ['--versioned'], ['key', 'versionId', 'sequencer']],
    ['ObjectRemoved:DeleteMarkerCreated', [], ['key', 'eTag', 'versionId', 'sequencer']],
    ['ObjectTagging:Put', [], ['key', 'eTag']],
    ['ObjectAcl:Put', [], ['key', 'eTag']],
    ['LifecycleExpiration:Delete', [], ['key', 'sequencer']],
    ['IntelligentTiering', [], ['key', 'size', 'eTag', 'sequencer']],
  ])('%s %j: s3.object has %j', async (name, extra, keys) => {
    expect(await objectKeys(name, extra)).toEqual(keys);
  });

  it.each([
    ['ObjectCreated:Put', '2.1'],
    ['ObjectRestore:Completed', '2.1'],
    ['ObjectRestore:Delete', '2.3'],
    ['ObjectTagging:Delete', '2.3'],
    ['LifecycleTransition', '2.3'],
    ['Replication:OperationFailedReplication', '2.2'],
  ])('%s has eventVersion %s; --event-version sets another', async (name, version) => {
    expect(record(await s3(['--event-name', name])).eventVersion).toBe(version);
    expect(record(await s3(['--event-name', name, '--event-version', '2.5'])).eventVersion).toBe('2.5');
  });

  it('a delete marker has the empty eTag and its own version id', async () => {
    const object = record(await s3(['--event-name', 'ObjectRemoved:DeleteMarkerCreated', '--seed', '1'])).s3
      .object;
    expect(object.eTag).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(object.versionId).toMatch(/^[A-Za-z0-9._]{32}$/);
  });

  it('S3-initiated types name S3, restore completion names the bucket owner', async () => {
    const lifecycle = record(await s3(['--event-name', 'LifecycleExpiration:Delete']));
    expect(lifecycle.userIdentity.principalId).toBe('s3.amazonaws.com');
    expect(lifecycle.requestParameters.sourceIPAddress).toBe('s3.amazonaws.com');
    const restored = record(
      await s3(['--event-name', 'ObjectRestore:Completed', '--time', '2025-03-04T05:06:07.089Z']),
    );
    expect(restored.userIdentity.principalId).toBe(
      `AmazonCustomer:${restored.s3.bucket.ownerIdentity.principalId}`,
    );
    expect(Object.keys(restored).at(-1)).toBe('glacierEventData');
    expect(restored.glacierEventData?.restoreEventData.lifecycleRestorationExpiryTime).toBe(
      '2025-03-12T00:00:00.000Z',
    );
    const put = record(await s3([]));
    expect(put.userIdentity.principalId).toMatch(/^AWS:AIDA[A-Z2-7]{17}$/);
  });

  it('type-specific blocks follow s3 (§1.8)', async () => {
    const failed = record(
      await s3(['--event-name', 'Replication:OperationFailedReplication']),
    ) as unknown as Record<string, Record<string, unknown>>;
    expect(Object.keys(failed.replicationEventData ?? {})).toEqual([
      'replicationRuleId',
      'destinationBucket',
      's3Operation',
      'requestTime',
      'failureReason',
    ]);
    const tiering = record(await s3(['--event-name', 'IntelligentTiering'])) as unknown as Record<
      string,
      Record<string, unknown>
    >;
    expect(tiering.intelligentTieringEventData?.destinationAccessTier).toMatch(/^(DEEP_)?ARCHIVE_ACCESS$/);
    const transition = record(await s3(['--event-name', 'LifecycleTransition'])) as unknown as Record<
      string,
      Record<string, Record<string, unknown>>
    >;
    expect(transition.lifecycleEventData?.transitionEventData?.destinationStorageClass).toEqual(
      expect.any(String),
    );
  });
});

describe('s3: ids, times and ARNs', () => {
  it('sequencer carries the event second and increases for one key; ids have real shapes', async () => {
    const time = '2023-04-12T20:43:38.021Z';
    const event = await s3(['--records', '5', '--key', 'same.txt', '--time', time]);
    let previous = '';
    for (const r of event.Records) {
      expect(r.s3.object.sequencer).toMatch(/^00[0-9A-F]{16}$/);
      expect(Number.parseInt(r.s3.object.sequencer.slice(2, 10), 16)).toBe(
        Math.floor(Date.parse(r.eventTime) / 1000),
      );
      expect(r.s3.object.sequencer > previous).toBe(true);
      previous = r.s3.object.sequencer;
      expect(r.responseElements['x-amz-request-id']).toMatch(/^[0-9A-Z]{16}$/);
      expect(r.responseElements['x-amz-id-2']).toMatch(/^[A-Za-z0-9+/]{76}$/);
      expect(r.s3.bucket.ownerIdentity.principalId).toMatch(/^A[0-9A-Z]{12,13}$/);
      expect(r.eventTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
    expect(event.Records.at(-1)?.eventTime).toBe(time);
  });

  it('the bucket ARN has no region or account; awsRegion and partition follow --region', async () => {
    const r = record(await s3(['--bucket', 'photos', '--region', 'cn-north-1']));
    expect(r.s3.bucket.arn).toBe('arn:aws-cn:s3:::photos');
    expect(r.awsRegion).toBe('cn-north-1');
  });

  it('s3:TestEvent is not wrapped in Records and has its six keys', async () => {
    const event = await oneEvent<Record<string, string>>([
      's3',
      '--event-name',
      's3:TestEvent',
      '--bucket',
      'photos',
      '--time',
      '2014-10-13T15:57:02.089Z',
    ]);
    expect(Object.keys(event)).toEqual(['Service', 'Event', 'Time', 'Bucket', 'RequestId', 'HostId']);
    expect(event).toMatchObject({
      Service: 'Amazon S3',
      Event: 's3:TestEvent',
      Time: '2014-10-13T15:57:02.089Z',
      Bucket: 'photos',
    });
    expect(event.RequestId).toMatch(/^[0-9A-F]{16}$/);
  });

  it('the common options work: --set, --merge, the same bytes for a seed', async () => {
    const a = await runCli(['s3', '--seed', '9', '--set', 'Records[0].s3.bucket.name=edited']);
    const b = await runCli(['s3', '--seed', '9', '--set', 'Records[0].s3.bucket.name=edited']);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout).Records[0].s3.bucket.name).toBe('edited');
    const merged = await runCli(['s3', '--seed', '9', '--merge', '-'], '{"Records":[{"awsRegion":"x"}]}');
    expect(JSON.parse(merged.stdout).Records[0].awsRegion).toBe('x');
  });
});

describe('s3: the library builder', () => {
  it('returns S3Event, or S3TestEvent for the test message, the same as generate()', async () => {
    expectTypeOf(await s3Event({ seed: 1 })).toEqualTypeOf<S3Event>();
    const test = await s3Event({ eventName: 's3:TestEvent', bucket: 'photos', seed: 1 });
    expectTypeOf(test).toEqualTypeOf<S3TestEvent>();
    expect(test.Bucket).toBe('photos');
    const options = { key: 'a b.txt', body: 'x', seed: 3 };
    expect(await s3Event(options)).toEqual(await generate('s3', options));
  });
});

describe('s3: bad input', () => {
  it.each([
    [
      ['--bucket', 'Bad_Bucket'],
      "gen-event: --bucket 'Bad_Bucket' is not a valid bucket name (use 3 to 63 lowercase letters, digits, hyphens and dots)\n",
    ],
    [
      ['--body', 'abc', '--size', '4'],
      'gen-event: --size 4 disagrees with --body (3 bytes) (drop --size: it follows from the body)\n',
    ],
    [
      ['--event-name', 'ObjectRemoved:Delete', '--size', '4'],
      'gen-event: ObjectRemoved:Delete carries no object size (drop --size for this type)\n',
    ],
    [
      ['--event-name', 's3:TestEvent', '--key', 'a'],
      'gen-event: s3:TestEvent takes no --key (it names only the bucket; drop the option)\n',
    ],
    [
      ['--event-version', '3'],
      "gen-event: --event-version '3' is not an S3 event version (give 2.1, 2.2, 2.3 or later, e.g. 2.4)\n",
    ],
    [['--key', ''], 'gen-event: --key is 0 bytes (an S3 key has 1 to 1024 bytes of UTF-8)\n'],
    [['--version-id', ''], 'gen-event: --version-id is empty (give the version id, or drop it)\n'],
  ])('%j', async (args, stderr) => {
    const result = await runCli(['s3', ...args]);
    expect(result).toEqual({ status: 2, stdout: '', stderr });
  });

  it('the library refuses an event name with the s3: prefix', async () => {
    await expect(s3Event({ eventName: 's3:ObjectCreated:Put' })).rejects.toThrow(
      "--event-name 's3:ObjectCreated:Put' has the s3: prefix",
    );
  });
});
