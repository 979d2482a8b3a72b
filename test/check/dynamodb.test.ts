import { beforeAll, describe, expect, it } from 'vitest';
import { checkEvent } from '../../src/check/registry.js';
import { dynamoDbEvent } from '../../src/index.js';
import { type Editable, REMOVED, testBrokenRules } from './helpers.js';

const bases: Record<string, Editable> = {};

beforeAll(async () => {
  bases.modify = await dynamoDbEvent({
    newImage: { pk: 'u#1', sk: 'p', n: 2, tags: ['a', 'b'], blob: { $B: 'AAEqQQ==' } },
    oldImage: { pk: 'u#1', sk: 'p', n: 1, tags: ['a'], blob: { $B: 'AAEqQQ==' } },
    keys: ['pk', 'sk'],
    setTypes: { tags: 'SS' },
    records: 3,
    seed: 'check',
  });
  bases.ttl = await dynamoDbEvent({ ttl: true, seed: 'check' });
  bases.insert = await dynamoDbEvent({ seed: 'check', viewType: 'NEW_IMAGE' });
});

describe('dynamodb checker rules', () => {
  testBrokenRules('dynamodb', bases, [
    [
      'Keys equal the key attributes of NewImage',
      'modify',
      { 'Records[0].dynamodb.Keys.pk.S': 'u#2' },
      'Records[0].dynamodb.Keys.pk',
      /Keys holds the key attributes of NewImage/,
    ],
    [
      'Keys equal the key attributes of OldImage',
      'modify',
      { 'Records[0].dynamodb.OldImage.sk.S': 'q' },
      'Records[0].dynamodb.Keys.sk',
      /Keys holds the key attributes of OldImage/,
    ],
    [
      'an image the view type excludes',
      'insert',
      (e) => {
        e.Records[0].dynamodb.OldImage = e.Records[0].dynamodb.NewImage;
      },
      'Records[0].dynamodb.OldImage',
      /INSERT record with view NEW_IMAGE has no OldImage/,
    ],
    [
      'an image the view type shows',
      'modify',
      { 'Records[1].dynamodb.OldImage': REMOVED },
      'Records[1].dynamodb.OldImage',
      /MODIFY record with view NEW_AND_OLD_IMAGES has OldImage/,
    ],
    [
      'SizeBytes is the item size',
      'modify',
      { 'Records[0].dynamodb.SizeBytes': 54 },
      'Records[0].dynamodb.SizeBytes',
      /SizeBytes is the item size/,
    ],
    [
      'SizeBytes follows an edited image',
      'modify',
      { 'Records[2].dynamodb.NewImage.n.N': '123456' },
      'Records[2].dynamodb.SizeBytes',
      /SizeBytes is the item size/,
    ],
    [
      'sequence numbers increase along the batch',
      'modify',
      (e) => {
        e.Records[2].dynamodb.SequenceNumber = e.Records[0].dynamodb.SequenceNumber;
      },
      'Records[2].dynamodb.SequenceNumber',
      /increase/,
    ],
    [
      'N holds a number as text',
      'modify',
      { 'Records[0].dynamodb.NewImage.n': { N: 2 } },
      'Records[0].dynamodb.NewImage.n.N',
      /N holds a number written as a string/,
    ],
    [
      'B is base64',
      'modify',
      { 'Records[0].dynamodb.NewImage.blob.B': 'not base64!' },
      'Records[0].dynamodb.NewImage.blob.B',
      /base64/,
    ],
    [
      'a set has no repeated members',
      'modify',
      { 'Records[0].dynamodb.NewImage.tags.SS': ['a', 'a'] },
      'Records[0].dynamodb.NewImage.tags.SS[1]',
      /each member once/,
    ],
    [
      'a set is not empty',
      'modify',
      { 'Records[0].dynamodb.NewImage.tags.SS': [] },
      'Records[0].dynamodb.NewImage.tags.SS',
      /non-empty/,
    ],
    [
      'an AttributeValue has one type',
      'modify',
      { 'Records[0].dynamodb.NewImage.n': { N: '1', S: '1' } },
      'Records[0].dynamodb.NewImage.n',
      /exactly one of/,
    ],
    [
      'key attributes are S, N or B',
      'modify',
      {
        'Records[0].dynamodb.Keys.sk': { BOOL: true },
        'Records[0].dynamodb.NewImage.sk': { BOOL: true },
        'Records[0].dynamodb.OldImage.sk': { BOOL: true },
      },
      'Records[0].dynamodb.Keys.sk',
      /S, N or B/,
    ],
    [
      'userIdentity only on TTL deletes',
      'insert',
      { 'Records[0].userIdentity': { type: 'Service', principalId: 'dynamodb.amazonaws.com' } },
      'Records[0].userIdentity',
      /only deletes by Time to Live/,
    ],
    [
      'TTL userIdentity is the DynamoDB service',
      'ttl',
      { 'Records[0].userIdentity.principalId': 'someone' },
      'Records[0].userIdentity',
      /DynamoDB service/,
    ],
    [
      'the stream ARN has a stream label',
      'insert',
      (e) => {
        e.Records[0].eventSourceARN = e.Records[0].eventSourceARN.replace(/\/stream\/.*/, '');
      },
      'Records[0].eventSourceARN',
      /DynamoDB stream ARN/,
    ],
    [
      'the stream label is a creation time without a zone',
      'insert',
      (e) => {
        e.Records[0].eventSourceARN = `${e.Records[0].eventSourceARN}Z`;
      },
      'Records[0].eventSourceARN',
      /creation time/,
    ],
    [
      'awsRegion agrees with the ARN',
      'insert',
      { 'Records[0].awsRegion': 'eu-west-3' },
      'Records[0].awsRegion',
      /region of the stream ARN/,
    ],
    [
      'ApproximateCreationDateTime is in seconds',
      'insert',
      (e) => {
        e.Records[0].dynamodb.ApproximateCreationDateTime *= 1000;
      },
      'Records[0].dynamodb.ApproximateCreationDateTime',
      /epoch seconds/,
    ],
    [
      'eventName is INSERT, MODIFY or REMOVE',
      'insert',
      { 'Records[0].eventName': 'UPDATE' },
      'Records[0].eventName',
      /INSERT, MODIFY or REMOVE/,
    ],
    [
      'eventVersion is 1.1',
      'insert',
      { 'Records[0].eventVersion': '2.0' },
      'Records[0].eventVersion',
      /1\.1/,
    ],
    [
      'StreamViewType is a view type',
      'insert',
      { 'Records[0].dynamodb.StreamViewType': 'ALL' },
      'Records[0].dynamodb.StreamViewType',
      /StreamViewType is one of/,
    ],
    [
      'Keys are present',
      'insert',
      { 'Records[0].dynamodb.Keys': REMOVED },
      'Records[0].dynamodb.Keys',
      /Keys holds/,
    ],
  ]);

  it('every event the generator makes passes', async () => {
    for (const seed of [1, 2, 3]) {
      for (const options of [
        {},
        { records: 20, eventName: 'MODIFY' as const },
        { ttl: true, viewType: 'KEYS_ONLY' as const },
      ]) {
        expect(await checkEvent(await dynamoDbEvent({ ...options, seed }))).toEqual({
          kind: 'dynamodb',
          problems: [],
        });
      }
    }
  });

  it("the Lambda documentation's example passes (eventVersion 1.0, placeholder sequence numbers)", async () => {
    const arn = 'arn:aws:dynamodb:us-east-2:123456789012:table/my-table/stream/2023-06-10T19:26:16.525';
    const record = (eventName: string, sequence: string, size: number, images: object) => ({
      eventID: '1',
      eventName,
      eventVersion: '1.0',
      eventSource: 'aws:dynamodb',
      awsRegion: 'us-east-2',
      dynamodb: {
        ApproximateCreationDateTime: 1479499740,
        Keys: { Id: { N: '101' } },
        ...images,
        SequenceNumber: sequence,
        SizeBytes: size,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
      eventSourceARN: arn,
    });
    const event = {
      Records: [
        record('INSERT', '111', 26, { NewImage: { Message: { S: 'New item!' }, Id: { N: '101' } } }),
        record('MODIFY', '222', 59, {
          NewImage: { Message: { S: 'This item has changed' }, Id: { N: '101' } },
          OldImage: { Message: { S: 'New item!' }, Id: { N: '101' } },
        }),
      ],
    };
    expect(await checkEvent(event)).toEqual({ kind: 'dynamodb', problems: [] });
  });
});
